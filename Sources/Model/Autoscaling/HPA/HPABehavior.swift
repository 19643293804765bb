/// `spec.behavior`: per-direction scaling rules, defaults resolved as the
/// API server does (`pkg/apis/autoscaling/v2/defaults.go`).
public struct HPABehavior: Sendable, Equatable {
    public var scaleUp: HPAScalingRules
    public var scaleDown: HPAScalingRules

    public init(scaleUp: HPAScalingRules = .defaultScaleUp, scaleDown: HPAScalingRules = .defaultScaleDown) {
        self.scaleUp = scaleUp
        self.scaleDown = scaleDown
    }
}

/// `behavior.scaleUp` or `behavior.scaleDown`.
public struct HPAScalingRules: Sendable, Equatable {
    /// `stabilizationWindowSeconds`. nil only for scale-down when the
    /// manifest left it unset: the controller then uses its
    /// `downscaleStabilization` flag (`maybeInitScaleDownStabilizationWindow`).
    public var stabilizationWindowSeconds: Int?
    public var selectPolicy: HPASelectPolicy
    public var policies: [HPAScalingPolicy]
    /// `tolerance` for this direction (Kubernetes ≥ 1.33,
    /// `HPAConfigurableTolerance`); nil: the controller's tolerance.
    public var tolerance: Double?

    public init(stabilizationWindowSeconds: Int?, selectPolicy: HPASelectPolicy = .max,
                policies: [HPAScalingPolicy], tolerance: Double? = nil) {
        self.stabilizationWindowSeconds = stabilizationWindowSeconds
        self.selectPolicy = selectPolicy
        self.policies = policies
        self.tolerance = tolerance
    }

    /// Scale-up defaults: no window, Max of 4 pods or 100% per 15 s.
    public static let defaultScaleUp = HPAScalingRules(
        stabilizationWindowSeconds: 0, selectPolicy: .max,
        policies: [HPAScalingPolicy(type: .pods, value: 4, periodSeconds: 15),
                   HPAScalingPolicy(type: .percent, value: 100, periodSeconds: 15)])

    /// Scale-down defaults: the controller's window, Max of 100% per 15 s.
    public static let defaultScaleDown = HPAScalingRules(
        stabilizationWindowSeconds: nil, selectPolicy: .max,
        policies: [HPAScalingPolicy(type: .percent, value: 100, periodSeconds: 15)])

    /// The longest `periodSeconds` of the policies (`getLongestPolicyPeriod`).
    public var longestPolicyPeriod: Int { policies.map(\.periodSeconds).max() ?? 0 }
}

/// `selectPolicy`: which policy wins when several allow different changes.
public enum HPASelectPolicy: String, Sendable, CaseIterable, Equatable {
    /// The policy allowing the biggest change (default).
    case max = "Max"
    /// The policy allowing the smallest change.
    case min = "Min"
    /// No scaling in this direction.
    case disabled = "Disabled"
}

/// One rate policy: at most `value` pods or percent per `periodSeconds`.
public struct HPAScalingPolicy: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Equatable {
        case pods = "Pods", percent = "Percent"
    }

    public var type: Kind
    public var value: Int
    public var periodSeconds: Int

    public init(type: Kind, value: Int, periodSeconds: Int) {
        self.type = type
        self.value = value
        self.periodSeconds = periodSeconds
    }
}
