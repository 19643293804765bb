/// The kube-controller-manager flags that shape every HPA's decisions
/// (`--horizontal-pod-autoscaler-*`), with their Kubernetes defaults.
public struct HPAControllerConfig: Sendable, Equatable {
    /// Seconds between two evaluations of one HPA (`sync-period`, 15 s).
    public var syncPeriod: Double
    /// `tolerance` (0.1), per direction; `behavior.*.tolerance` overrides it.
    public var tolerance: HPATolerances
    /// Seconds after a pod's start during which CPU samples may be skipped
    /// (`cpu-initialization-period`, 5 min).
    public var cpuInitializationPeriod: Double
    /// Seconds after start within which a readiness change still counts as
    /// "never been ready" (`initial-readiness-delay`, 30 s).
    public var initialReadinessDelay: Double
    /// The legacy downscale window and the default `scaleDown` window
    /// (`downscale-stabilization`, 5 min), in seconds.
    public var downscaleStabilization: Double
    /// Legacy scale-up cap: max(factor × current, minimum). Kubernetes ships
    /// 2 and 4 (its unit tests override the factor to 8).
    public var scaleUpLimitFactor: Double
    public var scaleUpLimitMinimum: Double

    public init(syncPeriod: Double = 15, tolerance: HPATolerances = HPATolerances(0.1),
                cpuInitializationPeriod: Double = 300, initialReadinessDelay: Double = 30,
                downscaleStabilization: Double = 300, scaleUpLimitFactor: Double = 2,
                scaleUpLimitMinimum: Double = 4) {
        self.syncPeriod = syncPeriod
        self.tolerance = tolerance
        self.cpuInitializationPeriod = cpuInitializationPeriod
        self.initialReadinessDelay = initialReadinessDelay
        self.downscaleStabilization = downscaleStabilization
        self.scaleUpLimitFactor = scaleUpLimitFactor
        self.scaleUpLimitMinimum = scaleUpLimitMinimum
    }

    /// Kubernetes' defaults.
    public static let kubernetes = HPAControllerConfig()

    /// The tolerances one HPA runs with: the flag, overridden per direction
    /// by `behavior.scaleUp.tolerance` / `behavior.scaleDown.tolerance`.
    public func tolerances(for spec: HPASpec) -> HPATolerances {
        var t = tolerance
        if let up = spec.behavior?.scaleUp.tolerance { t.scaleUp = up }
        if let down = spec.behavior?.scaleDown.tolerance { t.scaleDown = down }
        return t
    }
}

/// The band of usage ratios that means "no change":
/// `1 − scaleDown ≤ ratio ≤ 1 + scaleUp` (RC `Tolerances.isWithin`).
public struct HPATolerances: Sendable, Equatable {
    public var scaleUp: Double
    public var scaleDown: Double

    public init(scaleUp: Double, scaleDown: Double) {
        self.scaleUp = scaleUp
        self.scaleDown = scaleDown
    }

    public init(_ both: Double) { self.init(scaleUp: both, scaleDown: both) }

    /// Whether `ratio` lies in the closed no-change band.
    public func contains(_ ratio: Double) -> Bool {
        1 - scaleDown <= ratio && ratio <= 1 + scaleUp
    }
}
