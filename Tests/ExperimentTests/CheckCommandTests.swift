import Experiment
import Foundation
import TestSupport
import XCTest

/// `capsim check` runs a study and prints one verdict per expectation and
/// point; it exits 1 when one fails and 0 when all pass or are inconclusive.
final class CheckCommandTests: XCTestCase {
    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testTheShippedSweepStudyPassesItsExpectations() throws {
        let out = try temporaryDirectory().appendingPathComponent("out").path
        let r = try CapsimBinary.run(["check", "experiments/sweep-mmc.yaml", "--out", out, "--quiet"])
        XCTAssertEqual(r.status, 0, r.out + r.err)
        let verdicts = r.out.split(separator: "\n").filter { $0.hasPrefix("PASS") || $0.hasPrefix("FAIL") || $0.hasPrefix("INCONCLUSIVE") }
        XCTAssertEqual(verdicts.count, 12, r.out)
        XCTAssertTrue(r.out.contains("PASS         split wait_mean_s greater than one-queue's (paired) at point 0 "), r.out)
        XCTAssertTrue(r.out.contains("12 verdict(s): 12 pass, 0 fail, 0 inconclusive"), r.out)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/comparison.csv"))
    }

    func testABrokenExpectationFails() throws {
        let dir = try temporaryDirectory()
        let text = try String(contentsOfFile: Fixtures.path("experiments/sweep-mmc.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "metric: utilization_mean, below: 0.9", with: "metric: utilization_mean, below: 0.3")
        let config = dir.appendingPathComponent("broken.yaml")
        try text.write(to: config, atomically: true, encoding: .utf8)
        let r = try CapsimBinary.run(["check", config.path, "--out", dir.appendingPathComponent("out").path, "--quiet"])
        XCTAssertEqual(r.status, 1, r.out + r.err)
        // Utilization is about 0.34, 0.25, 0.66 and 0.50 at the four points: only point 1 passes.
        XCTAssertTrue(r.out.contains("FAIL         one-queue utilization_mean below 0.3 at point 0 "), r.out)
        XCTAssertTrue(r.out.contains("PASS         one-queue utilization_mean below 0.3 at point 1 "), r.out)
        XCTAssertTrue(r.out.contains("12 verdict(s): 9 pass, 3 fail, 0 inconclusive"), r.out)
    }

    func testInconclusiveVerdictsDoNotFailButAreNoted() throws {
        let dir = try temporaryDirectory()
        let text = try String(contentsOfFile: Fixtures.path("experiments/sweep-mmc.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "metric: utilization_mean, below: 0.9", with: "metric: utilization_mean, below: 0.5, point: 3")
        let config = dir.appendingPathComponent("open.yaml")
        try text.write(to: config, atomically: true, encoding: .utf8)
        let r = try CapsimBinary.run(["check", config.path, "--out", dir.appendingPathComponent("out").path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.out + r.err)
        XCTAssertTrue(r.out.contains("INCONCLUSIVE one-queue utilization_mean below 0.5 at point 3 "), r.out)
        XCTAssertTrue(r.out.contains("note: an inconclusive verdict"), r.out)
    }
}
