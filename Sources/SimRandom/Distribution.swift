import CGSL
import Foundation

/// A distribution of non-negative durations or sizes, parameterized by what
/// its numbers mean. Each case names the GSL function it calls.
///
/// Build one through the throwing factories in `Distribution+Make.swift`,
/// which validate the parameters (GSL's own checks are switched off).
public indirect enum Distribution: Sendable {
    /// `gsl_ran_exponential(r, mean)`.
    case exponential(mean: Double)
    /// Always `value`; draws nothing.
    case deterministic(value: Double)
    /// `gsl_ran_flat(r, min, max)`.
    case uniform(min: Double, max: Double)
    /// `mean + gsl_ran_gaussian(r, sd)`; with `truncated`, values below 0 are
    /// redrawn (a normal conditioned on being non-negative).
    case normal(mean: Double, sd: Double, truncated: Bool)
    /// `gsl_ran_lognormal(r, mu, sigma)`: ln X ~ N(mu, sigma²).
    case lognormal(mu: Double, sigma: Double)
    /// `gsl_ran_gamma(r, shape, scale)`; Erlang-k is gamma with integer shape k.
    case gamma(shape: Double, scale: Double)
    /// `gsl_ran_weibull(r, scale, shape)` (GSL's argument order is a = scale, b = shape).
    case weibull(shape: Double, scale: Double)
    /// `gsl_ran_pareto(r, shape, scale)`: P(X > x) = (scale / x)^shape for x ≥ scale.
    case pareto(shape: Double, scale: Double)
    /// `gsl_ran_discrete` over a preprocessed table: `values[i]` with
    /// probability `weights[i] / sum(weights)`.
    case empirical(EmpiricalTable)
    /// Picks component i with probability weights[i] / sum, then draws from it.
    case mixture(weights: [Double], components: [Distribution])
    /// Another distribution clamped into [min, max].
    case clipped(Distribution, min: Double, max: Double)

    /// The largest value a draw returns (10^15: about 31.7 million years
    /// in seconds, a petabyte in bytes). Heavy tails (a Pareto of small
    /// shape, a lognormal of large sigma, an exponential of huge mean) can
    /// draw infinity, which no event time may be; a larger or not-a-number
    /// draw returns this instead, so every duration built from draws stays finite.
    public static let largestSample = 1e15

    /// Draws one value, at most `largestSample`.
    @inlinable
    public func sample(_ s: RandomStream) -> Double {
        let x = draw(s)
        return x <= Distribution.largestSample ? x : Distribution.largestSample
    }

    /// One draw as the GSL function gives it.
    @inlinable
    func draw(_ s: RandomStream) -> Double {
        switch self {
        case .exponential(let mean): return gsl_ran_exponential(s.gsl, mean)
        case .deterministic(let value): return value
        case .uniform(let lo, let hi): return gsl_ran_flat(s.gsl, lo, hi)
        case .normal(let mean, let sd, let truncated):
            var x = mean + gsl_ran_gaussian(s.gsl, sd)
            while truncated && x < 0 { x = mean + gsl_ran_gaussian(s.gsl, sd) }
            return x
        case .lognormal(let mu, let sigma): return gsl_ran_lognormal(s.gsl, mu, sigma)
        case .gamma(let shape, let scale): return gsl_ran_gamma(s.gsl, shape, scale)
        case .weibull(let shape, let scale): return gsl_ran_weibull(s.gsl, scale, shape)
        case .pareto(let shape, let scale): return gsl_ran_pareto(s.gsl, shape, scale)
        case .empirical(let table): return table.sample(s)
        case .mixture(let weights, let components):
            var u = gsl_rng_uniform(s.gsl) * weights.reduce(0, +)
            for (w, c) in zip(weights, components) {
                if u < w { return c.sample(s) }
                u -= w
            }
            return components[components.count - 1].sample(s)
        case .clipped(let inner, let lo, let hi):
            return Swift.min(Swift.max(inner.sample(s), lo), hi)
        }
    }
}

/// A preprocessed empirical table (`gsl_ran_discrete_preproc`), shared
/// read-only between runs: `gsl_ran_discrete` only reads it.
public final class EmpiricalTable: @unchecked Sendable {
    public let values: [Double]
    public let weights: [Double]
    @usableFromInline let table: UnsafeMutablePointer<gsl_ran_discrete_t>

    init(values: [Double], weights: [Double]) {
        self.values = values
        self.weights = weights
        let t = weights.withUnsafeBufferPointer { gsl_ran_discrete_preproc(weights.count, $0.baseAddress) }
        guard let t else { fatalError("gsl_ran_discrete_preproc failed on validated weights") }
        self.table = t
    }

    deinit { gsl_ran_discrete_free(table) }

    @inlinable func sample(_ s: RandomStream) -> Double {
        values[gsl_ran_discrete(s.gsl, table)]
    }
}
