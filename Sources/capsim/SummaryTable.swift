import Experiment
import Foundation

/// The printed summary: metrics down, scenarios across, mean ± 95% half-width.
enum SummaryTable {
    static let metrics: [(String, String)] = [
        ("requests", "requests"), ("throughput_rps", "throughput (req/s)"), ("rejected_ratio", "rejected ratio"),
        ("wait_mean_s", "mean wait (s)"), ("latency_mean_s", "mean latency (s)"), ("latency_p99_s", "p99 latency (s)"),
        ("utilization_mean", "utilization"), ("in_system_mean", "mean in system"),
        ("time_to_ready_mean_s", "time to ready (s)"), ("start_mean_s", "platform start (s)"),
        ("pull_share_mean", "pull share of start"), ("boot_p95_s", "boot p95 (s)"),
        ("slo_violation_ratio", "SLO violations"), ("instances_mean", "mean instances"),
        ("time_to_scale_s", "time to scale (s)"), ("replicas_max", "replicas max"), ("scale_ups", "scale-ups"),
        ("scale_downs", "scale-downs"), ("hosts_mean", "mean hosts/nodes"),
        ("memory_overhead_mib_mean", "memory overhead (MiB)"),
        ("cost_total", "cost ($)"), ("cost_per_million_requests", "cost per 1M req ($)"),
        ("availability", "availability"), ("errors", "failed requests"), ("downtime_s", "downtime (s)"),
        ("mttr_s", "mean time to recover (s)"), ("restarts", "restarts"),
        ("rollout_duration_s", "rollout duration (s)"), ("rollout_extra_instance_seconds", "rollout extra inst·s"),
    ]

    /// Rows shown only when some scenario has a non-zero value (faults, rollouts).
    static let whenNonZero: Set<String> = [
        "memory_overhead_mib_mean", "hosts_mean", "scale_ups", "scale_downs", "errors", "downtime_s", "restarts",
        "rollout_extra_instance_seconds",
    ]

    /// Points shown one table each; a bigger sweep prints where its tables are.
    static let maxPoints = 8

    /// The table of every point (of the one point without a sweep), then the
    /// significant paired differences against `baseline:`.
    static func render(experiment: Experiment, summary: StudySummary) -> String {
        let study = StudyDescription(experiment)
        var parts: [String] = []
        let shown = min(study.pointCount, maxPoints)
        for p in 0..<shown {
            parts.append(render(experiment: experiment, estimates: summary.estimates(point: p), point: study.pointLabel(p)))
        }
        if study.pointCount > shown {
            parts.append("... \(study.pointCount - shown) more point(s): see summary.csv")
        }
        if let comparison = summary.comparison {
            parts.append(comparisonLines(comparison, study: study))
        }
        return parts.joined(separator: "\n\n")
    }

    static func render(experiment: Experiment, estimates: [(scenario: String, metric: String, estimate: Estimate)],
                       point: String? = nil) -> String {
        let names = experiment.scenarios.map(\.name)
        var rows: [[String]] = [["metric"] + names]
        for (key, label) in metrics {
            let cells = names.map { s in estimates.first { $0.scenario == s && $0.metric == key }!.estimate }
            if cells.allSatisfy({ $0.mean.isNaN }) { continue }
            if key.hasPrefix("cost"), cells.allSatisfy({ $0.mean == 0 || $0.mean.isNaN }) { continue }
            if whenNonZero.contains(key), cells.allSatisfy({ $0.mean == 0 }) { continue }
            // Availability says something only next to failures or downtime.
            if key == "availability", !estimates.contains(where: { ($0.metric == "errors" || $0.metric == "downtime_s") && $0.estimate.mean > 0 }) {
                continue
            }
            rows.append([label] + cells.map(cell))
        }
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max()! }
        let lines = rows.map { row in
            row.enumerated().map { c, text in
                c == 0 ? text.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[c] - text.count) + text
            }.joined(separator: "  ")
        }
        let title = "\(experiment.name)\(point.map { " \($0)" } ?? ""): \(experiment.replications) replication(s), mean ± 95% CI half-width"
        return ([title, lines[0], String(repeating: "-", count: lines[0].count)] + lines.dropFirst()).joined(separator: "\n")
    }

    static func cell(_ e: Estimate) -> String {
        if e.mean.isNaN { return "-" }
        let m = String(format: "%.4g", e.mean)
        if e.halfWidth.isNaN { return m }
        // Rounding noise of identical replications prints as an exact zero.
        let half = e.halfWidth <= 1e-9 * abs(e.mean) ? 0 : e.halfWidth
        return "\(m) ± \(String(format: "%.2g", half))"
    }

    /// The paired differences against the baseline whose 95% interval
    /// excludes zero, for the table's metrics, at the points shown.
    static func comparisonLines(_ comparison: PairedComparison, study: StudyDescription) -> String {
        let labels = Dictionary(uniqueKeysWithValues: metrics.map { ($0.0, $0.1) })
        let rows = comparison.rows().filter { $0.point < maxPoints && $0.significant && labels[$0.metric] != nil }
        var lines = ["significant paired differences against '\(comparison.baseline)' (mean, 95% CI, relative):"]
        var point = -1
        for r in rows {
            let e = r.difference
            let relative = r.relative.isNaN ? "" : String(format: " (%+.1f%%)", 100 * r.relative)
            if r.point != point, let label = study.pointLabel(r.point) { lines.append(" \(label):") }
            point = r.point
            lines.append("  \(r.scenario) \(labels[r.metric] ?? r.metric): "
                         + String(format: "%+.4g [%.4g, %.4g]", e.mean, e.low, e.high) + relative)
        }
        if rows.isEmpty { lines.append("  none") }
        return lines.joined(separator: "\n")
    }
}
