import Experiment
import Foundation
import TestSupport
import XCTest

/// `capsim run` streams every run into the journal and assembles the files
/// from it: the bytes equal the in-memory writer's, and a study killed part
/// way and started again ends with the bytes of an uninterrupted one.
final class InterruptedStudyTests: XCTestCase {
    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-study-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    static let files = ["runs.csv", "summary.csv", "boots.csv", "timeseries.csv", "scaling.csv", "events.csv", "manifest.json"]

    func testStreamedFilesEqualTheInMemoryWriter() throws {
        let experiment = try SmallStudy.load(in: self)
        let dir = try temporaryDirectory()
        let outcome = try Study.run(experiment, directory: dir.appendingPathComponent("streamed").path, jobs: 2)
        XCTAssertEqual(outcome.simulated, 8)
        try ResultFiles(experiment: experiment, runs: try Runner.run(experiment, jobs: 1)).write(to: dir.appendingPathComponent("memory").path)
        for file in Self.files {
            let a = try Data(contentsOf: dir.appendingPathComponent("streamed/\(file)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("memory/\(file)"))
            XCTAssertEqual(a, b, file)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("streamed/.journal").path))
    }

    /// Kills `capsim run` once some runs are finished, runs it again, and
    /// compares with an uninterrupted run.
    func testAKilledStudyResumesToTheSameBytes() throws {
        let dir = try temporaryDirectory()
        let config = dir.appendingPathComponent("study.yaml")
        try """
            name: resume
            duration: 1000s
            replications: 40
            traffic: {arrivals: poisson, rate: 40}
            service:
              demand: {distribution: exponential, mean: 100ms}
            scenarios:
              - {name: a, replicas: 1, concurrency: 8}
              - {name: b, replicas: 2, concurrency: 4, loadBalancer: random}
            """.write(to: config, atomically: true, encoding: .utf8)
        let killed = dir.appendingPathComponent("killed")
        let journal = killed.appendingPathComponent(".journal")
        let wasRunning = try CapsimBinary.runAndKill(config: config.path, out: killed)
        XCTAssertTrue(wasRunning, "the study ended before it could be killed: make it longer")
        XCTAssertFalse(FileManager.default.fileExists(atPath: killed.appendingPathComponent("runs.csv").path))

        let resumed = try CapsimBinary.run(["run", config.path, "--out", killed.path, "--jobs", "1"])
        XCTAssertEqual(resumed.status, 0)
        XCTAssertTrue(resumed.out.contains("reused from an interrupted attempt"), resumed.out)
        let whole = try CapsimBinary.run(["run", config.path, "--out", dir.appendingPathComponent("whole").path, "--jobs", "2", "--quiet"])
        XCTAssertEqual(whole.status, 0)
        for file in Self.files {
            let a = try Data(contentsOf: killed.appendingPathComponent(file))
            let b = try Data(contentsOf: dir.appendingPathComponent("whole/\(file)"))
            XCTAssertEqual(a, b, file)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: journal.path))
    }
}
