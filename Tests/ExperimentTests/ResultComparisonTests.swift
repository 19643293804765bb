import Experiment
import Foundation
import TestSupport
import XCTest

/// `capsim compare NEW BASELINE` reports a metric only when it moved beyond
/// the tolerance and Welch's t test finds the move significant: a slower
/// service is flagged, a different seed alone is not.
final class ResultComparisonTests: XCTestCase {
    static func config(seed: Int, demand: String) -> String {
        """
        name: cmp
        duration: 2000s
        warmup: 200s
        replications: 10
        seed: \(seed)
        traffic: {arrivals: poisson, rate: 4}
        service:
          demand: {distribution: exponential, mean: \(demand)}
        scenarios:
          - {name: pooled, replicas: 1, concurrency: 6}
          - {name: split, replicas: 2, concurrency: 3, loadBalancer: random}
        sweep:
          grid:
            traffic.rate: [2, 4]
        """
    }

    func study(_ text: String, in dir: URL, _ name: String) throws -> String {
        let config = dir.appendingPathComponent("\(name).yaml")
        try text.write(to: config, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent(name).path
        _ = try Study.run(try ExperimentLoader.load(path: config.path), directory: out, jobs: 2)
        return out
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testASlowerServiceIsFlaggedAndExitsOne() throws {
        let dir = try temporaryDirectory()
        let base = try study(Self.config(seed: 1, demand: "500ms"), in: dir, "base")
        let slow = try study(Self.config(seed: 1, demand: "650ms"), in: dir, "slow")
        let c = try ResultComparison(new: slow, baseline: base, relativeTolerance: 0.05)
        let flagged = Set(c.changes.map { "\($0.group) \($0.metric)" })
        XCTAssertTrue(flagged.contains("point=1, traffic.rate=4, scenario=pooled latency_mean_s"), "\(flagged)")
        XCTAssertTrue(flagged.contains("point=0, traffic.rate=2, scenario=split utilization_mean"), "\(flagged)")
        XCTAssertTrue(c.changes.allSatisfy { abs($0.relative) > 0.05 })
        let r = try CapsimBinary.run(["compare", slow, base])
        XCTAssertEqual(r.status, 1, r.out + r.err)
        XCTAssertTrue(r.out.contains("changed: point=1, traffic.rate=4, scenario=pooled: latency_mean_s: "), r.out)
    }

    func testAChangeOfSeedAloneStaysQuiet() throws {
        let dir = try temporaryDirectory()
        let one = try study(Self.config(seed: 1, demand: "500ms"), in: dir, "one")
        let two = try study(Self.config(seed: 2, demand: "500ms"), in: dir, "two")
        let c = try ResultComparison(new: two, baseline: one, relativeTolerance: 0.05)
        XCTAssertEqual(c.changes.map(\.description), [])
        XCTAssertEqual(c.unmatched, [])
        let r = try CapsimBinary.run(["compare", two, one, "--rel-tol", "0.05"])
        XCTAssertEqual(r.status, 0, r.out + r.err)
        XCTAssertTrue(r.out.hasPrefix("no significant change beyond 5%"), r.out)
    }

    /// With no tolerance, the same seed's runs are identical: nothing moves.
    func testIdenticalResultsHaveNoChange() throws {
        let dir = try temporaryDirectory()
        let a = try study(Self.config(seed: 3, demand: "500ms"), in: dir, "a")
        let b = try study(Self.config(seed: 3, demand: "500ms"), in: dir, "b")
        XCTAssertEqual(try ResultComparison(new: a, baseline: b, relativeTolerance: 0).changes.count, 0)
    }
}
