/// The arrival process of requests.
public enum TrafficSpec: Sendable {
    /// Homogeneous Poisson at `rate` requests per second.
    case poisson(rate: Double)
    /// Non-homogeneous Poisson with a deterministic rate curve, by thinning.
    case shaped(RateShape)
    /// Markov-modulated Poisson: the rate of the current state; each state
    /// lasts an exponential time of its mean, then the next state is drawn
    /// uniformly among the others (two states simply alternate).
    case markovModulated(states: [MMPPState])
    /// Replay of request timestamps (seconds from the start), sorted.
    case timestamps([Double])

    /// The mean rate over a long run (for summaries and tests).
    public var longRunRate: Double? {
        switch self {
        case .poisson(let rate): return rate
        case .markovModulated(let states):
            let total = states.reduce(0) { $0 + $1.meanDuration }
            return states.reduce(0) { $0 + $1.rate * $1.meanDuration } / total
        case .shaped, .timestamps: return nil
        }
    }
}

/// One state of a Markov-modulated Poisson process.
public struct MMPPState: Sendable, Equatable {
    public var rate: Double
    public var meanDuration: Double
    public init(rate: Double, meanDuration: Double) {
        self.rate = rate
        self.meanDuration = meanDuration
    }
}
