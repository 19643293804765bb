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

    /// Starts `capsim run CONFIG --out OUT --jobs 2 --quiet`, kills it with
    /// SIGKILL once `finished` runs are in its journal, and says whether it
    /// was still running then (a study that ends first proves nothing).
    static func runAndKill(config: String, out: URL, after finished: Int = 3) throws -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["run", config, "--out", out.path, "--jobs", "2", "--quiet"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning && Date() < deadline && finishedRuns(out.appendingPathComponent(".journal")) < finished {
            usleep(1000)
        }
        let wasRunning = p.isRunning
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        return wasRunning
    }
}
