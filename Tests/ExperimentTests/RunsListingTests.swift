import Experiment
import Foundation
import TestSupport
import XCTest

/// `capsim runs CONFIG` lists every run in run order (the order `--shard`
/// selects by) with its point, parameters and seed, without running any.
final class RunsListingTests: XCTestCase {
    func testTheSweepStudyListsItsFortyRunsInOrder() throws {
        let r = try CapsimBinary.run(["runs", "experiments/sweep-mmc.yaml"])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 41)
        XCTAssertEqual(lines[0], "index,point,traffic.rate,scenarios[one-queue].concurrency,scenarios[split].concurrency,"
                       + "scenario,replication,seed")
        let e = try Fixtures.load("experiments/sweep-mmc.yaml")
        XCTAssertEqual(lines[40], "39,3,4,8,4,split,4,\(e.allPoints[3].seed)")
        XCTAssertEqual(lines[6], "5,0,2,6,3,split,0,\(e.allPoints[0].seed)")
        XCTAssertEqual(Set(e.allPoints.map(\.seed)).count, 4, "one seed per point")
    }

    func testWithoutASweepEveryRunHasTheExperimentSeed() throws {
        let r = try CapsimBinary.run(["runs", "experiments/validation/mm1k.yaml"])
        XCTAssertEqual(r.status, 0, r.err)
        let e = try Fixtures.load("experiments/validation/mm1k.yaml")
        let lines = r.out.split(separator: "\n").dropFirst()
        XCTAssertEqual(lines.count, e.replications * e.scenarios.count)
        XCTAssertTrue(lines.allSatisfy { $0.hasSuffix(",\(e.seed)") })
        XCTAssertTrue(r.out.hasPrefix("index,point,scenario,replication,seed\n0,0,\(e.scenarios[0].name),0,\(e.seed)\n"), r.out)
    }
}
