/// The Deployment controller's decision, as a pure function: given the
/// ReplicaSets' replica counts (oldest revision first, the last one is the
/// current template's), how many of each one's pods are available, and
/// whether pods of old revisions still run, the counts it sets next.
///
/// It follows Kubernetes' `pkg/controller/deployment` (rolling.go,
/// recreate.go, sync.go), one step per sync as the controller does (each
/// step's ReplicaSet update triggers the next sync):
/// 1. a scaling event (desired replicas changed since the last sync, and
///    some ReplicaSet has replicas): with one active ReplicaSet it is sized
///    to replicas;
///    with several (RollingUpdate mid-rollout) replicas + maxSurge is spread
///    over them in proportion to their size, the rest going to the newest
///    active one (Kubernetes gives it to the largest: a simplification);
/// 2. RollingUpdate scales the new ReplicaSet up to at most
///    replicas + maxSurge pods in all, never beyond replicas;
/// 3. otherwise it scales old ReplicaSets down, oldest first: first their
///    unavailable pods, then available ones, never below
///    replicas − maxUnavailable available pods in all (counting the new
///    ReplicaSet's unavailable pods against the budget);
/// 4. Recreate scales every old ReplicaSet to 0, then waits until no old pod
///    runs (terminating ones included) before scaling the new one up.
public enum RolloutPlanner {
    public struct State: Equatable, Sendable {
        /// spec.replicas of each ReplicaSet, oldest revision first.
        public var sets: [Int]
        /// Available pods of each ReplicaSet.
        public var available: [Int]
        /// Whether any pod of an old revision still runs (terminating included).
        public var oldPodsRunning: Bool
        /// The replicas the ReplicaSets were last sized for (the
        /// desired-replicas annotation).
        public var annotated: Int
        public init(sets: [Int], available: [Int], oldPodsRunning: Bool, annotated: Int) {
            self.sets = sets
            self.available = available
            self.oldPodsRunning = oldPodsRunning
            self.annotated = annotated
        }
    }

    /// The ReplicaSet sizes after one sync for `replicas` desired, and the
    /// annotation to record; `sets` unchanged means nothing to do.
    public static func step(_ s: State, replicas: Int, strategy: DeploymentStrategy) -> (sets: [Int], annotated: Int) {
        var sets = s.sets
        let new = sets.count - 1
        // As Kubernetes' isScalingEvent: only active ReplicaSets carry an
        // annotation that can disagree (with none, the strategy decides).
        let active = sets.indices.filter { sets[$0] > 0 }
        if replicas != s.annotated && !active.isEmpty {
            if active.count == 1 {
                sets[active[0]] = replicas
            } else if case .rollingUpdate = strategy {
                sets = proportionallyScaled(sets, to: replicas == 0 ? 0 : replicas + strategy.bounds(replicas).surge)
            }
            return (sets, replicas)
        }
        let oldTotal = sets[..<new].reduce(0, +)
        switch strategy {
        case .recreate:
            if oldTotal > 0 {
                for i in 0..<new { sets[i] = 0 }
            } else if !s.oldPodsRunning {
                sets[new] = replicas
            }
        case .rollingUpdate:
            let (surge, unavailable) = strategy.bounds(replicas)
            if sets[new] > replicas { sets[new] = replicas; break }
            let total = sets.reduce(0, +)
            let up = Swift.min(replicas + surge - total, replicas - sets[new])
            if up > 0 { sets[new] += up; break }
            guard oldTotal > 0 else { break }
            let minAvailable = replicas - unavailable
            let newUnavailable = Swift.max(0, sets[new] - s.available[new])
            var budget = total - minAvailable - newUnavailable
            guard budget > 0 else { break }
            // Unavailable old pods go first: removing them costs no availability.
            for i in 0..<new where budget > 0 && sets[i] > 0 {
                let cut = Swift.min(budget, Swift.max(0, sets[i] - s.available[i]))
                sets[i] -= cut
                budget -= cut
            }
            var excess = s.available.reduce(0, +) - minAvailable
            for i in 0..<new where excess > 0 && sets[i] > 0 {
                let cut = Swift.min(sets[i], excess)
                sets[i] -= cut
                excess -= cut
            }
        }
        return (sets, replicas)
    }

    /// Kubernetes' proportional scaling: the difference between `allowed`
    /// and today's total is shared among the ReplicaSets that have
    /// replicas in proportion to their size (rounded toward zero); what
    /// rounding leaves goes to the newest, then the next newest, as far as
    /// none goes below zero.
    static func proportionallyScaled(_ sets: [Int], to allowed: Int) -> [Int] {
        let total = sets.reduce(0, +)
        let diff = allowed - total
        guard diff != 0, total > 0 else { return sets }
        var out = sets
        var given = 0
        for i in sets.indices.reversed() where sets[i] > 0 {
            var share = diff * sets[i] / total
            if diff < 0 { share = Swift.max(share, -out[i]) }
            out[i] += share
            given += share
        }
        // The rest, newest first (a set cannot go below zero).
        var rest = diff - given
        for i in sets.indices.reversed() where rest != 0 && sets[i] > 0 {
            let change = rest > 0 ? rest : -Swift.min(out[i], -rest)
            out[i] += change
            rest -= change
        }
        return out
    }
}
