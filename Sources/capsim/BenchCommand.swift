import ArgumentParser
import Foundation
import Model
import SimCore
import SimRandom

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Speed benchmarks of the engine.", subcommands: [HoldBench.self])
}

/// The classic hold model (Vaucher & Duval 1975) on the engine's own
/// pending-event set: pop the earliest event, schedule one at now + Exp(1).
/// Mirrors ../shared/bench/hold.c: N events set up, N untimed warm-up holds,
/// then M timed holds.
struct HoldBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hold", abstract: "Hold-model benchmark; prints one JSON line.")

    @Option(help: "Pending events held in the queue.") var pending: Int = 10_000
    @Option(help: "Timed hold operations.") var operations: Int = 10_000_000
    @Option(help: "Seed of the Exp(1) stream.") var seed: UInt64 = 1

    func validate() throws {
        if pending < 1 || operations < 1 { throw ValidationError("--pending and --operations must be at least 1") }
    }

    func run() throws {
        let stream = RandomStream(seed: seed)
        var queue = EventQueue<SimEvent>()
        queue.reserveCapacity(pending + 1)
        for _ in 0..<pending { queue.push(.arrival, at: stream.exponential(mean: 1)) }
        hold(&queue, stream, pending)
        let start = DispatchTime.now().uptimeNanoseconds
        hold(&queue, stream, operations)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let next = queue.peekTime() ?? .nan
        print("{\"benchmark\":\"hold\",\"pending\":\(pending),\"operations\":\(operations),\"arity\":4,"
              + "\"seconds\":\(seconds),\"opsPerSecond\":\((Double(operations) / seconds).rounded()),"
              + "\"nsPerOp\":\(1e9 * seconds / Double(operations)),\"nextTime\":\(next)}")
    }

    private func hold(_ queue: inout EventQueue<SimEvent>, _ stream: RandomStream, _ count: Int) {
        for _ in 0..<count {
            let top = queue.pop().unsafelyUnwrapped
            queue.push(top.event, at: top.time + stream.exponential(mean: 1))
        }
    }
}
