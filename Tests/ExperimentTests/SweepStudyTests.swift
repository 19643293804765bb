import Experiment
import Foundation
import TestSupport
import XCTest

/// A sweep of 200 runs gives the same bytes whatever `--jobs`, merged from
/// three shards, and killed then resumed; its files carry the point columns.
final class SweepStudyTests: XCTestCase {
    static let files = ["runs.csv", "summary.csv", "boots.csv", "timeseries.csv", "scaling.csv", "events.csv", "comparison.csv", "manifest.json"]

    /// 5 rates × 5 concurrencies × 2 scenarios × 4 replications = 200 runs.
    static let config = """
        name: sweep200
        duration: 1000s
        replications: 4
        seed: 11
        traffic: {arrivals: poisson, rate: 8}
        service:
          demand: {distribution: exponential, mean: 100ms}
        scenarios:
          - {name: a, replicas: 1, concurrency: 2}
          - {name: b, replicas: 2, concurrency: 1, loadBalancer: random}
        baseline: a
        sweep:
          grid:
            traffic.rate: [4, 6, 8, 10, 12]
            scenarios[a].concurrency: [2, 3, 4, 5, 6]
        """

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func writeConfig(in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent("sweep200.yaml")
        try Self.config.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func assertSameFiles(_ a: URL, _ b: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        for name in Self.files {
            let x = try Data(contentsOf: a.appendingPathComponent(name))
            let y = try Data(contentsOf: b.appendingPathComponent(name))
            XCTAssertEqual(x, y, name, file: file, line: line)
        }
    }

    func testJobsOneAndTwoGiveTheSameBytes() throws {
        let dir = try temporaryDirectory()
        let experiment = try ExperimentLoader.load(path: try writeConfig(in: dir).path)
        XCTAssertEqual(StudyDescription(experiment).runCount, 200)
        _ = try Study.run(experiment, directory: dir.appendingPathComponent("one").path, jobs: 1)
        _ = try Study.run(experiment, directory: dir.appendingPathComponent("two").path, jobs: 2)
        try assertSameFiles(dir.appendingPathComponent("one"), dir.appendingPathComponent("two"))
        let runs = try String(contentsOf: dir.appendingPathComponent("one/runs.csv"), encoding: .utf8)
        XCTAssertTrue(runs.hasPrefix("point,traffic.rate,scenarios[a].concurrency,scenario,replication,seed,requests,"))
        XCTAssertEqual(runs.split(separator: "\n").count, 201)
        XCTAssertTrue(runs.contains("\n24,12,6,b,3,"), "the last point's last run comes last")
        for name in ["summary.csv", "boots.csv", "timeseries.csv", "scaling.csv", "events.csv", "comparison.csv"] {
            let text = try String(contentsOf: dir.appendingPathComponent("one/\(name)"), encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("point,traffic.rate,scenarios[a].concurrency,scenario,"), name)
        }
    }

    func testMergedShardsEqualTheUnshardedSweep() throws {
        let dir = try temporaryDirectory()
        let experiment = try ExperimentLoader.load(path: try writeConfig(in: dir).path)
        let parts = try (0..<3).map { k in
            let path = dir.appendingPathComponent("shard-\(k)").path
            _ = try Study.run(experiment, directory: path, jobs: 2, shard: Shard(index: k, count: 3))
            return path
        }
        _ = try Study.merge(parts, into: dir.appendingPathComponent("merged").path)
        _ = try Study.run(experiment, directory: dir.appendingPathComponent("whole").path, jobs: 2)
        try assertSameFiles(dir.appendingPathComponent("merged"), dir.appendingPathComponent("whole"))
    }

    /// Named configs are points like any other: the same bytes whatever the
    /// jobs, and merged from shards; a `config` column after `point`.
    func testNamedConfigsGiveTheSameBytesWhateverJobsAndShards() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("configs.yaml")
        try (Self.config.replacingOccurrences(of: "replications: 4", with: "replications: 3") + """

            configs:
              - name: slow
                set:
                  service.demand.mean: 150ms
              - name: slow-wide
                extends: slow
                sweep:
                  grid:
                    scenarios[b].replicas: [2, 3]
            """).write(to: url, atomically: true, encoding: .utf8)
        let experiment = try ExperimentLoader.load(path: url.path)
        XCTAssertEqual(StudyDescription(experiment).runCount, (25 + 50) * 2 * 3)
        _ = try Study.run(experiment, directory: dir.appendingPathComponent("one").path, jobs: 1)
        _ = try Study.run(experiment, directory: dir.appendingPathComponent("two").path, jobs: 2)
        try assertSameFiles(dir.appendingPathComponent("one"), dir.appendingPathComponent("two"))
        let parts = try (0..<2).map { k in
            let path = dir.appendingPathComponent("shard-\(k)").path
            _ = try Study.run(experiment, directory: path, jobs: 2, shard: Shard(index: k, count: 2))
            return path
        }
        _ = try Study.merge(parts, into: dir.appendingPathComponent("merged").path)
        try assertSameFiles(dir.appendingPathComponent("merged"), dir.appendingPathComponent("one"))
        let runs = try String(contentsOf: dir.appendingPathComponent("one/runs.csv"), encoding: .utf8)
        XCTAssertTrue(runs.hasPrefix("point,config,service.demand.mean,traffic.rate,scenarios[a].concurrency,scenarios[b].replicas,"
                                     + "scenario,replication,seed,"), runs)
        XCTAssertTrue(runs.contains("\n74,slow-wide,150ms,12,6,3,b,2,"), "the last run")
    }

    func testAKilledSweepResumesToTheSameBytes() throws {
        let dir = try temporaryDirectory()
        let config = try writeConfig(in: dir)
        let killed = dir.appendingPathComponent("killed")
        let wasRunning = try CapsimBinary.runAndKill(config: config.path, out: killed)
        XCTAssertTrue(wasRunning, "the sweep ended before it could be killed: make it longer")
        XCTAssertFalse(FileManager.default.fileExists(atPath: killed.appendingPathComponent("runs.csv").path))
        let resumed = try CapsimBinary.run(["run", config.path, "--out", killed.path, "--jobs", "1"])
        XCTAssertEqual(resumed.status, 0)
        XCTAssertTrue(resumed.out.contains("reused from an interrupted attempt"), resumed.out)
        let whole = try CapsimBinary.run(["run", config.path, "--out", dir.appendingPathComponent("whole").path, "--quiet"])
        XCTAssertEqual(whole.status, 0)
        try assertSameFiles(killed, dir.appendingPathComponent("whole"))
    }
}
