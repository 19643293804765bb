import Foundation
import Model
import SimRandom

/// What an experiment will cost before it runs: runs, expected arrivals and
/// events, timeseries rows. The loader refuses a run whose arrivals,
/// instances or hosts pass their per-run limits and an experiment whose
/// events pass the work budget; `capsim validate` prints the estimate.
///
/// Events per run ≈ arrivals (each with its departure) + thinning candidates
/// a curve rejects + Markov state switches + timeseries samples + boot phases
/// + host boots + schedule steps. Work that is not an event counts as
/// event-equivalents, so that no valid file hides a quadratic cost: a
/// `steps` curve is evaluated step by step for every candidate (its
/// candidates count 1 + steps/50 times); every timeseries sample visits
/// every instance (1/4 each) and host (1/16); placing an instance scans the
/// hosts (1/64 each); the Ready list is kept sorted (instances²/100); a
/// scale step sorts the live instances (1/8 each); a container's pull
/// walks its layers and the node's downloads (layers × (1 + layers/8));
/// a node starts with its pre-pulled layers; each rollout starts as many
/// instances as the most replicas desired; an instance forced out with
/// requests still held scans the requests in the system (1/10 each); and
/// setting a run up and collecting it (streams, histograms, results) costs
/// about `runSetup` events.
///
/// Requests in the system at once, which set a run's memory, follow a
/// fluid estimate: the backlog of arrivals over capacity (instances ×
/// concurrency ÷ mean service time) integrated over the run, plus the
/// requests in service (Little's law), at most the arrivals, and at most
/// instances × (concurrency + queueLimit) when the queue has a limit.
public struct WorkEstimate: Sendable, Equatable {
    public var runs = 0
    public var arrivals = 0.0
    public var events = 0.0
    public var timeseriesRows = 0.0
    public var bootRecords = 0.0

    public init() {}

    /// Adds another estimate (the points of a sweep).
    mutating func add(_ other: WorkEstimate) {
        runs += other.runs
        arrivals += other.arrivals
        events += other.events
        timeseriesRows += other.timeseriesRows
        bootRecords += other.bootRecords
    }

    /// Event-equivalents of setting up and collecting one run, measured:
    /// 10^5 runs of a few events each take as long as 10^9 events.
    public static let runSetup = 10_000.0

    /// One run of one scenario.
    struct Run {
        var arrivals = 0.0
        var events = 0.0
        var samples = 0.0
        var instances = 0.0
        var hosts = 0.0
        var inFlight = 0.0
    }

    static func run(_ spec: ScenarioSpec) -> Run {
        var r = Run()
        let d = spec.duration
        var candidates = 0.0
        switch spec.traffic {
        case .poisson(let rate):
            r.arrivals = rate * d
            candidates = r.arrivals
        case .shaped(let shape):
            r.arrivals = integral(shape, over: d)
            var cost = 1.0
            if case .steps(_, let steps) = shape { cost += Double(steps.count) / 50 }
            candidates = shape.peak * d * cost
        case .markovModulated(let states):
            r.arrivals = (spec.traffic.longRunRate ?? 0) * d
            let meanStay = states.reduce(0) { $0 + $1.meanDuration } / Double(states.count)
            candidates = r.arrivals + d / meanStay
        case .timestamps(let times):
            r.arrivals = Double(times.prefix { $0 <= d }.count)
            candidates = r.arrivals
        }
        r.samples = (d / spec.timeseriesInterval).rounded(.up) + 1
        var desired = Double(spec.replicas)
        var removed = 0.0
        r.instances = desired
        for step in spec.scaleSchedule where step.at <= d {
            r.instances += Swift.max(0, Double(step.replicas) - desired)
            removed += Swift.max(0, desired - Double(step.replicas))
            desired = Double(step.replicas)
        }
        // Each rollout replaces every pod: as many new instances as the most desired.
        let rollouts = spec.workload == .deployment ? spec.deployment.rollouts.filter { $0.at <= d }.count : 0
        if rollouts > 0 {
            let peak = ([spec.replicas, spec.autoscaling.hpa?.spec.maxReplicas ?? 0] + spec.scaleSchedule.map(\.replicas)).max() ?? 0
            r.instances += Double(rollouts * peak)
        }
        if let pool = spec.cluster.hosts {
            var target = Double(pool.count)
            r.hosts = target
            for step in spec.cluster.hostSchedule where step.at <= d {
                r.hosts += Swift.max(0, Double(step.hosts) - target)
                target = Double(step.hosts)
            }
        }
        let bootEvents = r.instances * Double(spec.platform.kind.phaseNames.count + 2)
        let steps = Double(spec.scaleSchedule.count + spec.cluster.hostSchedule.count)
        r.inFlight = inFlight(spec, arrivals: r.arrivals)
        let layers = Double(spec.platform.image?.layers.count ?? 0)
        let prepulled = Double(spec.cluster.hosts?.prepulled.reduce(0) { $0 + $1.layers.count } ?? 0)
        var bookkeeping = r.samples * (1 + r.instances / 4 + r.hosts / 16)
        bookkeeping += r.instances * r.hosts / 64 + r.instances * r.instances / 100
        bookkeeping += Double(spec.scaleSchedule.count) * r.instances / 8
        bookkeeping += r.instances * layers * (1 + layers / 8) + r.hosts * prepulled
        bookkeeping += removed * r.inFlight / 10
        r.events = r.arrivals + Swift.max(candidates, r.arrivals) + bootEvents + r.hosts + steps + runSetup + bookkeeping
        return r
    }

    /// The fluid estimate of the most requests in the system at once.
    static func inFlight(_ spec: ScenarioSpec, arrivals: Double) -> Double {
        let d = spec.duration
        let instances = Double(([spec.replicas] + spec.scaleSchedule.filter { $0.at <= d }.map(\.replicas)).max() ?? 0)
        guard instances > 0, arrivals > 0 else { return 0 }
        let slots = instances * Double(spec.concurrency)
        let service = mean(spec.demand.cpu) * (1 + spec.platform.cpuOverhead)
            + (spec.demand.io.map(mean) ?? 0) * (1 + spec.platform.ioOverhead)
        let capacity = service > 0 ? slots / service : .infinity
        let n = 1_000
        let dt = d / Double(n)
        var backlog = 0.0, most = 0.0, peak = 0.0
        for k in 0..<n {
            let rate = meanRate(spec.traffic, from: Double(k) * dt, to: Double(k + 1) * dt)
            peak = Swift.max(peak, rate)
            backlog = Swift.max(0, backlog + (rate - capacity) * dt)
            most = Swift.max(most, backlog)
        }
        var held = Swift.min(arrivals, most + Swift.min(peak * service, slots))
        if let limit = spec.queueLimit { held = Swift.min(held, instances * Double(spec.concurrency + limit)) }
        return held.isNaN ? arrivals : held
    }

    /// The mean arrival rate over [a, b).
    static func meanRate(_ traffic: TrafficSpec, from a: Double, to b: Double) -> Double {
        switch traffic {
        case .poisson(let rate): return rate
        case .shaped(let shape): return shape.rate(at: (a + b) / 2)
        case .markovModulated: return traffic.longRunRate ?? 0
        case .timestamps(let times):
            let lo = firstIndex(times, notBelow: a), hi = firstIndex(times, notBelow: b)
            return Double(hi - lo) / (b - a)
        }
    }

    private static func firstIndex(_ sorted: [Double], notBelow x: Double) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// A distribution's mean, infinite when it has none; a clipped one's
    /// inner mean moved into its bounds.
    static func mean(_ d: Distribution) -> Double {
        if case .clipped(let inner, let lo, let hi) = d { return Swift.min(Swift.max(mean(inner), lo), hi) }
        return Swift.min(d.mean ?? .infinity, Distribution.largestSample)
    }

    /// ∫₀ᵈ λ(t) dt: exact for steps and traces, by 10,000 midpoints otherwise.
    static func integral(_ shape: RateShape, over d: Double) -> Double {
        switch shape {
        case .steps(let initial, let steps):
            var total = 0.0, rate = initial, from = 0.0
            for s in steps where s.at < d {
                total += rate * (Swift.max(s.at, from) - from)
                from = Swift.max(s.at, from)
                rate = s.rate
            }
            return total + rate * (d - from)
        case .trace(let interval, let rates):
            let whole = Swift.min(Double(rates.count), (d / interval).rounded(.down))
            var total = rates.prefix(Int(whole)).reduce(0, +) * interval
            total += (rates.last ?? 0) * Swift.max(0, d - Double(rates.count) * interval)
            if whole < Double(rates.count) { total += rates[Int(whole)] * (d - whole * interval) }
            return total
        default:
            let n = 10_000.0
            var sum = 0.0
            for k in 0..<Int(n) { sum += shape.rate(at: (Double(k) + 0.5) * d / n) }
            return sum * d / n
        }
    }

    /// `123456`, or `3.4e8` above a million.
    public static func show(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        if x < 1e6 { return String(Int(x.rounded())) }
        let exponent = Int(Foundation.log10(x).rounded(.down))
        var mantissa = (x / Foundation.pow(10, Double(exponent)) * 10).rounded() / 10
        var e = exponent
        if mantissa >= 10 { mantissa /= 10; e += 1 }
        let m = mantissa == mantissa.rounded() ? String(Int(mantissa)) : String(mantissa)
        return "\(m)e\(e)"
    }
}
