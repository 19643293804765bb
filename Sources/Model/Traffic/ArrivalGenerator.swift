import SimRandom

/// Produces the next arrival time from the traffic spec, with its own stream
/// so that every scenario with the same seed sees the same arrivals.
struct ArrivalGenerator {
    let spec: TrafficSpec
    let stream: RandomStream
    /// Markov-modulated state: index and the time it ends.
    var mmppState = 0
    var mmppStateEnd = 0.0
    /// Next timestamp to replay.
    var replayIndex = 0

    init(spec: TrafficSpec, stream: RandomStream) {
        self.spec = spec
        self.stream = stream
        if case .markovModulated(let states) = spec {
            mmppStateEnd = stream.exponential(mean: states[0].meanDuration)
        }
    }

    /// The next arrival after `now`, or nil when none comes before `horizon`
    /// (a rate curve that stays at zero must not be searched forever).
    mutating func next(after now: Double, horizon: Double) -> Double? {
        switch spec {
        case .poisson(let rate):
            return now + stream.exponential(mean: 1 / rate)
        case .shaped(let shape):
            let peak = shape.peak
            guard peak > 0 else { return nil }
            var t = now
            while t <= horizon {
                t += stream.exponential(mean: 1 / peak)
                if stream.uniform() * peak <= shape.rate(at: t) { return t }
            }
            return nil
        case .markovModulated(let states):
            // Memorylessness: a candidate beyond the state's end is discarded
            // and drawing restarts at the switch with the new state's rate.
            var t = now
            while t <= horizon {
                let rate = states[mmppState].rate
                let candidate = rate > 0 ? t + stream.exponential(mean: 1 / rate) : .infinity
                if candidate <= mmppStateEnd { return candidate }
                t = mmppStateEnd
                mmppState = nextState(states.count)
                mmppStateEnd = t + stream.exponential(mean: states[mmppState].meanDuration)
            }
            return nil
        case .timestamps(let times):
            while replayIndex < times.count, times[replayIndex] < now { replayIndex += 1 }
            guard replayIndex < times.count else { return nil }
            defer { replayIndex += 1 }
            return times[replayIndex]
        }
    }

    /// The offered rate now: λ(t), or the current Markov state's rate.
    func currentRate(at t: Double) -> Double {
        switch spec {
        case .poisson(let rate): return rate
        case .shaped(let shape): return shape.rate(at: t)
        case .markovModulated(let states): return states[mmppState].rate
        case .timestamps: return .nan
        }
    }

    private func nextState(_ n: Int) -> Int {
        if n == 1 { return 0 }
        let k = stream.index(below: n - 1)
        return k >= mmppState ? k + 1 : k
    }
}
