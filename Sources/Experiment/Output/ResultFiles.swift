import Foundation
import Model

/// The text of every output file of a run directory, built from the
/// ordered runs: identical bytes for the same config and seed.
public struct ResultFiles {
    public static let version = "0.2.0"

    let experiment: Experiment
    let runs: [Runner.Run]

    public init(experiment: Experiment, runs: [Runner.Run]) {
        self.experiment = experiment
        self.runs = runs
    }

    /// Per-scenario estimates of every metric, in scenario then metric order.
    public func estimates() -> [(scenario: String, metric: String, estimate: Estimate)] {
        experiment.scenarios.indices.flatMap { s in
            let mine = runs.filter { $0.scenario == s }
            return RunResult.metricNames.enumerated().map { m, name in
                (experiment.scenarios[s].name, name, Estimate(mine.map { $0.result.metrics[m] }))
            }
        }
    }

    func runsCSV() -> String {
        var out = CSVFormat.row(["scenario", "replication", "seed"] + RunResult.metricNames)
        for run in runs {
            out += CSVFormat.row([CSVFormat.field(experiment.scenarios[run.scenario].name), String(run.replication),
                                  String(experiment.seed)] + run.result.metrics.map(CSVFormat.number))
        }
        return out
    }

    func summaryCSV() -> String {
        var out = CSVFormat.row(["scenario", "metric", "n", "mean", "stddev", "ci95_low", "ci95_high"])
        for (scenario, metric, e) in estimates() {
            out += CSVFormat.row([CSVFormat.field(scenario), metric, String(e.n), CSVFormat.number(e.mean),
                                  CSVFormat.number(e.stddev), CSVFormat.number(e.low), CSVFormat.number(e.high)])
        }
        return out
    }

    /// Phase columns in pipeline order, for the phases any scenario has.
    static let phaseOrder = ["provision", "schedule", "vmm", "pull", "create", "boot", "init", "readiness"]

    func bootsCSV() -> String {
        let used = Set(experiment.scenarios.flatMap { $0.platform.kind.phaseNames })
        let phases = Self.phaseOrder.filter(used.contains)
        var out = CSVFormat.row(["scenario", "replication", "instance", "platform", "node", "requested_s", "ready_s",
                                 "phase_pending_s"] + phases.map { "phase_\($0)_s" }
                                 + ["pull_bytes", "cached_bytes", "terminating_s", "gone_s"])
        for run in runs {
            for b in run.result.boots {
                let optional = { (x: Double?) -> String in x.map(CSVFormat.number) ?? "" }
                var cells: [String] = [CSVFormat.field(experiment.scenarios[run.scenario].name), String(run.replication),
                                       String(b.instance), b.platform.rawValue, b.host >= 0 ? String(b.host) : ""]
                cells += [CSVFormat.number(b.requested), optional(b.ready), CSVFormat.number(b.pending)]
                cells += phases.map { optional(b.phases[$0]) }
                cells += [CSVFormat.number(b.pullBytes), CSVFormat.number(b.cachedBytes)]
                cells += [optional(b.terminating), optional(b.gone)]
                out += CSVFormat.row(cells)
            }
        }
        return out
    }

    func timeseriesCSV() -> String {
        var out = CSVFormat.row(["scenario", "replication"] + TimeSeriesRow.columns)
        for run in runs {
            let name = CSVFormat.field(experiment.scenarios[run.scenario].name)
            for r in run.result.timeseries {
                out += CSVFormat.row([name, String(run.replication)] + [
                    r.start, r.offeredRate, Double(r.arrivals), Double(r.completions), Double(r.rejections),
                    Double(r.desired), Double(r.pending), Double(r.booting), Double(r.ready), Double(r.terminating),
                    Double(r.hosts), Double(r.nodes), r.cpuUtilization, Double(r.queueLength), r.latencyP95, r.hpaMetric,
                ].map(CSVFormat.number))
            }
        }
        return out
    }

    /// Overload warnings (see `RunWarnings`), in scenario order.
    public var warnings: [String] { RunWarnings.make(experiment: experiment, runs: runs) }

    /// One row per controller decision that changed something.
    func scalingCSV() -> String {
        var out = CSVFormat.row(["scenario", "replication", "time_s", "controller", "from", "to", "reason"])
        for run in runs {
            let name = CSVFormat.field(experiment.scenarios[run.scenario].name)
            for r in run.result.scaling {
                out += CSVFormat.row([name, String(run.replication), CSVFormat.number(r.time), r.controller,
                                      String(r.from), String(r.to), CSVFormat.field(r.reason)])
            }
        }
        return out
    }

    func manifestJSON() -> String {
        let warnings = self.warnings
        return """
        {
          "capsimVersion": "\(Self.version)",
          "name": \(jsonString(experiment.name)),
          "file": \(jsonString(experiment.file)),
          "configHash": "\(experiment.configHash)",
          "seed": \(experiment.seed),
          "replications": \(experiment.replications),
          "streams": "seed of each stream = StreamSeed.derive(seed, replication, name), names: arrivals, demand, loadBalancer, boot, hosts",
          "warnings": [\(warnings.map(jsonString).map { "\n    " + $0 }.joined(separator: ","))\(warnings.isEmpty ? "" : "\n  ")],
          "config": \(experiment.resolvedJSON.replacingOccurrences(of: "\n", with: "\n  "))
        }

        """
    }

    private func jsonString(_ s: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
        let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
        return String(array.dropFirst().dropLast())
    }

    /// Writes every file into `directory`, each through a temporary file
    /// renamed into place, so a reader never sees half a file.
    public func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = [
            ("runs.csv", runsCSV()), ("summary.csv", summaryCSV()), ("boots.csv", bootsCSV()),
            ("timeseries.csv", timeseriesCSV()), ("scaling.csv", scalingCSV()), ("manifest.json", manifestJSON()),
        ]
        for (name, text) in files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            try Data(text.utf8).write(to: url, options: .atomic)
        }
    }
}
