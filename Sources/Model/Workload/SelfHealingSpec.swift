// How lost instances are noticed and brought back, and how the Service's
// endpoints follow: the scenario's self-healing settings.

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

    /// When the load balancer finds a VM dead since `lost` unhealthy (and
    /// stops sending it requests).
    public func failed(lost: Double) -> Double { lost + interval * Double(unhealthyThreshold) }

    /// When the scale group replaces a VM launched at `launched` and dead
    /// since `lost`: once found unhealthy, not within its grace period.
    public func replacement(launched: Double, lost: Double) -> Double {
        Swift.max(failed(lost: lost), launched + gracePeriod)
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
