import Foundation
import Model

/// What an experiment will cost before it runs: runs, expected arrivals and
/// events, timeseries rows. The loader refuses a run whose arrivals,
/// instances or hosts pass their per-run limits and an experiment whose
/// events pass the work budget; `capsim validate` prints the estimate.
///
/// Events per run ≈ arrivals (each with its departure) + thinning candidates
/// a curve rejects + Markov state switches + timeseries samples + boot phases
/// + host boots + schedule steps. A `steps` curve is evaluated step by step
/// for every candidate, so its candidates count (1 + steps / 50) times.
public struct WorkEstimate: Sendable, Equatable {
    public var runs = 0
    public var arrivals = 0.0
    public var events = 0.0
    public var timeseriesRows = 0.0

    public init() {}

    /// One run of one scenario.
    struct Run {
        var arrivals = 0.0
        var events = 0.0
        var samples = 0.0
        var instances = 0.0
        var hosts = 0.0
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
        r.instances = desired
        for step in spec.scaleSchedule where step.at <= d {
            r.instances += Swift.max(0, Double(step.replicas) - desired)
            desired = Double(step.replicas)
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
        r.events = r.arrivals + Swift.max(candidates, r.arrivals) + r.samples + bootEvents + r.hosts + steps + 1
        return r
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
