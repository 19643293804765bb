import Foundation
import Synchronization

/// The built `capsim` run under a time limit (a watchdog kills it) and a
/// memory limit (`ulimit -v` in the shell that execs it).
struct LimitedProcess {
    /// How one invocation ended.
    struct Outcome {
        var status: Int32
        var signaled: Bool
        var timedOut: Bool
        var stderr: String
        var seconds: Double
    }

    let executable: String
    let directory: String
    let seconds: Double
    let memoryKiB: Int

    func run(_ arguments: [String]) throws -> Outcome {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "ulimit -v \(memoryKiB); exec \"$0\" \"$@\"", executable] + arguments
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let timedOut = Atomic<Bool>(false)
        let started = DispatchTime.now().uptimeNanoseconds
        try p.run()
        let pid = p.processIdentifier
        let watchdog = DispatchWorkItem {
            timedOut.store(true, ordering: .relaxed)
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        watchdog.cancel()
        return Outcome(status: p.terminationStatus, signaled: p.terminationReason == .uncaughtSignal,
                       timedOut: timedOut.load(ordering: .relaxed),
                       stderr: String(decoding: data.prefix(20_000), as: UTF8.self),
                       seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }
}

/// What the fuzz suite makes of an outcome.
enum Verdict: String, CaseIterable, Sendable {
    /// Exit 0.
    case ok
    /// Exit 2 (bad input) or 3 (I/O) with one `error:` line naming a file of the mutant.
    case refused
    /// Killed by a signal (a trap, a stack overflow, the memory limit).
    case crashed
    /// Killed by the watchdog.
    case hung
    /// Any other ending: another exit code, several lines, a backtrace, no file named.
    case unclean

    /// `files`: text one of which the error line must contain (the
    /// mutant's folder, the shipped presets' folder).
    static func of(_ o: LimitedProcess.Outcome, naming files: [String]) -> Verdict {
        if o.timedOut { return .hung }
        if o.signaled { return .crashed }
        if o.status == 0 { return .ok }
        let lines = o.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        let clean = (o.status == 2 || o.status == 3) && lines.count == 1 && lines[0].hasPrefix("error: ")
            && files.contains(where: { lines[0].contains($0) }) && !o.stderr.contains("Backtrac") && !o.stderr.contains("Fatal error")
        return clean ? .refused : .unclean
    }
}
