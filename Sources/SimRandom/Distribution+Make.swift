import Foundation

/// A parameter that a distribution cannot take, in one sentence.
public struct DistributionError: Error, Equatable, Sendable {
    /// The offending parameter's name (`mean`, `cv`, `weights`...), for the key path.
    public let parameter: String
    public let message: String
    public init(_ parameter: String, _ message: String) {
        self.parameter = parameter
        self.message = message
    }
}

/// Validating factories, one per parameterization users may write.
extension Distribution {
    /// `0` rather than `0.0` in messages.
    static func show(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    static func positive(_ name: String, _ v: Double) throws {
        guard v.isFinite, v > 0 else { throw DistributionError(name, "must be a positive number, got \(show(v))") }
    }
    static func nonNegative(_ name: String, _ v: Double) throws {
        guard v.isFinite, v >= 0 else { throw DistributionError(name, "must be zero or positive, got \(show(v))") }
    }

    public static func makeExponential(mean: Double) throws -> Distribution {
        try positive("mean", mean)
        return .exponential(mean: mean)
    }

    public static func makeDeterministic(value: Double) throws -> Distribution {
        try nonNegative("value", value)
        return .deterministic(value: value)
    }

    public static func makeUniform(min: Double, max: Double) throws -> Distribution {
        try nonNegative("min", min)
        try nonNegative("max", max)
        guard max >= min else { throw DistributionError("max", "must not be below min (\(show(min))), got \(show(max))") }
        return .uniform(min: min, max: max)
    }

    /// A normal duration: truncated at 0 so that no duration is negative.
    public static func makeNormal(mean: Double, sd: Double) throws -> Distribution {
        try positive("mean", mean)
        try nonNegative("sd", sd)
        return .normal(mean: mean, sd: sd, truncated: true)
    }

    /// Lognormal from its mean and coefficient of variation:
    /// sigma² = ln(1 + cv²), mu = ln(mean) − sigma²/2.
    public static func makeLognormal(mean: Double, cv: Double) throws -> Distribution {
        try positive("mean", mean)
        try positive("cv", cv)
        let s2 = Foundation.log1p(cv * cv)
        return .lognormal(mu: Foundation.log(mean) - s2 / 2, sigma: s2.squareRoot())
    }

    public static func makeLognormal(mu: Double, sigma: Double) throws -> Distribution {
        guard mu.isFinite else { throw DistributionError("mu", "must be a finite number, got \(mu)") }
        try positive("sigma", sigma)
        return .lognormal(mu: mu, sigma: sigma)
    }

    /// Lognormal from its median m (mu = ln m) and log-standard-deviation,
    /// the form figures.md writes as LN(m, sigma).
    public static func makeLognormal(median: Double, sigma: Double) throws -> Distribution {
        try positive("median", median)
        try positive("sigma", sigma)
        return .lognormal(mu: Foundation.log(median), sigma: sigma)
    }

    public static func makeGamma(shape: Double, scale: Double) throws -> Distribution {
        try positive("shape", shape)
        try positive("scale", scale)
        return .gamma(shape: shape, scale: scale)
    }

    /// Gamma from mean and cv: shape = 1/cv², scale = mean·cv².
    public static func makeGamma(mean: Double, cv: Double) throws -> Distribution {
        try positive("mean", mean)
        try positive("cv", cv)
        return .gamma(shape: 1 / (cv * cv), scale: mean * cv * cv)
    }

    /// Erlang-k with the given mean: k exponential phases of mean mean/k each.
    public static func makeErlang(k: Int, mean: Double) throws -> Distribution {
        guard k >= 1 else { throw DistributionError("k", "must be a whole number of at least 1, got \(k)") }
        try positive("mean", mean)
        return .gamma(shape: Double(k), scale: mean / Double(k))
    }

    public static func makeWeibull(shape: Double, scale: Double) throws -> Distribution {
        try positive("shape", shape)
        try positive("scale", scale)
        return .weibull(shape: shape, scale: scale)
    }

    public static func makePareto(shape: Double, scale: Double) throws -> Distribution {
        try positive("shape", shape)
        try positive("scale", scale)
        return .pareto(shape: shape, scale: scale)
    }

    public static func makeEmpirical(values: [Double], weights: [Double]?) throws -> Distribution {
        guard !values.isEmpty else { throw DistributionError("values", "must list at least one value") }
        for v in values { try nonNegative("values", v) }
        let w = weights ?? Array(repeating: 1, count: values.count)
        guard w.count == values.count else {
            throw DistributionError("weights", "must have one weight per value (\(values.count)), got \(w.count)")
        }
        for x in w { try nonNegative("weights", x) }
        guard w.reduce(0, +) > 0 else { throw DistributionError("weights", "must not all be zero") }
        return .empirical(EmpiricalTable(values: values, weights: w))
    }

    public static func makeMixture(weights: [Double], components: [Distribution]) throws -> Distribution {
        guard !components.isEmpty, weights.count == components.count else {
            throw DistributionError("components", "must be a non-empty list, each with a weight")
        }
        for x in weights { try nonNegative("weight", x) }
        guard weights.reduce(0, +) > 0 else { throw DistributionError("weight", "must not all be zero") }
        return .mixture(weights: weights, components: components)
    }

    public static func makeClipped(_ inner: Distribution, min: Double?, max: Double?) throws -> Distribution {
        let lo = min ?? 0, hi = max ?? .infinity
        try nonNegative("min", lo)
        guard hi >= lo else { throw DistributionError("max", "must not be below min (\(show(lo))), got \(show(hi))") }
        return .clipped(inner, min: lo, max: hi)
    }
}
