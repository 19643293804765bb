import Experiment
import Foundation
import TestSupport
import XCTest

/// An overloaded scenario is named in a warning (manifest.json and stderr);
/// a stable experiment has none.
final class OverloadWarningTests: XCTestCase {
    func experiment(rate: Double) throws -> (Experiment, String) {
        let path = try Fixtures.temporaryConfig("""
            name: overload
            duration: 4000s
            replications: 2
            traffic: {arrivals: poisson, rate: \(rate)}
            service:
              demand: {distribution: exponential, mean: 1s}
            scenarios:
              - {name: busy, replicas: 1}
              - {name: calm, replicas: 4}
            """)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        return (try ExperimentLoader.load(path: path), URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    func testOverloadedScenarioIsNamedInTheManifest() throws {
        let (e, dir) = try experiment(rate: 1.5)
        let files = ResultFiles(experiment: e, runs: try Runner.run(e, jobs: 2))
        XCTAssertEqual(files.warnings.count, 1)
        let warning = try XCTUnwrap(files.warnings.first)
        XCTAssertTrue(warning.hasPrefix("scenario 'busy' is overloaded in 2 of 2 replication(s): offered load 1.5"), warning)
        try files.write(to: dir + "/out")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/out/manifest.json")))
        let warnings = try XCTUnwrap((manifest as? [String: Any])?["warnings"] as? [String])
        XCTAssertEqual(warnings, files.warnings)
    }

    func testStableExperimentHasNoWarning() throws {
        let (e, dir) = try experiment(rate: 0.5)
        let files = ResultFiles(experiment: e, runs: try Runner.run(e, jobs: 2))
        XCTAssertEqual(files.warnings, [])
        try files.write(to: dir + "/out")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/out/manifest.json")))
        XCTAssertEqual((manifest as? [String: Any])?["warnings"] as? [String], [])
    }

    /// Through the binary: the warning goes to stderr, and a stable study's
    /// stderr is empty.
    func testCapsimRunWarnsOnStderrOnlyWhenOverloaded() throws {
        for (rate, warns) in [(1.5, true), (0.5, false)] {
            let (_, dir) = try experiment(rate: rate)
            let r = try CapsimBinary.run(["run", dir + "/test.yaml", "--out", dir + "/cli", "--quiet"])
            let text = r.err
            XCTAssertEqual(r.status, 0)
            if warns {
                XCTAssertTrue(text.hasPrefix("warning: scenario 'busy' is overloaded in 2 of 2 replication(s)"), text)
                XCTAssertEqual(text.split(separator: "\n").count, 1, text)
            } else {
                XCTAssertEqual(text, "")
            }
        }
    }
}
