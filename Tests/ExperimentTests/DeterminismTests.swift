import Experiment
import Foundation
import TestSupport
import XCTest

/// Same config and seed: byte-identical output whatever the number of jobs.
final class DeterminismTests: XCTestCase {
    func write(_ experiment: Experiment, jobs: Int) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-out-\(UUID().uuidString)")
        try ResultFiles(experiment: experiment, runs: try Runner.run(experiment, jobs: jobs)).write(to: dir.path)
        return dir
    }

    func testOutputBytesDoNotDependOnJobs() throws {
        let experiment = try Fixtures.load("experiments/validation/split.yaml")
        let one = try write(experiment, jobs: 1)
        let two = try write(experiment, jobs: 2)
        for file in ["runs.csv", "summary.csv", "boots.csv", "timeseries.csv", "manifest.json"] {
            let a = try Data(contentsOf: one.appendingPathComponent(file))
            let b = try Data(contentsOf: two.appendingPathComponent(file))
            XCTAssertFalse(a.isEmpty, file)
            XCTAssertEqual(a, b, "\(file) differs between --jobs 1 and --jobs 2")
        }
    }

    func testSummaryHasTheDocumentedColumns() throws {
        let experiment = try Fixtures.load("experiments/validation/split.yaml")
        let dir = try write(experiment, jobs: 2)
        let summary = try String(contentsOf: dir.appendingPathComponent("summary.csv"), encoding: .utf8)
        XCTAssertTrue(summary.hasPrefix("scenario,metric,n,mean,stddev,ci95_low,ci95_high\n"))
        let runs = try String(contentsOf: dir.appendingPathComponent("runs.csv"), encoding: .utf8)
        XCTAssertTrue(runs.hasPrefix("scenario,replication,seed,requests,completed,"))
        XCTAssertEqual(runs.split(separator: "\n").count, 1 + 2 * experiment.replications)
    }

    func testCommonRandomNumbersAcrossScenarios() throws {
        // Both scenarios of split.yaml share the seed: the same arrivals.
        let results = try Fixtures.run(try Fixtures.load("experiments/validation/split.yaml"))
        let a = results["random-4x1"]!.map { $0.value("requests") }
        let b = results["roundrobin-4x1"]!.map { $0.value("requests") }
        XCTAssertEqual(a, b)
    }
}
