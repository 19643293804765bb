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

/// What a container crash leads to: a new pod (`replace`), or the same pod's
/// container restarted by the kubelet after a back-off (`restart`).
public enum RecoverySpec: Sendable, Equatable {
    case replace
    case restart(BackoffSpec)
}

/// kubelet's CrashLoopBackOff: the n-th consecutive restart waits
/// min(initial·2^(n−1), max); a container that ran for `reset` without
/// crashing starts again at `initial` (kubelet: 10 s, 300 s, 10 min).
public struct BackoffSpec: Sendable, Equatable {
    public var initial: Double
    public var max: Double
    public var reset: Double
    public init(initial: Double = 10, max: Double = 300, reset: Double = 600) {
        self.initial = initial
        self.max = max
        self.reset = reset
    }

    /// The wait before restart number `n` (1-based).
    public func delay(restart n: Int) -> Double {
        let exponent = Double(Swift.min(n - 1, 60))
        return Swift.min(initial * pow2(exponent), max)
    }
}



/// How a dead node is noticed: the node controller marks it NotReady after
/// `monitorGracePeriod` (its pods leave the Service endpoints then), and
/// evicts its pods `tolerationSeconds` later (the ReplicaSet replaces them).
/// Kubernetes defaults: --node-monitor-grace-period 40 s, and the
/// not-ready/unreachable tolerations that admission adds, 300 s.
public struct NodeFailureSpec: Sendable, Equatable {
    public var monitorGracePeriod: Double
    public var tolerationSeconds: Double
    public init(monitorGracePeriod: Double = 40, tolerationSeconds: Double = 300) {
        self.monitorGracePeriod = monitorGracePeriod
        self.tolerationSeconds = tolerationSeconds
    }
}

/// How a load balancer and a VM scale group notice a dead VM or microVM:
/// `unhealthyThreshold` failed checks `interval` apart, not before
/// `gracePeriod` after the instance was launched (AWS: ALB interval 30 s,
/// threshold 2; Auto Scaling health-check grace period 300 s in the console).
public struct HealthCheckSpec: Sendable, Equatable {
    public var interval: Double
    public var unhealthyThreshold: Int
    public var gracePeriod: Double
    public init(interval: Double = 30, unhealthyThreshold: Int = 2, gracePeriod: Double = 300) {
        self.interval = interval
        self.unhealthyThreshold = unhealthyThreshold
        self.gracePeriod = gracePeriod
    }

    /// When a VM launched at `launched` and dead since `lost` is found unhealthy.
    public func detection(launched: Double, lost: Double) -> Double {
        Swift.max(lost + interval * Double(unhealthyThreshold), launched + gracePeriod)
    }
}

/// The Service in front of the instances: how long a change of the Ready
/// set takes to reach the load balancer (EndpointSlice controller, then
/// kube-proxy or the cloud balancer). Requests sent meanwhile to an
/// instance that is gone fail (`errors`).
public struct EndpointsSpec: Sendable, Equatable {
    public var propagationDelay: Double
    public init(propagationDelay: Double = 0) { self.propagationDelay = propagationDelay }
}

/// 2^e for a whole e ≥ 0 (exact, no libm).
func pow2(_ e: Double) -> Double { Double(sign: .plus, exponent: Int(e), significand: 1) }
