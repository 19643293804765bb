import Foundation
import TestSupport

/// The built `capsim` executable, run as a user would.
enum CapsimBinary {
    static var path: String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("capsim").path,
            Fixtures.path(".build/release/capsim"), Fixtures.path(".build/debug/capsim"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
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

    /// Runs finished in a journal: records of kind R.
    static func finishedRuns(_ journal: URL) -> Int {
        guard let hashes = try? FileManager.default.contentsOfDirectory(atPath: journal.path) else { return 0 }
        var count = 0
        for hash in hashes {
            let dir = journal.appendingPathComponent(hash)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
                let text = (try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? ""
                count += text.components(separatedBy: " R ").count - 1
            }
        }
        return count
    }
}
