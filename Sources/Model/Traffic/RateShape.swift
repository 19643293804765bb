import Foundation

/// A deterministic arrival-rate curve λ(t) in requests per second, sampled by
/// thinning (Lewis & Shedler): candidates at the peak rate, each kept with
/// probability λ(t)/peak.
public enum RateShape: Sendable {
    /// mean + amplitude·sin(2π(t − phase)/period).
    case diurnal(mean: Double, amplitude: Double, period: Double, phase: Double)
    /// `from` until `start`, linear to `to` at `end`, then `to`.
    case ramp(from: Double, to: Double, start: Double, end: Double)
    /// `initial` until the first step, then each step's rate from its time on.
    case steps(initial: Double, steps: [(at: Double, rate: Double)])
    /// Flash crowd: `base`, rising linearly to `peak` over `rise` from
    /// `start`, holding for `hold`, decaying linearly back over `decay`.
    case spike(base: Double, peak: Double, start: Double, rise: Double, hold: Double, decay: Double)
    /// Piecewise-constant rates, one per `interval` from t = 0 (a rate trace);
    /// the last rate holds after the trace ends.
    case trace(interval: Double, rates: [Double])

    /// λ(t).
    public func rate(at t: Double) -> Double {
        switch self {
        case .diurnal(let mean, let amp, let period, let phase):
            return Swift.max(0, mean + amp * sin(2 * .pi * (t - phase) / period))
        case .ramp(let from, let to, let start, let end):
            if t <= start { return from }
            if t >= end { return to }
            return from + (to - from) * (t - start) / (end - start)
        case .steps(let initial, let steps):
            var r = initial
            for s in steps where s.at <= t { r = s.rate }
            return r
        case .spike(let base, let peak, let start, let rise, let hold, let decay):
            let t1 = start + rise, t2 = t1 + hold, t3 = t2 + decay
            if t < start || t >= t3 { return base }
            if t < t1 { return rise > 0 ? base + (peak - base) * (t - start) / rise : peak }
            if t < t2 { return peak }
            return decay > 0 ? peak - (peak - base) * (t - t2) / decay : base
        case .trace(let interval, let rates):
            let i = Swift.min(Int(t / interval), rates.count - 1)
            return rates[Swift.max(0, i)]
        }
    }

    /// An upper bound of λ over all t, the thinning envelope.
    public var peak: Double {
        switch self {
        case .diurnal(let mean, let amp, _, _): return mean + abs(amp)
        case .ramp(let from, let to, _, _): return Swift.max(from, to)
        case .steps(let initial, let steps): return steps.map(\.rate).reduce(initial, Swift.max)
        case .spike(let base, let peak, _, _, _, _): return Swift.max(base, peak)
        case .trace(_, let rates): return rates.reduce(0, Swift.max)
        }
    }
}
