import Foundation

/// Closed-form queueing results the simulator must reproduce.
public enum QueueingTheory {
    /// Erlang B: blocking probability of M/G/c/c with offered load a = λ·E[S],
    /// by the stable recursion B(k) = a·B(k−1) / (k + a·B(k−1)).
    public static func erlangB(servers c: Int, load a: Double) -> Double {
        var b = 1.0
        for k in stride(from: 1, through: c, by: 1) { b = a * b / (Double(k) + a * b) }
        return b
    }

    /// Erlang C: probability of waiting in M/M/c.
    public static func erlangC(servers c: Int, load a: Double) -> Double {
        let b = erlangB(servers: c, load: a)
        let rho = a / Double(c)
        return b / (1 - rho * (1 - b))
    }

    /// Mean wait in queue of M/M/c.
    public static func mmcWait(lambda: Double, mu: Double, servers c: Int) -> Double {
        erlangC(servers: c, load: lambda / mu) / (Double(c) * mu - lambda)
    }

    /// M/M/1/K: probability that an arrival finds K in the system.
    public static func mm1kBlocking(rho: Double, k: Int) -> Double {
        (1 - rho) * pow(rho, Double(k)) / (1 - pow(rho, Double(k + 1)))
    }

    /// Pollaczek-Khinchine mean wait of M/G/1.
    public static func pkWait(lambda: Double, meanService: Double, secondMoment: Double) -> Double {
        lambda * secondMoment / (2 * (1 - lambda * meanService))
    }

    /// GI/M/1 mean wait when interarrival times are Erlang-k with phase rate
    /// `phaseRate` (every k-th arrival of a Poisson stream): σ is the root in
    /// (0, 1) of σ = (phaseRate / (phaseRate + μ(1 − σ)))^k, Wq = σ / (μ(1 − σ)).
    public static func erlangArrivalsWait(k: Int, phaseRate: Double, mu: Double) -> Double {
        var sigma = 0.5
        for _ in 0..<10_000 {
            sigma = pow(phaseRate / (phaseRate + mu * (1 - sigma)), Double(k))
        }
        return sigma / (mu * (1 - sigma))
    }
}
