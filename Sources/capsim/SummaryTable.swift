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
    ]

    static func render(experiment: Experiment, estimates: [(scenario: String, metric: String, estimate: Estimate)]) -> String {
        let names = experiment.scenarios.map(\.name)
        var rows: [[String]] = [["metric"] + names]
        for (key, label) in metrics {
            let cells = names.map { s in estimates.first { $0.scenario == s && $0.metric == key }!.estimate }
            if cells.allSatisfy({ $0.mean.isNaN }) { continue }
            if key.hasPrefix("cost"), cells.allSatisfy({ $0.mean == 0 || $0.mean.isNaN }) { continue }
            if ["memory_overhead_mib_mean", "hosts_mean", "scale_ups", "scale_downs"].contains(key),
               cells.allSatisfy({ $0.mean == 0 }) { continue }
            rows.append([label] + cells.map(cell))
        }
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max()! }
        let lines = rows.map { row in
            row.enumerated().map { c, text in
                c == 0 ? text.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[c] - text.count) + text
            }.joined(separator: "  ")
        }
        let title = "\(experiment.name): \(experiment.replications) replication(s), mean ± 95% CI half-width"
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
}
