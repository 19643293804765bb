import CGSL
import Foundation

/// Closed-form moments, used by validation (Pollaczek-Khinchine needs E[S²])
/// and by the tests that check sampled moments against theory.
extension Distribution {
    /// E[X], or nil where it has no closed form here (clipped) or is infinite.
    public var mean: Double? {
        switch self {
        case .exponential(let m): return m
        case .deterministic(let v): return v
        case .uniform(let a, let b): return (a + b) / 2
        case .normal(let m, let sd, let truncated):
            guard truncated, sd > 0 else { return m }
            let alpha = -m / sd
            return m + sd * gsl_ran_ugaussian_pdf(alpha) / gsl_cdf_ugaussian_Q(alpha)
        case .lognormal(let mu, let s): return Foundation.exp(mu + s * s / 2)
        case .gamma(let k, let theta): return k * theta
        case .weibull(let k, let lambda): return lambda * Foundation.tgamma(1 + 1 / k)
        case .pareto(let a, let xm): return a > 1 ? a * xm / (a - 1) : nil
        case .empirical(let t):
            let total = t.weights.reduce(0, +)
            return zip(t.values, t.weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        case .mixture(let w, let cs):
            return Self.mix(w, cs.map(\.mean))
        case .clipped: return nil
        }
    }

    /// E[X²], or nil where it is unknown or infinite.
    public var secondMoment: Double? {
        switch self {
        case .exponential(let m): return 2 * m * m
        case .deterministic(let v): return v * v
        case .uniform(let a, let b): return (a * a + a * b + b * b) / 3
        case .normal(let m, let sd, let truncated):
            guard truncated, sd > 0 else { return m * m + sd * sd }
            // Truncated below at 0: Var = sd²(1 + αλ − λ²), λ = φ(α)/Q(α), α = −m/sd.
            let alpha = -m / sd
            let lambda = gsl_ran_ugaussian_pdf(alpha) / gsl_cdf_ugaussian_Q(alpha)
            let mean = m + sd * lambda
            return sd * sd * (1 + alpha * lambda - lambda * lambda) + mean * mean
        case .lognormal(let mu, let s): return Foundation.exp(2 * mu + 2 * s * s)
        case .gamma(let k, let theta): return k * (k + 1) * theta * theta
        case .weibull(let k, let lambda): return lambda * lambda * Foundation.tgamma(1 + 2 / k)
        case .pareto(let a, let xm): return a > 2 ? a * xm * xm / (a - 2) : nil
        case .empirical(let t):
            let total = t.weights.reduce(0, +)
            return zip(t.values, t.weights).reduce(0) { $0 + $1.0 * $1.0 * $1.1 } / total
        case .mixture(let w, let cs):
            return Self.mix(w, cs.map(\.secondMoment))
        case .clipped: return nil
        }
    }

    /// Var[X], or nil.
    public var variance: Double? {
        guard let m = mean, let m2 = secondMoment else { return nil }
        return Swift.max(0, m2 - m * m)
    }

    private static func mix(_ weights: [Double], _ values: [Double?]) -> Double? {
        let total = weights.reduce(0, +)
        var sum = 0.0
        for (w, v) in zip(weights, values) {
            guard let v else { return nil }
            sum += w * v
        }
        return sum / total
    }
}
