import Foundation
import Model

/// Every output file of a results directory, built in memory from the
/// ordered runs (tests and small studies; `capsim run` streams through
/// `Study`): the same bytes as the streaming writer for the same runs.
public struct ResultFiles {
    public static let version = StudySummary.version

    let experiment: Experiment
    let runs: [Runner.Run]
    let records: RunRecords
    let summary: StudySummary

    public init(experiment: Experiment, runs: [Runner.Run]) {
        self.experiment = experiment
        self.runs = runs
        records = RunRecords(StudyDescription(experiment))
        summary = StudySummary(StudyDescription(experiment), runs: runs.map { ($0.point, $0.scenario, $0.result.metrics) })
    }

    /// Per-scenario estimates of every metric, in scenario then metric order.
    public func estimates() -> [(scenario: String, metric: String, estimate: Estimate)] { summary.estimates() }

    /// Overload warnings, in scenario order.
    public var warnings: [String] { summary.warnings }

    func text(_ kind: Journal.Kind) -> String {
        switch kind {
        case .runs: return records.runsHeader + runs.map { records.runsRow($0.point, $0.scenario, $0.replication, metrics: $0.result.metrics) }.joined()
        case .boots: return records.bootsHeader + runs.map { records.bootsRows($0.point, $0.scenario, $0.replication, $0.result.boots) }.joined()
        case .scaling:
            return records.scalingHeader + runs.map { records.scalingRows($0.point, $0.scenario, $0.replication, $0.result.scaling) }.joined()
        case .events:
            return records.eventsHeader + runs.map { records.eventsRows($0.point, $0.scenario, $0.replication, $0.result.timeline) }.joined()
        case .timeseries:
            return records.timeseriesHeader + runs.map { run in
                run.result.timeseries.map { records.timeseriesRow(run.point, run.scenario, run.replication, $0) }.joined()
            }.joined()
        }
    }

    /// Writes every file into `directory`, each through a temporary file
    /// renamed into place, so a reader never sees half a file.
    public func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let url = URL(fileURLWithPath: directory)
        for kind in Journal.Kind.allCases { try StudySummary.write(text(kind), to: url.appendingPathComponent(kind.fileName)) }
        try StudySummary.write(summary.summaryCSV(), to: url.appendingPathComponent("summary.csv"))
        try StudySummary.write(summary.manifestJSON(), to: url.appendingPathComponent("manifest.json"))
        if let comparison = summary.comparisonCSV() {
            try StudySummary.write(comparison, to: url.appendingPathComponent("comparison.csv"))
        }
    }
}
