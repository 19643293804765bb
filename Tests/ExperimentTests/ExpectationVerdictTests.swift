import Experiment
import Foundation
import Model
import TestSupport
import XCTest

/// An expectation passes when the 95% interval lies wholly on the right side
/// of its bound, fails when wholly on the wrong side, and is inconclusive
/// when it straddles the bound; the relative forms judge the paired difference.
final class ExpectationVerdictTests: XCTestCase {
    /// Two scenarios, three replications, synthetic metrics: `latency_p99_s`
    /// of `a` is 1, 2, 3 (interval about [-0.48, 4.48]), of `b` 2, 3, 4.
    func table() throws -> (RunTable, [String]) {
        let path = try Fixtures.temporaryConfig("""
            name: v
            duration: 10s
            replications: 3
            traffic: {arrivals: poisson, rate: 1}
            service:
              demand: {distribution: exponential, mean: 0.5s}
            scenarios: [{name: a}, {name: b}]
            """)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let study = StudyDescription(try ExperimentLoader.load(path: path))
        let m = try XCTUnwrap(RunResult.metricNames.firstIndex(of: "latency_p99_s"))
        var runs: [RunMetrics] = []
        for s in 0..<2 {
            for r in 0..<3 {
                var metrics = Array(repeating: 0.0, count: RunResult.metricNames.count)
                metrics[m] = Double(1 + r + s)
                runs.append((0, s, metrics))
            }
        }
        return (RunTable(study, runs: runs), study.scenarios)
    }

    func verdict(_ bound: Expectation.Bound, scenario: String = "a") throws -> Verdict.Outcome {
        let (table, _) = try table()
        let e = Expectation(scenario: scenario, metric: "latency_p99_s", bound: bound, point: nil, location: "x.yaml:1")
        let verdicts = Verdict.judge([e], table)
        XCTAssertEqual(verdicts.count, 1)
        return try XCTUnwrap(verdicts.first).outcome
    }

    func testBelowAboveAndBetweenAgainstTheInterval() throws {
        XCTAssertEqual(try verdict(.below(5)), .pass)
        XCTAssertEqual(try verdict(.below(-1)), .fail)
        XCTAssertEqual(try verdict(.below(2)), .inconclusive)
        XCTAssertEqual(try verdict(.above(-1)), .pass)
        XCTAssertEqual(try verdict(.above(5)), .fail)
        XCTAssertEqual(try verdict(.above(2)), .inconclusive)
        XCTAssertEqual(try verdict(.between(-1, 5)), .pass)
        XCTAssertEqual(try verdict(.between(6, 7)), .fail)
        XCTAssertEqual(try verdict(.between(0, 3)), .inconclusive)
    }

    /// b − a is 1 in every replication: an interval of exactly [1, 1].
    func testRelativeFormsJudgeThePairedDifference() throws {
        XCTAssertEqual(try verdict(.greaterThanScenario("a"), scenario: "b"), .pass)
        XCTAssertEqual(try verdict(.lessThanScenario("a"), scenario: "b"), .fail)
        XCTAssertEqual(try verdict(.lessThanScenario("b"), scenario: "a"), .pass)
    }
}
