import Foundation
import Model

/// What is computed over all runs of a study: per-scenario estimates,
/// summary.csv, overload warnings and manifest.json. Both writers
/// (`ResultFiles` in memory, `StudyFiles` from the journal) use it.
public struct StudySummary {
    public static let version = "0.3.0"

    let study: StudyDescription
    /// Every run's point, scenario and metrics, in run order.
    let runs: [RunMetrics]

    /// The runs arranged by point, scenario and replication.
    public let table: RunTable

    public init(_ study: StudyDescription, runs: [RunMetrics]) {
        self.study = study
        self.runs = runs
        table = RunTable(study, runs: runs)
    }

    /// Per-scenario estimates of every metric at the first point (the only
    /// one without a sweep), in scenario then metric order.
    public func estimates() -> [(scenario: String, metric: String, estimate: Estimate)] {
        estimates(point: 0)
    }

    /// Per-scenario estimates of every metric at one point.
    public func estimates(point: Int) -> [(scenario: String, metric: String, estimate: Estimate)] {
        study.scenarios.flatMap { s in
            RunResult.metricNames.map { name in (s, name, Estimate(table.values(point, s, name))) }
        }
    }

    func summaryCSV() -> String {
        var out = CSVFormat.row(study.pointHeader + ["scenario", "metric", "n", "mean", "stddev", "ci95_low", "ci95_high"])
        for p in 0..<study.pointCount {
            for (scenario, metric, e) in estimates(point: p) {
                out += study.pointPrefix(p)
                out += CSVFormat.row([CSVFormat.field(scenario), metric, String(e.n), CSVFormat.number(e.mean),
                                      CSVFormat.number(e.stddev), CSVFormat.number(e.low), CSVFormat.number(e.high)])
            }
        }
        return out
    }

    /// comparison.csv with a `baseline:`, nil without.
    func comparisonCSV() -> String? {
        study.baseline.map { PairedComparison(table, baseline: $0).csv() }
    }

    /// The paired comparison against `baseline:`, if there is one.
    public var comparison: PairedComparison? { study.baseline.map { PairedComparison(table, baseline: $0) } }

    /// Overload warnings (see `RunWarnings`), in point then scenario order;
    /// with a sweep each names its point.
    public var warnings: [String] {
        guard study.swept else { return RunWarnings.make(study, runs: runs.map { ($0.scenario, $0.metrics) }) }
        return (0..<study.pointCount).flatMap { p in
            RunWarnings.make(study, runs: runs.filter { $0.point == p }.map { ($0.scenario, $0.metrics) })
                .map { "\(study.pointLabel(p) ?? ""): \($0)" }
        }
    }

    func manifestJSON() -> String {
        let warnings = self.warnings
        return """
        {
          "capsimVersion": "\(Self.version)",
          "name": \(Self.jsonString(study.name)),
          "file": \(Self.jsonString(study.file)),
          "configHash": "\(study.configHash)",
          "seed": \(study.seed),
          "replications": \(study.replications),
          "streams": "seed of each stream = StreamSeed.derive(seed, replication, name), names: arrivals, demand, loadBalancer, boot, hosts, hpa, failures",\(sweepLines)
          "warnings": [\(warnings.map(Self.jsonString).map { "\n    " + $0 }.joined(separator: ","))\(warnings.isEmpty ? "" : "\n  ")],
          "config": \(study.resolvedJSON.replacingOccurrences(of: "\n", with: "\n  "))
        }

        """
    }

    /// With a sweep: how point seeds derive, and the points' count.
    private var sweepLines: String {
        guard study.swept else { return "" }
        return """

          "sweep": {"points": \(study.pointCount), "parameters": [\(study.parameters.map(Self.jsonString).joined(separator: ", "))], \
        "pointSeeds": "seed of point p = StreamSeed.derive(seed, p, \\"sweep-point\\"), used in place of seed above"},
        """
    }

    static func jsonString(_ s: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
        let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
        return String(array.dropFirst().dropLast())
    }

    /// Writes a small file whole through a temporary file renamed into place.
    static func write(_ text: String, to url: URL) throws {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw OutputError(path: url.path, action: "write")
        }
    }
}
