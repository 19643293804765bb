import DequeModule

/// What the Deployment and its ReplicaSets hold during a run.
struct DeploymentState {
    /// spec.replicas of each ReplicaSet, by revision (the last is current).
    var sets: [Int]
    /// The replicas the ReplicaSets were last sized for.
    var annotated: Int
    var syncScheduled = false
    /// Loss times not yet matched with a replacement (mttr_s).
    var losses = Deque<Double>()
    var rollout: Rollout?
    var completed = 0
    var durationSum = 0.0
    /// Requests failed, dropped or rejected while a rollout ran.
    var errors = 0
    var rejected = 0
    /// ∫ max(0, live instances − desired) dt over rollouts, and its last mark.
    var extraArea = 0.0
    var extraMark = 0.0
    var restarts = 0

    init(replicas: Int) {
        sets = [replicas]
        annotated = replicas
    }

    /// A rollout in progress.
    struct Rollout {
        var index: Int
        var start: Double
        var lastProgress: Double
        var deadlineReported = false
        /// Whether availability must stay at replicas − maxUnavailable:
        /// the rollout began with every replica available, and no pod has
        /// been lost and no replica count changed since (invariant checks).
        var guarded: Bool
    }
}
