import SimRandom

/// What keeps the desired instance count after a loss.
///
/// `deployment`: a ReplicaSet keeps `desired` instances, so a lost instance
/// is replaced at once by a new one that goes through a full boot
/// (placement included). `pods`: bare pods, never replaced; a lost instance
/// lowers `desired` with it.
public enum WorkloadKind: String, Sendable, CaseIterable, Codable {
    case deployment, pods
}

/// Random instance failures: each instance, when it becomes Ready, draws
/// its time to failure (stream `failures`, so other draws are unchanged);
/// when it fails while still Ready it is lost like a killed pod and, in a
/// deployment, replaced by a new instance with a full boot.
public struct FailureSpec: Sendable {
    public var timeToFailure: Distribution
    public var recovery: RecoverySpec
    public init(timeToFailure: Distribution, recovery: RecoverySpec = .replace) {
        self.timeToFailure = timeToFailure
        self.recovery = recovery
    }
}

/// A scripted fault: at a given time, one instance or one node is lost.
public struct FaultSpec: Sendable, Equatable {
    /// What the fault kills.
    public enum Target: Sendable, Equatable {
        /// One instance: the given id, or (nil) the Ready instance with the
        /// lowest id. Nothing happens if that instance is not live.
        case pod(instance: Int?)
        /// One host: the given id, or (nil) the lowest-id host that runs an
        /// instance, else the lowest-id host not gone. Every instance on it is
        /// lost and the host is gone for good.
        case node(host: Int?)
        /// One instance's container crashes (same choice as `pod`): the
        /// kubelet restarts it in place after its CrashLoopBackOff wait.
        case container(instance: Int?)
    }

    public var at: Double
    public var target: Target

    public init(at: Double, target: Target) {
        self.at = at
        self.target = target
    }
}
