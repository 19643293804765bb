import Experiment
import Foundation
import TestSupport
import XCTest

/// The study's metrics against the committed baseline in
/// results/vm-vs-container/summary.csv (scripts/update-baselines.sh writes
/// it). On the machine that wrote it the numbers are identical; elsewhere a
/// libm rounding difference may change the random paths, so each mean must
/// agree within 4 standard errors of a difference of two estimates.
final class BaselineRegressionTests: XCTestCase {
    struct Row { var n: Int; var mean: Double; var stddev: Double }
    enum BaselineError: Error { case malformed(String) }

    func baseline(_ study: String) throws -> [String: Row] {
        let text = try String(contentsOfFile: Fixtures.path("results/\(study)/summary.csv"), encoding: .utf8)
        var out: [String: Row] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard c.count == 7, let n = Int(c[2]) else { throw BaselineError.malformed(String(line)) }
            out["\(c[0])/\(c[1])"] = Row(n: n, mean: Double(c[3]) ?? .nan, stddev: Double(c[4]) ?? .nan)
        }
        return out
    }

    func testVMVersusContainerStudyMatchesItsBaseline() throws {
        let base = try baseline("vm-vs-container")
        let (experiment, runs) = try StudyCache.runs("experiments/vm-vs-container.yaml")
        var compared = 0
        for (scenario, metric, e) in ResultFiles(experiment: experiment, runs: runs).estimates() {
            let key = "\(scenario)/\(metric)"
            let b = try XCTUnwrap(base[key], "\(key) missing from the baseline: run scripts/update-baselines.sh")
            XCTAssertEqual(e.n, b.n, key)
            if b.mean.isNaN { XCTAssertTrue(e.mean.isNaN, key); continue }
            let tolerance = b.stddev.isNaN ? 0 : 4 * (2.0).squareRoot() * b.stddev / Double(b.n).squareRoot()
            XCTAssertEqual(e.mean, b.mean, accuracy: tolerance + 1e-9 * abs(b.mean), key)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 50)
    }
}
