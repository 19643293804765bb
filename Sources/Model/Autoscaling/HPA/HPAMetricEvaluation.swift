/// One metric's outcome at one sync: the replica count it proposes (or why
/// it failed) and the numbers behind it.
public struct HPAMetricEvaluation: Sendable, Equatable {
    /// `metric:<name>` vocabulary: the metric's name (`cpu`, `http_requests`).
    public var metric: String
    /// The proposal; nil when the metric failed (`error` says why).
    public var replicas: Int?
    public var error: String?
    /// Resource `Utilization`: the integer percent Kubernetes reports.
    public var utilizationPercent: Int?
    /// Average sample of the pods counted first (milli-units): the raw
    /// average for resources, the usage for Pods/Object/External metrics.
    public var average: Int64?
    /// The proposal kept the current count because the ratio was inside
    /// the tolerance band (or rebalancing would flip the direction).
    public var heldByTolerance: Bool
    /// Human-readable reasoning, one line per step.
    public var steps: [String]

    public init(metric: String, replicas: Int?, error: String? = nil, utilizationPercent: Int? = nil,
                average: Int64? = nil, heldByTolerance: Bool = false, steps: [String]) {
        self.metric = metric
        self.replicas = replicas
        self.error = error
        self.utilizationPercent = utilizationPercent
        self.average = average
        self.heldByTolerance = heldByTolerance
        self.steps = steps
    }

    static func failure(_ metric: String, _ message: String, steps: [String] = []) -> HPAMetricEvaluation {
        HPAMetricEvaluation(metric: metric, replicas: nil, error: message, steps: steps + ["error: \(message)"])
    }
}
