import Experiment
import Foundation
import TestSupport
import XCTest

/// The `capsim` command on good and bad input: exit codes (0 ok, 1 failure,
/// 2 bad input, 3 output not writable), the one-sentence error, nothing
/// written for a bad file, and `--out` checked before anything runs.
final class CommandLineTests: XCTestCase {
    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try CapsimBinary.run(arguments)
    }

    /// A short, valid experiment in a temporary folder.
    func smallConfig(name: String = "small") throws -> String {
        try writeConfig(ValidConfig.with("name: t", "name: \(name)"), name: "x.yaml")
    }

    func testValidateAcceptsTheShippedExperimentsAndPrintsTheWorkToExpect() throws {
        for file in ["experiments/mmc.yaml", "experiments/vm-vs-container.yaml", "experiments/validation/mg1.yaml"] {
            let r = try run(["validate", file])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertTrue(r.out.contains("ok"), r.out)
        }
        let r = try run(["validate", "experiments/mmc.yaml"])
        XCTAssertEqual(r.out, "experiments/mmc.yaml: ok: experiment 'mmc', 1 scenario(s) × 10 replication(s); expect 10 runs, "
                       + "about 3.7e6 events (1.8e6 arrivals), 20010 timeseries rows\n")
    }

    func testBadFileFailsWithOneSentenceAndWritesNothing() throws {
        let text = try String(contentsOfFile: Fixtures.path("experiments/mmc.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "exponential", with: "lognorml")
        let config = try writeConfig(text, name: "x.yaml")
        let out = URL(fileURLWithPath: config).deletingLastPathComponent().appendingPathComponent("out").path
        for command in [["validate", config], ["run", config, "--out", out]] {
            let r = try run(command)
            XCTAssertEqual(r.status, 2)
            XCTAssertEqual(r.err, "error: \(config):11: service.demand.distribution: "
                           + "unknown distribution 'lognorml' (did you mean 'lognormal'?)\n")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testUnknownPresetIsNamed() throws {
        let text = try String(contentsOfFile: Fixtures.path("experiments/vm-vs-container.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "preset: container-cold", with: "preset: container-cld")
        let config = Fixtures.path("experiments/.test-\(UUID().uuidString).yaml")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: config) }
        let r = try run(["validate", config])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("scenarios[2].preset: unknown preset 'container-cld' (did you mean 'container-cold'?)"), r.err)
    }

    func testADirectoryAsTheConfigIsOnePlainSentence() throws {
        let dir = try temporaryFolder().path
        let r = try run(["validate", dir])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.err, "error: \(dir): is a directory, not an experiment file\n")
    }

    func testAnOutThatIsAFileIsRefusedBeforeSimulating() throws {
        let config = try smallConfig()
        let file = URL(fileURLWithPath: config).deletingLastPathComponent().appendingPathComponent("taken").path
        try "keep me".write(toFile: file, atomically: true, encoding: .utf8)
        let started = Date()
        let r = try run(["run", config, "--out", file])
        XCTAssertEqual(r.status, 3)
        XCTAssertEqual(r.err, "error: cannot write results to \(file): it is a file, not a directory\n")
        XCTAssertEqual(r.out, "")
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "keep me")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testAnOutThatCannotBeCreatedIsOnePlainSentence() throws {
        let config = try smallConfig()
        let r = try run(["run", config, "--out", "/proc/capsim-cannot-write-here"])
        XCTAssertEqual(r.status, 3)
        XCTAssertTrue(r.err.hasPrefix("error: cannot write results to /proc/capsim-cannot-write-here: "), r.err)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
        XCTAssertFalse(r.err.contains("NSCocoaErrorDomain"), r.err)
    }

    func testARunWritesItsResultsAndExitsZero() throws {
        let config = try smallConfig()
        let out = URL(fileURLWithPath: config).deletingLastPathComponent().appendingPathComponent("out").path
        let r = try run(["run", config, "--out", out, "--quiet", "--jobs", "1"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "results: \(out)/summary.csv (also runs.csv, boots.csv, timeseries.csv, scaling.csv, events.csv, manifest.json)\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(files, ["boots.csv", "events.csv", "manifest.json", "runs.csv", "scaling.csv", "summary.csv", "timeseries.csv"])
    }

    func testTheEventBudgetIsAFlagAndItsRefusalIsBadInput() throws {
        let config = try smallConfig()
        let r = try run(["validate", config, "--max-events", "1000"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.err, "error: \(config): expects about 11816 events in 1 runs (900 arrivals), more than the limit "
                       + "of 1000; pass --max-events to allow more\n")
    }

    func testBadArgumentsAreBadInputNotEXUsage() throws {
        for arguments in [["run", "x.yaml", "--jobs", "0"], ["validate"], ["run", "x.yaml", "--jobs", "many"], ["frobnicate"]] {
            let r = try run(arguments)
            XCTAssertEqual(r.status, 2, "\(arguments): \(r.err)")
        }
    }

    func testHelpListsTheExitCodes() throws {
        for arguments in [["--help"], ["run", "--help"], ["validate", "--help"]] {
            let r = try run(arguments)
            XCTAssertEqual(r.status, 0)
            let text = r.out.replacingOccurrences(of: "\n", with: " ")
            for code in ["0 success", "1 a run or check failed", "2 bad input", "3 the results could not be written"] {
                XCTAssertTrue(text.contains(code), "\(arguments) help lacks '\(code)': \(r.out)")
            }
        }
    }

    func testAnEscapeSequenceInTheConfigPathIsEscapedOnTheTerminal() throws {
        let r = try run(["validate", "/nonexistent/\u{1B}[2J.yaml"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.err, "error: /nonexistent/\\u{1B}[2J.yaml: no such file\n")
    }

    func testHoldBenchmarkPrintsOneJSONLine() throws {
        let r = try run(["bench", "hold", "--pending", "1000", "--operations", "100000"])
        XCTAssertEqual(r.status, 0)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        XCTAssertEqual(json["pending"] as? Int, 1000)
        XCTAssertEqual(json["operations"] as? Int, 100_000)
        XCTAssertGreaterThan(json["opsPerSecond"] as? Double ?? 0, 0)
    }
}
