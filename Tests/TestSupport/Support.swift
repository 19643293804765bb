import Experiment
import Foundation
import Model

/// Paths and runners shared by the test targets.
public enum Fixtures {
    /// The repository root, found from this file's location.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// Loads an experiment file of the repository (relative to its root).
    public static func load(_ relative: String) throws -> Experiment {
        try ExperimentLoader.load(path: path(relative))
    }

    /// Runs an experiment and returns each scenario's runs in order.
    public static func run(_ experiment: Experiment, jobs: Int = 2) throws -> [String: [RunResult]] {
        var out: [String: [RunResult]] = [:]
        for run in try Runner.run(experiment, jobs: jobs) {
            out[experiment.scenarios[run.scenario].name, default: []].append(run.result)
        }
        return out
    }

    /// Writes an experiment file to a fresh temporary folder (removed when
    /// the test process exits); returns its path.
    public static func temporaryConfig(_ text: String, name: String = "test.yaml") throws -> String {
        let dir = try TemporaryFiles.directory()
        let file = dir.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}

/// A replication estimate of one metric and whether a value lies in its
/// two-sided interval at the given confidence.
public struct Check {
    public let estimate: Estimate
    public let interval: (low: Double, high: Double)

    public init(_ runs: [RunResult], _ metric: String, confidence: Double = 0.99) {
        estimate = Estimate(runs.map { $0.value(metric) }, confidence: confidence)
        interval = (estimate.low, estimate.high)
    }

    public func contains(_ value: Double) -> Bool { interval.low <= value && value <= interval.high }

    public func relativeError(_ theory: Double) -> Double { abs(estimate.mean - theory) / theory }
}
