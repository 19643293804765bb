import Experiment
import Foundation
import XCTest

/// Experiment files written to a temporary folder that is removed when the
/// test ends, and the one error sentence a bad file gets.
extension XCTestCase {
    /// A fresh folder, removed after the test.
    func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Writes `text` (and `files` beside it) and returns the config's path.
    func writeConfig(_ text: String, files: [String: String] = [:], name: String = "test.yaml") throws -> String {
        let dir = try temporaryFolder()
        for (file, body) in files { try body.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8) }
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func loadConfig(_ text: String, files: [String: String] = [:]) throws -> Experiment {
        try ExperimentLoader.load(path: writeConfig(text, files: files))
    }

    /// The error a bad file gets; fails the test when it loads.
    func configError(_ text: String, files: [String: String] = [:],
                     maxEvents: Double = InputLimits.defaultMaxEvents) throws -> ConfigError {
        let path = try writeConfig(text, files: files)
        do {
            _ = try ExperimentLoader.load(path: path, maxEvents: maxEvents)
        } catch let e as ConfigError {
            return e
        }
        XCTFail("expected a ConfigError")
        throw CancellationError()
    }

    /// Asserts the exact sentence: line, key path and message.
    func assertConfigError(_ text: String, files: [String: String] = [:], line: Int?, path: String, _ message: String,
                           file: StaticString = #filePath, testLine: UInt = #line) throws {
        let e = try configError(text, files: files)
        XCTAssertEqual(e.line, line, "line of: \(e)", file: file, line: testLine)
        XCTAssertEqual(e.path, path, "path of: \(e)", file: file, line: testLine)
        XCTAssertEqual(e.message, message, file: file, line: testLine)
    }
}

/// The small valid experiment the error tests break one line at a time.
enum ValidConfig {
    /// Line numbers: name 1, duration 2, traffic 3-5, service 6-7, scenarios 8, `- name: a` 9, concurrency 10.
    static let text = """
        name: t
        duration: 100s
        traffic:
          arrivals: poisson
          rate: 9
        service:
          demand: {distribution: exponential, mean: 1s}
        scenarios:
          - name: a
            concurrency: 10
        """

    /// The valid file with `old` replaced by `new` (a test whose `old`
    /// does not occur loads the valid file and fails its assertion).
    static func with(_ old: String, _ new: String) -> String {
        text.replacingOccurrences(of: old, with: new)
    }

    /// The valid file with lines added to its scenario (line 11 on).
    static func scenario(_ lines: String...) -> String {
        text + "\n" + lines.map { "    " + $0 }.joined(separator: "\n")
    }
}
