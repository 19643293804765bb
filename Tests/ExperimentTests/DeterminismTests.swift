import Experiment
import Foundation
import TestSupport
import XCTest

/// Same config and seed: byte-identical output whatever the number of jobs.
final class DeterminismTests: XCTestCase {
    let split = "experiments/validation/split.yaml"

    func write(_ experiment: Experiment, _ runs: [Runner.Run]) throws -> URL {
        let dir = try TemporaryFiles.directory(prefix: "capsim-out")
        try ResultFiles(experiment: experiment, runs: runs).write(to: dir.path)
        return dir
    }

    func testOutputBytesDoNotDependOnJobs() throws {
        // The shared run used `jobs: 2`; this one runs on a single worker.
        let (experiment, shared) = try StudyCache.runs(split)
        let one = try write(experiment, try Runner.run(experiment, jobs: 1))
        let two = try write(experiment, shared)
        for file in ["runs.csv", "summary.csv", "boots.csv", "timeseries.csv", "manifest.json"] {
            let a = try Data(contentsOf: one.appendingPathComponent(file))
            let b = try Data(contentsOf: two.appendingPathComponent(file))
            XCTAssertFalse(a.isEmpty, file)
            XCTAssertEqual(a, b, "\(file) differs between --jobs 1 and --jobs 2")
        }
    }

    func testSummaryHasTheDocumentedColumns() throws {
        let (experiment, runs) = try StudyCache.runs(split)
        let dir = try write(experiment, runs)
        let summary = try String(contentsOf: dir.appendingPathComponent("summary.csv"), encoding: .utf8)
        XCTAssertTrue(summary.hasPrefix("scenario,metric,n,mean,stddev,ci95_low,ci95_high\n"))
        let runsCSV = try String(contentsOf: dir.appendingPathComponent("runs.csv"), encoding: .utf8)
        XCTAssertTrue(runsCSV.hasPrefix("scenario,replication,seed,requests,completed,"))
        XCTAssertEqual(runsCSV.split(separator: "\n").count, 1 + 2 * experiment.replications)
    }

    func testCommonRandomNumbersAcrossScenarios() throws {
        // Both scenarios of split.yaml share the seed: the same arrivals.
        let results = try StudyCache.results(split)
        let a = try XCTUnwrap(results["random-4x1"]).map { $0.value("requests") }
        let b = try XCTUnwrap(results["roundrobin-4x1"]).map { $0.value("requests") }
        XCTAssertEqual(a.count, 10)
        XCTAssertEqual(a, b)
    }
}
