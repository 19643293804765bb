import Experiment
import Foundation
import Model
import TestSupport
import XCTest

/// How numbers reach the CSV files: NaN (undefined) as an empty cell,
/// infinities as `inf` and `-inf`, whole numbers without a decimal point,
/// others in Swift's shortest round-trip form.
final class CSVFormatTests: XCTestCase {
    func testNaNInfinityAndWholeNumbersInWrittenFiles() throws {
        let (experiment, shared) = try StudyCache.runs("experiments/validation/split.yaml")
        var runs = shared
        let names = RunResult.metricNames
        let wait = try XCTUnwrap(names.firstIndex(of: "wait_mean_s"))
        let cost = try XCTUnwrap(names.firstIndex(of: "cost_total"))
        let boot = try XCTUnwrap(names.firstIndex(of: "boot_mean_s"))
        let requests = try XCTUnwrap(names.firstIndex(of: "requests"))
        // First scenario: wait +inf in every run, cost −inf, boot NaN,
        // requests 3 and 0.1 + 0.2 in the first run.
        for i in runs.indices where runs[i].scenario == 0 {
            runs[i].result.metrics[wait] = .infinity
            runs[i].result.metrics[cost] = -.infinity
            runs[i].result.metrics[boot] = .nan
        }
        runs[0].result.metrics[requests] = 3
        runs[1].result.metrics[requests] = 0.1 + 0.2
        let dir = try TemporaryFiles.directory(prefix: "capsim-csv")
        try ResultFiles(experiment: experiment, runs: runs).write(to: dir.path)

        let runsCSV = try String(contentsOf: dir.appendingPathComponent("runs.csv"), encoding: .utf8)
        let rows = runsCSV.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard rows.count == 1 + runs.count else { return XCTFail("\(rows.count) lines in runs.csv") }
        let column = { (name: String) in 3 + (names.firstIndex(of: name) ?? -100) }
        XCTAssertEqual(rows[1][column("wait_mean_s")], "inf")
        XCTAssertEqual(rows[1][column("cost_total")], "-inf")
        XCTAssertEqual(rows[1][column("boot_mean_s")], "")
        XCTAssertEqual(rows[1][column("requests")], "3")
        XCTAssertEqual(rows[2][column("requests")], "0.30000000000000004")

        // summary.csv: a metric undefined in every run has n = 0 and empty cells.
        let summary = try String(contentsOf: dir.appendingPathComponent("summary.csv"), encoding: .utf8)
        let bootLine = try XCTUnwrap(summary.split(separator: "\n").first { $0.hasPrefix("random-4x1,boot_mean_s,") })
        XCTAssertEqual(bootLine, "random-4x1,boot_mean_s,0,,,,")
    }
}
