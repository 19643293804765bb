import Foundation

/// The judgement of one expectation at one point: its estimate (of the
/// metric's mean, or of the paired difference for the relative forms) and
/// whether the 95% interval lies wholly on the right side of the bound
/// (`pass`), wholly on the wrong side (`fail`) or straddles it
/// (`inconclusive`: more replications needed).
public struct Verdict: Sendable {
    public enum Outcome: String, Sendable {
        case pass, fail, inconclusive
    }

    public var expectation: Expectation
    public var point: Int
    public var estimate: Estimate
    public var outcome: Outcome

    /// Judges every expectation at its point (or at every point), in the
    /// order written, then point order.
    public static func judge(_ expectations: [Expectation], _ table: RunTable) -> [Verdict] {
        expectations.flatMap { e in
            let points = e.point.map { [$0] } ?? Array(0..<table.study.pointCount)
            return points.map { p in judge(e, at: p, table) }
        }
    }

    static func judge(_ e: Expectation, at point: Int, _ table: RunTable) -> Verdict {
        let estimate: Estimate
        switch e.bound {
        case .lessThanScenario(let other), .greaterThanScenario(let other):
            estimate = Estimate(table.pairedDifferences(point, e.scenario, minus: other, metric: e.metric).diffs)
        default:
            estimate = Estimate(table.values(point, e.scenario, e.metric))
        }
        return Verdict(expectation: e, point: point, estimate: estimate, outcome: outcome(e.bound, estimate))
    }

    /// The rule: the interval against the bound. No interval (one
    /// replication, an undefined metric) is inconclusive.
    static func outcome(_ bound: Expectation.Bound, _ e: Estimate) -> Outcome {
        guard !e.low.isNaN, !e.high.isNaN else { return .inconclusive }
        switch bound {
        case .below(let b): return e.high < b ? .pass : e.low >= b ? .fail : .inconclusive
        case .lessThanScenario: return e.high < 0 ? .pass : e.low >= 0 ? .fail : .inconclusive
        case .above(let b): return e.low > b ? .pass : e.high <= b ? .fail : .inconclusive
        case .greaterThanScenario: return e.low > 0 ? .pass : e.high <= 0 ? .fail : .inconclusive
        case .between(let a, let b):
            if a <= e.low && e.high <= b { return .pass }
            return e.high < a || e.low > b ? .fail : .inconclusive
        }
    }

    /// One line: `PASS  container latency_p99_s below 0.3: 0.21 [0.19, 0.23] (experiments/x.yaml:30)`.
    public func line(pointLabel: String?) -> String {
        let value = estimate.mean.isNaN ? "undefined" : CSVFormat.number(Self.round(estimate.mean))
        let interval = estimate.low.isNaN ? "no interval (fewer than 2 replications)"
            : "[\(CSVFormat.number(Self.round(estimate.low))), \(CSVFormat.number(Self.round(estimate.high)))]"
        let at = pointLabel.map { " at \($0)" } ?? ""
        let what = estimate.n > 0 && isRelative ? "difference " : ""
        return "\(outcome.rawValue.uppercased().padding(toLength: 13, withPad: " ", startingAt: 0))"
            + "\(expectation.text)\(at): \(what)\(value) \(interval) (\(expectation.location))"
    }

    private var isRelative: Bool {
        switch expectation.bound {
        case .lessThanScenario, .greaterThanScenario: return true
        default: return false
        }
    }

    /// Four significant digits, for reading.
    static func round(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        let scale = Foundation.pow(10, 3 - Foundation.floor(Foundation.log10(Swift.abs(x))))
        return (x * scale).rounded() / scale
    }
}
