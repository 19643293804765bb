import Foundation
import TestSupport
import XCTest

/// The `capsim` command on good and bad input: exit codes, the one-sentence
/// error, and no results written for a bad file.
final class CommandLineTests: XCTestCase {
    var capsim: String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("capsim").path,
            Fixtures.path(".build/release/capsim"), Fixtures.path(".build/debug/capsim"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: capsim)
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testValidateAcceptsTheShippedExperiments() throws {
        for file in ["experiments/mmc.yaml", "experiments/vm-vs-container.yaml", "experiments/validation/mg1.yaml"] {
            let r = try run(["validate", file])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertTrue(r.out.contains("ok"), r.out)
        }
    }

    func testBadFileFailsWithOneSentenceAndWritesNothing() throws {
        let text = try String(contentsOfFile: Fixtures.path("experiments/mmc.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "exponential", with: "lognorml")
        let config = try Fixtures.temporaryConfig(text, name: "x.yaml")
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

    func testHoldBenchmarkPrintsOneJSONLine() throws {
        let r = try run(["bench", "hold", "--pending", "1000", "--operations", "100000"])
        XCTAssertEqual(r.status, 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        XCTAssertEqual(json?["pending"] as? Int, 1000)
        XCTAssertEqual(json?["operations"] as? Int, 100_000)
        XCTAssertGreaterThan(json?["opsPerSecond"] as? Double ?? 0, 0)
    }
}
