import SimRandom

/// A count or a percentage of the desired replicas, as Kubernetes'
/// `IntOrString` in `maxSurge` and `maxUnavailable`.
public enum IntOrPercent: Sendable, Equatable {
    case count(Int)
    case percent(Double)

    /// The count for `replicas` desired: a percentage rounds up for
    /// maxSurge and down for maxUnavailable, as the Deployment controller does.
    public func resolve(_ replicas: Int, roundUp: Bool) -> Int {
        switch self {
        case .count(let n): return n
        case .percent(let p):
            let exact = Double(replicas) * p / 100
            // A tolerance so that 25% of 4 is exactly 1 whichever way it rounds.
            return Int(roundUp ? (exact - 1e-9).rounded(.up) : (exact + 1e-9).rounded(.down))
        }
    }
}

/// How a Deployment replaces the pods of an old revision with new ones.
public enum DeploymentStrategy: Sendable, Equatable {
    /// Every old pod is gone before the first new one is created.
    case recreate
    /// Old pods are scaled down as new ones become available, with at most
    /// replicas + maxSurge pods and at least replicas − maxUnavailable available.
    case rollingUpdate(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent)

    /// Kubernetes' default: RollingUpdate with 25% and 25%.
    public static let kubernetesDefault = DeploymentStrategy.rollingUpdate(maxSurge: .percent(25), maxUnavailable: .percent(25))

    /// (maxSurge, maxUnavailable) as counts for `replicas` desired; both 0
    /// would block a rollout, so maxUnavailable becomes 1 then (as in Kubernetes).
    public func bounds(_ replicas: Int) -> (surge: Int, unavailable: Int) {
        switch self {
        case .recreate: return (0, replicas)
        case .rollingUpdate(let s, let u):
            let surge = s.resolve(replicas, roundUp: true)
            let unavailable = u.resolve(replicas, roundUp: false)
            return (surge, surge == 0 && unavailable == 0 ? 1 : unavailable)
        }
    }
}

/// A new revision of the pod template at a given time: a new image (new
/// layers to pull), everything else as before.
public struct RolloutSpec: Sendable, Equatable {
    public var at: Double
    public var image: ImageSpec
    public init(at: Double, image: ImageSpec) {
        self.at = at
        self.image = image
    }
}

/// The Deployment (and its ReplicaSets) that keeps `workload: deployment`.
/// Replicas, requests, probe, grace period and image live in the scenario's
/// platform and `replicas`; this holds what only a Deployment has.
public struct DeploymentSpec: Sendable {
    public var strategy: DeploymentStrategy = .kubernetesDefault
    /// A new pod counts as available once Ready for this long.
    public var minReadySeconds: Double = 0
    /// A rollout that makes no progress for this long is reported
    /// (`ProgressDeadlineExceeded` in events.csv); like Kubernetes, it goes on.
    public var progressDeadlineSeconds: Double = 600
    public var rollouts: [RolloutSpec] = []
    /// From a change (a lost pod, a new desired count, a rollout step) to the
    /// controllers' pod creations and deletions: informer, work queue and API
    /// calls. Our own estimate, not a published figure: Kubernetes' SLO only
    /// bounds a mutating API call at 1 s (99th percentile).
    public var reconcileDelay: Double = 0.1
    public init() {}
}
