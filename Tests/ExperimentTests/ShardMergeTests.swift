import Experiment
import Foundation
import TestSupport
import XCTest

/// `--shard K/N` then `capsim merge` gives exactly the files of an
/// unsharded run; wrong sets of shards are refused with one sentence.
final class ShardMergeTests: XCTestCase {
    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func shards(_ experiment: Experiment, count: Int, in dir: URL) throws -> [String] {
        try (0..<count).map { k in
            let path = dir.appendingPathComponent("shard-\(k)").path
            let outcome = try Study.run(experiment, directory: path, jobs: 2, shard: Shard(index: k, count: count))
            XCTAssertEqual(outcome.runs.count, (0..<experiment.replications * experiment.scenarios.count).filter { $0 % count == k }.count)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path + "/runs.csv"), "a shard writes no result files")
            return path
        }
    }

    func testMergedShardsEqualTheUnshardedRun() throws {
        let experiment = try SmallStudy.load(in: self)
        let dir = try temporaryDirectory()
        let parts = try shards(experiment, count: 3, in: dir)
        _ = try Study.merge(parts.reversed(), into: dir.appendingPathComponent("merged").path)
        _ = try Study.run(experiment, directory: dir.appendingPathComponent("whole").path, jobs: 2)
        for file in ["runs.csv", "summary.csv", "boots.csv", "timeseries.csv", "scaling.csv", "events.csv", "manifest.json"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("merged/\(file)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("whole/\(file)"))
            XCTAssertEqual(a, b, file)
        }
    }

    func testWrongShardSetsAreRefused() throws {
        let experiment = try Fixtures.load("experiments/validation/mm1k.yaml")
        let dir = try temporaryDirectory()
        let parts = try shards(experiment, count: 3, in: dir)
        let out = dir.appendingPathComponent("out").path
        XCTAssertThrowsError(try Study.merge([parts[0], parts[2]], into: out)) {
            XCTAssertEqual("\($0)", "shard 1/3 is missing")
        }
        XCTAssertThrowsError(try Study.merge([parts[0], parts[1], parts[1], parts[2]], into: out)) {
            XCTAssertEqual("\($0)", "shard 1/3 is given twice: \(parts[1]), \(parts[1])")
        }
        let config = try Fixtures.temporaryConfig("""
            name: other
            duration: 100s
            replications: 3
            traffic: {arrivals: poisson, rate: 1}
            service:
              demand: {distribution: exponential, mean: 0.5s}
            scenarios: [{name: a}]
            """)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: config).deletingLastPathComponent().path) }
        let other = try ExperimentLoader.load(path: config)
        let foreign = dir.appendingPathComponent("foreign").path
        _ = try Study.run(other, directory: foreign, jobs: 2, shard: Shard(index: 1, count: 3))
        XCTAssertThrowsError(try Study.merge([parts[0], foreign, parts[2]], into: out)) {
            XCTAssertTrue("\($0)".contains("holds a shard of another config"), "\($0)")
        }
        XCTAssertThrowsError(try Study.merge([dir.path], into: out)) {
            XCTAssertTrue("\($0)".hasSuffix("no shard.json: not the output of `capsim run --shard K/N`"), "\($0)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/runs.csv"))
    }
}
