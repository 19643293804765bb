/// The outcome of one HPA sync: the replica count to set, the rule that
/// decided it, the reasoning step by step, and the history to keep.
public struct HPADecision: Sendable, Equatable {
    /// The replica count the controller writes (or keeps).
    public var desired: Int
    /// The current count the sync started from (`scale.spec.replicas`).
    public var current: Int
    /// The rule that decided, in capsim's vocabulary: `metric:<name>`,
    /// `tolerance`, `stabilization`, `policy:Pods`, `policy:Percent`,
    /// `policy:Disabled`, `scaleUpLimit`, `minReplicas`, `maxReplicas`,
    /// `disabled` (target at 0 replicas), `metricError` (no usable metric,
    /// or a failed one while the others would scale down).
    public var reason: String
    /// One line per step of the reasoning.
    public var steps: [String]
    /// Each metric's proposal, in spec order (empty when no metric was read).
    public var metrics: [HPAMetricEvaluation]
    /// The largest valid proposal before normalization, when there was one.
    public var proposal: Int?
    /// After stabilization, when it ran.
    public var stabilized: Int?
    /// Kubernetes conditions set by the sync (`AbleToScale`,
    /// `ScalingLimited`, `ScalingActive`) with their reasons.
    public var conditions: [String: String]
    /// The history to pass to the next sync of this HPA.
    public var history: HPAHistory

    /// Whether the sync changes the replica count.
    public var scales: Bool { desired != current }
}
