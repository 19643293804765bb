import Experiment
import Foundation
import XCTest

/// Bad input gets one sentence naming the file, the line and the key path.
final class ConfigErrorTests: XCTestCase {
    let valid = ValidConfig.text

    func error(_ text: String) throws -> ConfigError {
        let path = try writeConfig(text)
        do {
            _ = try ExperimentLoader.load(path: path)
        } catch let e as ConfigError {
            XCTAssertEqual(e.file, path)
            return e
        }
        XCTFail("expected a ConfigError")
        throw CancellationError()
    }

    func testTheValidFileLoads() throws {
        let e = try ExperimentLoader.load(path: try writeConfig(valid))
        XCTAssertEqual(e.scenarios.count, 1)
        XCTAssertEqual(e.scenarios[0].concurrency, 10)
    }

    func testUnknownDistributionSuggestsTheNearestName() throws {
        let e = try error(valid.replacingOccurrences(of: "exponential", with: "lognorml"))
        XCTAssertEqual(e.line, 7)
        XCTAssertEqual(e.path, "service.demand.distribution")
        XCTAssertEqual(e.message, "unknown distribution 'lognorml' (did you mean 'lognormal'?)")
        XCTAssertTrue(e.description.hasSuffix(
            ":7: service.demand.distribution: unknown distribution 'lognorml' (did you mean 'lognormal'?)"))
    }

    func testUnknownKeyIsRejectedWithASuggestion() throws {
        let e = try error(valid.replacingOccurrences(of: "concurrency: 10", with: "concurency: 10"))
        XCTAssertEqual(e.line, 10)
        XCTAssertEqual(e.path, "scenarios[0].concurency")
        XCTAssertEqual(e.message, "unknown key (did you mean 'concurrency'?)")
    }

    func testNegativeValue() throws {
        let e = try error(valid.replacingOccurrences(of: "rate: 9", with: "rate: -9"))
        XCTAssertEqual(e.line, 5)
        XCTAssertEqual(e.path, "traffic.rate")
        XCTAssertEqual(e.message, "must be positive, got -9")
    }

    func testNegativeDistributionParameterPointsAtTheParameter() throws {
        let e = try error(valid.replacingOccurrences(of: "mean: 1s", with: "mean: -1s"))
        XCTAssertEqual(e.line, 7)
        XCTAssertEqual(e.path, "service.demand.mean")
        XCTAssertEqual(e.message, "must not be negative, got '-1s'")
    }

    func testUnknownUnit() throws {
        let e = try error(valid.replacingOccurrences(of: "duration: 100s", with: "duration: 100 parsecs"))
        XCTAssertEqual(e.line, 2)
        XCTAssertEqual(e.path, "duration")
        XCTAssertTrue(e.message.hasPrefix("'100 parsecs' is not a duration"), e.message)
    }

    func testMissingKeyNamesItsPathAndTheParentLine() throws {
        let e = try error(valid.replacingOccurrences(of: "  rate: 9\n", with: ""))
        XCTAssertEqual(e.path, "traffic.rate")
        XCTAssertEqual(e.message, "missing required key")
        XCTAssertEqual(e.line, 4)
    }

    func testYAMLSyntaxErrorHasALine() throws {
        let e = try error(valid.replacingOccurrences(of: "rate: 9", with: "rate: [9"))
        XCTAssertNotNil(e.line)
        XCTAssertTrue(e.message.hasPrefix("YAML syntax error"), e.message)
    }

    func testMissingFile() {
        XCTAssertThrowsError(try ExperimentLoader.load(path: "/nonexistent/x.yaml")) { e in
            XCTAssertEqual("\(e)", "/nonexistent/x.yaml: no such file")
        }
    }

    func testADirectoryIsNotAnExperimentFile() throws {
        let dir = try temporaryFolder()
        XCTAssertThrowsError(try ExperimentLoader.load(path: dir.path)) { e in
            XCTAssertEqual("\(e)", "\(dir.path): is a directory, not an experiment file")
        }
    }

    func testADeviceIsNotAnExperimentFile() {
        // /dev/zero would be read forever.
        XCTAssertThrowsError(try ExperimentLoader.load(path: "/dev/zero")) { e in
            XCTAssertEqual("\(e)", "/dev/zero: is not a regular file")
        }
    }

    func testAFileLargerThanTheLimit() throws {
        let path = try writeConfig(valid + "\n#" + String(repeating: "x", count: InputLimits.maxConfigBytes))
        XCTAssertThrowsError(try ExperimentLoader.load(path: path)) { e in
            XCTAssertEqual("\(e)", "\(path): the file is 4.2e6 bytes, more than the limit of 4 MiB for an experiment file")
        }
    }

    func testNotUTF8() throws {
        let path = try writeConfig("")
        try Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ExperimentLoader.load(path: path)) { e in
            XCTAssertEqual("\(e)", "\(path): the file is not UTF-8 text")
        }
    }

    func testRawControlCharacterIsASyntaxErrorWithItsLine() throws {
        let e = try error(valid.replacingOccurrences(of: "rate: 9", with: "rate: 9\u{1B}"))
        XCTAssertEqual(e.line, 5)
        XCTAssertEqual(e.message, "YAML syntax error: control characters are not allowed (U+001B)")
    }

    func testUnknownEnumValueSuggests() throws {
        let e = try error(valid + "\n    loadBalancer: roundrobbin")
        XCTAssertEqual(e.path, "scenarios[0].loadBalancer")
        XCTAssertTrue(e.message.hasPrefix("unknown load balancer 'roundrobbin' (did you mean 'roundRobin'?)"), e.message)
    }

    func testWarmupMustBeShorterThanDuration() throws {
        let e = try error(valid.replacingOccurrences(of: "duration: 100s", with: "duration: 100s\nwarmup: 2m"))
        XCTAssertEqual(e.path, "warmup")
        XCTAssertEqual(e.line, 3)
    }

    func testDurationUnits() throws {
        for (text, seconds) in [("250ms", 0.25), ("90s", 90.0), ("5m", 300.0), ("2h", 7200.0), ("42", 42.0)] {
            let e = try ExperimentLoader.load(path: try writeConfig(
                valid.replacingOccurrences(of: "duration: 100s", with: "duration: \(text)")))
            XCTAssertEqual(e.scenarios[0].duration, seconds, text)
        }
    }
}
