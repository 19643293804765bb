import Model

/// One entry of `expect:`, a regression check on a metric judged with its
/// 95% confidence interval over replications:
///
/// ```yaml
/// expect:
///   - {scenario: container, metric: latency_p99_s, below: 0.3}
///   - {scenario: container, metric: replicas_max, between: [2, 10], point: 3}
///   - {scenario: container, metric: cost_total, lessThanScenario: vm}
/// ```
///
/// `below`, `above` and `between` bound the metric's mean; `lessThanScenario`
/// and `greaterThanScenario` bound the paired difference (this scenario
/// minus the other, replication by replication) by zero. Without `point`
/// an expectation is judged at every point of a sweep.
public struct Expectation: Sendable, Equatable {
    public enum Bound: Sendable, Equatable {
        case below(Double)
        case above(Double)
        case between(Double, Double)
        case lessThanScenario(String)
        case greaterThanScenario(String)
    }

    public var scenario: String
    public var metric: String
    public var bound: Bound
    /// The point it is judged at; nil: every point.
    public var point: Int?
    /// `file:line` of the entry, for messages.
    public var location: String

    public init(scenario: String, metric: String, bound: Bound, point: Int?, location: String) {
        self.scenario = scenario
        self.metric = metric
        self.bound = bound
        self.point = point
        self.location = location
    }

    /// Reads `expect:`, rejecting unknown keys, metrics, scenarios and points.
    static func readAll(_ value: ConfigValue, scenarios: [String], points: Int) throws -> [Expectation] {
        try value.list().map { item in
            let m = try item.map()
            let scenario = try name(m.required("scenario"), in: scenarios, what: "scenario")
            let metric = try name(m.required("metric"), in: RunResult.metricNames, what: "metric")
            var point: Int?
            if let p = m.optional("point") {
                let i = try p.int(min: 0)
                guard i < points else { throw p.error("no point \(i): the study has \(points) point(s), 0 to \(points - 1)") }
                point = i
            }
            var bounds: [Bound] = []
            if let v = m.optional("below") { bounds.append(.below(try v.double())) }
            if let v = m.optional("above") { bounds.append(.above(try v.double())) }
            if let v = m.optional("between") {
                let pair = try v.list()
                guard pair.count == 2 else { throw v.error("expected two numbers [low, high], got \(pair.count)") }
                let (low, high) = (try pair[0].double(), try pair[1].double())
                guard low <= high else { throw v.error("the low bound must not exceed the high one") }
                bounds.append(.between(low, high))
            }
            for (key, make) in [("lessThanScenario", Bound.lessThanScenario), ("greaterThanScenario", Bound.greaterThanScenario)] {
                guard let v = m.optional(key) else { continue }
                let other = try name(v, in: scenarios, what: "scenario")
                guard other != scenario else { throw v.error("compares scenario '\(scenario)' with itself") }
                bounds.append(make(other))
            }
            try m.finish()
            guard bounds.count == 1, let bound = bounds.first else {
                throw item.error("needs exactly one of below, above, between, lessThanScenario, greaterThanScenario; got \(bounds.count)")
            }
            let location = item.line.map { "\(item.file):\($0)" } ?? item.file
            return Expectation(scenario: scenario, metric: metric, bound: bound, point: point, location: location)
        }
    }

    private static func name(_ v: ConfigValue, in names: [String], what: String) throws -> String {
        let s = try v.string()
        guard names.contains(s) else {
            let list = names.count <= 12 ? "; \(what)s: \(names.joined(separator: ", "))" : ""
            throw v.error("unknown \(what) '\(s)'\(Suggestion.hint(s, names))\(list)")
        }
        return s
    }

    /// How it reads in a verdict line: `container latency_p99_s below 0.3`.
    public var text: String {
        let head = "\(scenario) \(metric)"
        switch bound {
        case .below(let b): return "\(head) below \(CSVFormat.number(b))"
        case .above(let b): return "\(head) above \(CSVFormat.number(b))"
        case .between(let a, let b): return "\(head) between \(CSVFormat.number(a)) and \(CSVFormat.number(b))"
        case .lessThanScenario(let o): return "\(head) less than \(o)'s (paired)"
        case .greaterThanScenario(let o): return "\(head) greater than \(o)'s (paired)"
        }
    }
}
