import Experiment
import Foundation
import Model
import TestSupport
import XCTest

/// With `baseline:`, each scenario is compared with the baseline at each
/// point replication by replication (common random numbers): the
/// difference's estimate is that of the per-replication differences.
final class PairedComparisonTests: XCTestCase {
    func testDifferencesArePairedByReplication() throws {
        let e = try Fixtures.load("experiments/sweep-mmc.yaml")
        let runs = try Runner.run(e, jobs: 2)
        let summary = StudySummary(StudyDescription(e), runs: runs.map { ($0.point, $0.scenario, $0.result.metrics) })
        let comparison = try XCTUnwrap(summary.comparison)
        let rows = comparison.rows()
        XCTAssertEqual(rows.count, 4 * 1 * RunResult.metricNames.count, "4 points, one scenario besides the baseline")
        let m = try XCTUnwrap(RunResult.metricNames.firstIndex(of: "wait_mean_s"))
        for p in 0..<4 {
            let of = { (s: Int) in runs.filter { $0.point == p && $0.scenario == s }.map { $0.result.metrics[m] } }
            let diffs = zip(of(1), of(0)).map { $0 - $1 }
            let row = try XCTUnwrap(rows.first { $0.point == p && $0.metric == "wait_mean_s" })
            XCTAssertEqual(row.scenario, "split")
            XCTAssertEqual(row.difference, Estimate(diffs))
            XCTAssertEqual(row.relative, Estimate(diffs).mean / Estimate(of(0)).mean, accuracy: 1e-12)
            XCTAssertTrue(row.significant, "pooling wins at point \(p)")
        }
        // Common random numbers: both scenarios see the same arrivals.
        let requests = try XCTUnwrap(rows.first { $0.metric == "requests" })
        XCTAssertEqual(requests.difference.mean, 0)
        XCTAssertFalse(requests.significant)
    }

    func testWithoutASweepComparisonHasNoPointColumns() throws {
        let path = try Fixtures.temporaryConfig("""
            name: pair
            duration: 200s
            replications: 3
            traffic: {arrivals: poisson, rate: 2}
            service:
              demand: {distribution: exponential, mean: 0.5s}
            scenarios: [{name: a, concurrency: 2}, {name: b, replicas: 2, loadBalancer: random}]
            baseline: a
            """)
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        _ = try Study.run(try ExperimentLoader.load(path: path), directory: dir.appendingPathComponent("out").path, jobs: 1)
        let text = try String(contentsOf: dir.appendingPathComponent("out/comparison.csv"), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("scenario,baseline,metric,n,diff_mean,diff_stddev,diff_ci95_low,diff_ci95_high,relative_diff,significant\n"
                                     + "b,a,requests,3,0,0,0,0,0,0\n"), text)
        let runs = try String(contentsOf: dir.appendingPathComponent("out/runs.csv"), encoding: .utf8)
        XCTAssertTrue(runs.hasPrefix("scenario,replication,seed,"))
    }
}
