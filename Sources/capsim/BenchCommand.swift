import ArgumentParser
import Foundation
import Model
import SimCore
import SimRandom

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Speed benchmarks of the engine.", subcommands: [HoldBench.self, BalancerBench.self])
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

/// Load balancing at scale: every rule × fleets of 10 to 10,000 Ready
/// instances, each an M/M/c server (exponential 1 s demand, `concurrency`
/// slots) at 80% load, Poisson arrivals, one simulation at a time. Prints
/// simulated requests per wall-clock second (median of `--repeats`) and the
/// ratio to roundRobin at the same fleet size. The fleet is warm, so its ids
/// are 0..<n and rank-to-id is the balancer's O(1) shortcut; leastOutstanding
/// always searches its tree.
struct BalancerBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balancer", abstract: "Requests/s of every load-balancing rule at 10 to 10,000 instances.")

    @Option(help: "Requests simulated per point.") var requests: Int = 1_000_000
    @Option(help: "Fleet sizes (Ready instances), comma-separated.") var sizes: String = "10,100,1000,10000"
    @Option(help: "Rules, comma-separated (default: all).") var rules: String?
    @Option(help: "Service slots per instance (the c of M/M/c).") var concurrency: Int = 1
    @Option(help: "Timed runs per point; the median is printed.") var repeats: Int = 3
    @Option(help: "Seed of the runs.") var seed: UInt64 = 1

    func validate() throws {
        if requests < 1 || concurrency < 1 || repeats < 1 {
            throw ValidationError("--requests, --concurrency and --repeats must be at least 1")
        }
        if fleetSizes == nil { throw ValidationError("--sizes must be positive integers separated by commas") }
        if policies == nil {
            let known = LoadBalancerPolicy.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--rules must be names among \(known), separated by commas")
        }
    }

    private var fleetSizes: [Int]? {
        let values = sizes.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        return values.compactMap { $0 }
    }

    private var policies: [LoadBalancerPolicy]? {
        guard let rules else { return LoadBalancerPolicy.allCases }
        let values = rules.split(separator: ",").map { LoadBalancerPolicy(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
        return values.compactMap { $0 }
    }

    func run() throws {
        let sizes = fleetSizes ?? [], policies = self.policies ?? []
        print("instances  rule                requests   requests/s   vs roundRobin")
        for n in sizes {
            // Rules alternate within each repeat, so a busy moment of a shared
            // machine weighs on all of them rather than on one.
            var rates = [[Double]](repeating: [], count: policies.count)
            var counts = [Int](repeating: 0, count: policies.count)
            for _ in 0..<repeats {
                for (k, policy) in policies.enumerated() {
                    let (count, rate) = measure(instances: n, policy: policy)
                    counts[k] = count
                    rates[k].append(rate)
                }
            }
            let medians = rates.map { $0.sorted()[$0.count / 2] }
            let baseline = policies.firstIndex(of: .roundRobin).map { medians[$0] }
            for (k, policy) in policies.enumerated() {
                let ratio = baseline.map { String(format: "%.2f", medians[k] / $0) } ?? "-"
                let name = policy.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
                print(String(format: "%9d  ", n) + name + String(format: " %9d   %10.3g   ", counts[k], medians[k]) + ratio)
            }
        }
    }

    /// Simulated arrivals of one run and their rate per wall-clock second.
    private func measure(instances n: Int, policy: LoadBalancerPolicy) -> (Int, Double) {
        let rate = 0.8 * Double(n * concurrency)
        let spec = ScenarioSpec(
            name: "bench", duration: Double(requests) / rate, warmup: 0, traffic: .poisson(rate: rate),
            demand: DemandSpec(cpu: .exponential(mean: 1)), replicas: n, concurrency: concurrency,
            loadBalancer: policy, timeseriesInterval: Double(requests) / rate)
        let start = DispatchTime.now().uptimeNanoseconds
        let result = Simulation.run(spec, seed: seed, replication: 0)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (result.arrivalsSimulated, Double(result.arrivalsSimulated) / seconds)
    }
}
