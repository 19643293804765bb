import Foundation
import Model

/// What is computed over all runs of a study: per-scenario estimates,
/// summary.csv, overload warnings and manifest.json. Both writers
/// (`ResultFiles` in memory, `StudyFiles` from the journal) use it.
public struct StudySummary {
    public static let version = "0.3.0"

    let study: StudyDescription
    /// Every run's scenario and metrics, in run order.
    let runs: [(scenario: Int, metrics: [Double])]

    public init(_ study: StudyDescription, runs: [(scenario: Int, metrics: [Double])]) {
        self.study = study
        self.runs = runs
    }

    /// Per-scenario estimates of every metric, in scenario then metric order.
    public func estimates() -> [(scenario: String, metric: String, estimate: Estimate)] {
        study.scenarios.indices.flatMap { s in
            let mine = runs.filter { $0.scenario == s }
            return RunResult.metricNames.enumerated().map { m, name in
                (study.scenarios[s], name, Estimate(mine.map { $0.metrics[m] }))
            }
        }
    }

    func summaryCSV() -> String {
        var out = CSVFormat.row(["scenario", "metric", "n", "mean", "stddev", "ci95_low", "ci95_high"])
        for (scenario, metric, e) in estimates() {
            out += CSVFormat.row([CSVFormat.field(scenario), metric, String(e.n), CSVFormat.number(e.mean),
                                  CSVFormat.number(e.stddev), CSVFormat.number(e.low), CSVFormat.number(e.high)])
        }
        return out
    }

    /// Overload warnings (see `RunWarnings`), in scenario order.
    public var warnings: [String] { RunWarnings.make(study, runs: runs) }

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
          "streams": "seed of each stream = StreamSeed.derive(seed, replication, name), names: arrivals, demand, loadBalancer, boot, hosts, hpa",
          "warnings": [\(warnings.map(Self.jsonString).map { "\n    " + $0 }.joined(separator: ","))\(warnings.isEmpty ? "" : "\n  ")],
          "config": \(study.resolvedJSON.replacingOccurrences(of: "\n", with: "\n  "))
        }

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
