import Experiment
import XCTest

/// Names that become paths are checked, and every echoed value has its
/// control characters escaped and is shortened when long.
final class SafeNameAndEchoTests: XCTestCase {
    func testExperimentNameWithPathSeparatorsIsRefused() throws {
        for name in ["../../escape", "a/b", "a\\\\b"] {
            let shown = name.replacingOccurrences(of: "\\\\", with: "\\")
            try assertConfigError(ValidConfig.with("name: t", "name: \"\(name)\""), line: 1, path: "name",
                                  "experiment name '\(shown)' must not contain '/' or '\\' (names become file and folder names)")
        }
    }

    func testExperimentNameStartingWithADotIsRefused() throws {
        try assertConfigError(ValidConfig.with("name: t", "name: .."), line: 1, path: "name",
                              "experiment name '..' must not start with '.'")
    }

    func testScenarioNameWithControlCharactersIsRefusedAndEscaped() throws {
        try assertConfigError(ValidConfig.with("- name: a", "- name: \"a\\e[2J\""), line: 9, path: "scenarios[0].name",
                              "scenario name 'a\\u{1B}[2J' must not contain control characters")
    }

    func testBlankAndOverlongNames() throws {
        try assertConfigError(ValidConfig.with("- name: a", "- name: '   '"), line: 9, path: "scenarios[0].name",
                              "scenario name must not be blank")
        let long = String(repeating: "n", count: 101)
        try assertConfigError(ValidConfig.with("- name: a", "- name: \(long)"), line: 9, path: "scenarios[0].name",
                              "scenario name '\(String(repeating: "n", count: 60))…' is 101 characters long, more than 100")
    }

    func testPresetNameCannotLeaveThePresetsFolder() throws {
        try assertConfigError(ValidConfig.scenario("preset: ../../etc/passwd"), line: 11, path: "scenarios[0].preset",
                              "preset name '../../etc/passwd' must not contain '/' or '\\' (names become file and folder names)")
    }

    func testLongValuesAreShortenedInMessages() throws {
        let long = String(repeating: "z", count: 4_000)
        try assertConfigError(ValidConfig.with("rate: 9", "rate: \(long)"), line: 5, path: "traffic.rate",
                              "expected a number, got '\(String(repeating: "z", count: 60))…'")
    }

    func testControlCharactersInValuesAreEscaped() throws {
        let e = try configError(ValidConfig.with("rate: 9", "rate: \"\\e]0;pwned\\a\\n9\""))
        XCTAssertEqual(e.message, "expected a number, got '\\u{1B}]0;pwned\\u{7}\\n9'")
        XCTAssertFalse(e.description.unicodeScalars.contains { $0.value < 0x20 }, e.description)
    }

    func testControlCharactersInUnknownKeysAreEscapedInTheSentence() throws {
        let e = try configError(ValidConfig.text + "\n\"bad\\ekey\": 1")
        XCTAssertEqual(e.path, "bad\u{1B}key")
        XCTAssertTrue(e.description.hasSuffix(":11: bad\\u{1B}key: unknown key"), e.description)
    }

    func testTheSentenceEscapesItsFileKeyPathAndMessage() {
        let e = ConfigError(file: "f\u{7}.yaml", line: 3, path: "k\u{1B}", message: "m\u{1B}[2J")
        XCTAssertEqual(e.description, "f\\u{7}.yaml:3: k\\u{1B}: m\\u{1B}[2J")
        let long = ConfigError(file: "f", line: nil, path: String(repeating: "p", count: 130), message: "m")
        XCTAssertEqual(long.description, "f: " + String(repeating: "p", count: 120) + "…: m")
    }

    func testEchoEscapesEveryControlAndBidiCharacter() {
        XCTAssertEqual(Echo.escape("a\tb\rc\nd\u{0}\u{7F}\u{85}\u{202E}\u{2028}é"),
                       "a\\tb\\rc\\nd\\u{0}\\u{7F}\\u{85}\\u{202E}\\u{2028}é")
        XCTAssertEqual(Echo.value(String(repeating: "é", count: 61)), String(repeating: "é", count: 60) + "…")
        XCTAssertEqual(Echo.value(String(repeating: "é", count: 60)), String(repeating: "é", count: 60))
    }
}
