import Dispatch
import Foundation
import Synchronization

/// Progress of a study on stderr: a bar redrawn in place when stderr is a
/// terminal, a plain line every 30 s when it is not (CI logs), nothing with
/// `--quiet`. Called from the workers as runs finish.
final class Progress: Sendable {
    private struct State {
        var lastDraw: UInt64 = 0
        var drawn = false
    }
    private let state: Mutex<State>
    private let started = DispatchTime.now().uptimeNanoseconds
    private let terminal = isatty(2) != 0
    /// Nanoseconds between two lines: 0.1 s on a terminal, 30 s in a log.
    private var interval: UInt64 { terminal ? 100_000_000 : 30_000_000_000 }

    /// The first plain line comes 30 s after the start: a short study logs nothing.
    init() { state = Mutex(State(lastDraw: started)) }

    func update(done: Int, total: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        let line: String? = state.withLock { s in
            guard now - s.lastDraw >= interval || (terminal && done == total) else { return nil }
            s.lastDraw = now
            s.drawn = true
            return Self.describe(done: done, total: total, seconds: Double(now - started) / 1e9, bar: terminal)
        }
        guard let line else { return }
        FileHandle.standardError.write(Data((terminal ? "\r\(line)\u{1B}[K" : line + "\n").utf8))
    }

    /// Ends the bar's line so that what follows starts on a new one.
    func finish() {
        if terminal && state.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func describe(done: Int, total: Int, seconds: Double, bar: Bool) -> String {
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let eta = rate > 0 ? Double(total - done) / rate : .nan
        let share = total > 0 ? Double(done) / Double(total) : 1
        let width = 24
        let filled = Int((share * Double(width)).rounded(.down))
        let head = bar ? "[" + String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled) + "] " : "progress: "
        let etaText = eta.isNaN ? "?" : format(eta)
        return head + "\(done)/\(total) runs (\(Int(share * 100))%), "
            + String(format: "%.3g", rate) + " runs/s, ETA " + etaText
    }

    static func format(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.0f s", seconds) }
        if seconds < 3600 { return String(format: "%.0f min %02.0f s", (seconds / 60).rounded(.down), seconds.truncatingRemainder(dividingBy: 60)) }
        return String(format: "%.0f h %02.0f min", (seconds / 3600).rounded(.down), (seconds / 60).truncatingRemainder(dividingBy: 60))
    }
}
