import CGSL
import Foundation
import SimRandom
import XCTest

/// Every factory's mapping from the parameters users write to GSL's own:
/// the factory's draws must equal, draw for draw, those of the GSL function
/// called on an identical stream with parameters computed here by hand
/// (gamma(mean, cv): shape 1/cv², scale mean·cv²; GSL's weibull takes
/// (scale, shape); ...). A wrong mapping or a swapped argument changes the
/// draws, whatever the moments say.
final class DistributionParameterTests: XCTestCase {
    let draws = 2000

    /// The factory's draws against `reference` on a twin stream.
    func assertDraws(_ d: Distribution, _ label: String, relative: Double = 0,
                     _ reference: (UnsafeMutablePointer<gsl_rng>) -> Double,
                     file: StaticString = #filePath, line: UInt = #line) {
        let mine = RandomStream(seed: 11), twin = RandomStream(seed: 11)
        for i in 0..<draws {
            let x = d.sample(mine), y = reference(twin.gsl)
            if abs(x - y) > relative * abs(y) {
                return XCTFail("\(label): draw \(i) is \(x), GSL with the hand-mapped parameters gives \(y)",
                               file: file, line: line)
            }
        }
    }

    func testExponentialUniformAndDeterministic() throws {
        assertDraws(try .makeExponential(mean: 2.5), "exponential") { gsl_ran_exponential($0, 2.5) }
        assertDraws(try .makeUniform(min: 1, max: 4), "uniform") { gsl_ran_flat($0, 1, 4) }
        assertDraws(try .makeDeterministic(value: 3), "deterministic") { _ in 3 }
    }

    func testNormalIsTruncatedAtZeroByRedrawing() throws {
        assertDraws(try .makeNormal(mean: 0.5, sd: 1), "normal") { r in
            var x = 0.5 + gsl_ran_gaussian(r, 1)
            while x < 0 { x = 0.5 + gsl_ran_gaussian(r, 1) }
            return x
        }
    }

    func testLognormalInAllThreeForms() throws {
        // {mean, cv}: sigma² = ln(1 + cv²), mu = ln(mean) − sigma²/2.
        let s2 = log(1 + 0.25)
        assertDraws(try .makeLognormal(mean: 4, cv: 0.5), "lognormal(mean, cv)", relative: 1e-12) {
            gsl_ran_lognormal($0, log(4) - s2 / 2, s2.squareRoot())
        }
        assertDraws(try .makeLognormal(mu: 0.1, sigma: 0.4), "lognormal(mu, sigma)") { gsl_ran_lognormal($0, 0.1, 0.4) }
        // {median, sigma}: mu = ln(median).
        assertDraws(try .makeLognormal(median: 1.3, sigma: 0.3), "lognormal(median, sigma)") {
            gsl_ran_lognormal($0, log(1.3), 0.3)
        }
    }

    func testGammaErlangWeibullPareto() throws {
        assertDraws(try .makeGamma(shape: 2.5, scale: 0.8), "gamma(shape, scale)") { gsl_ran_gamma($0, 2.5, 0.8) }
        // {mean 2, cv 0.5}: shape 1/0.25 = 4, scale 2·0.25 = 0.5.
        assertDraws(try .makeGamma(mean: 2, cv: 0.5), "gamma(mean, cv)") { gsl_ran_gamma($0, 4, 0.5) }
        // Erlang {k 3, mean 1.2}: gamma with shape 3, scale 0.4.
        assertDraws(try .makeErlang(k: 3, mean: 1.2), "erlang", relative: 1e-12) { gsl_ran_gamma($0, 3, 1.2 / 3) }
        // GSL's weibull takes (a = scale, b = shape).
        assertDraws(try .makeWeibull(shape: 1.7, scale: 2), "weibull") { gsl_ran_weibull($0, 2, 1.7) }
        // GSL's pareto takes (a = shape, b = scale): P(X > x) = (b/x)^a.
        assertDraws(try .makePareto(shape: 4.5, scale: 1.5), "pareto") { gsl_ran_pareto($0, 4.5, 1.5) }
    }

    func testEmpiricalMixtureAndClip() throws {
        let weights = [5.0, 3, 2]
        let table = try XCTUnwrap(weights.withUnsafeBufferPointer { gsl_ran_discrete_preproc(3, $0.baseAddress) })
        defer { gsl_ran_discrete_free(table) }
        let values = [0.1, 0.5, 2]
        assertDraws(try .makeEmpirical(values: values, weights: weights), "empirical") {
            values[gsl_ran_discrete($0, table)]
        }
        // No weights: every value equally likely.
        let equal = [1.0, 1, 1]
        let flat = try XCTUnwrap(equal.withUnsafeBufferPointer { gsl_ran_discrete_preproc(3, $0.baseAddress) })
        defer { gsl_ran_discrete_free(flat) }
        assertDraws(try .makeEmpirical(values: values, weights: nil), "empirical, no weights") {
            values[gsl_ran_discrete($0, flat)]
        }
        // Mixture: component i with probability w_i / Σw, then a draw from it.
        let mixture = try Distribution.makeMixture(weights: [3, 1], components: [
            .makeExponential(mean: 1), .makeDeterministic(value: 50),
        ])
        assertDraws(mixture, "mixture") { r in
            gsl_rng_uniform(r) * 4 < 3 ? gsl_ran_exponential(r, 1) : 50
        }
        // Clip: clamped into [min, max]; an absent min is 0, an absent max unbounded.
        let clipped = try Distribution.makeClipped(.makeExponential(mean: 1), min: 0.5, max: 1.5)
        assertDraws(clipped, "clip") { min(max(gsl_ran_exponential($0, 1), 0.5), 1.5) }
        let below = try Distribution.makeClipped(.makeNormal(mean: 5, sd: 1), min: nil, max: 5)
        assertDraws(below, "clip max only") { r in
            var x = 5 + gsl_ran_gaussian(r, 1)
            while x < 0 { x = 5 + gsl_ran_gaussian(r, 1) }
            return min(x, 5)
        }
    }

    /// The closed-form moments, computed here from the textbook formulas of
    /// each family, not from the code's own (which the sampling tests use).
    func testClosedFormMomentsOfEachFamily() throws {
        func moments(_ d: Distribution) throws -> (Double, Double) {
            (try XCTUnwrap(d.mean), try XCTUnwrap(d.variance))
        }
        let cases: [(Distribution, Double, Double, String)] = [
            (try .makeExponential(mean: 2.5), 2.5, 6.25, "exponential"),
            (try .makeUniform(min: 1, max: 4), 2.5, 9.0 / 12, "uniform"),
            (try .makeGamma(mean: 2, cv: 0.5), 2, 1, "gamma(mean, cv)"),
            (try .makeErlang(k: 4, mean: 2), 2, 1, "erlang"),
            (try .makeLognormal(mean: 4, cv: 0.5), 4, 4, "lognormal(mean, cv)"),
            (try .makeLognormal(mu: 0, sigma: 1), exp(0.5), (exp(1) - 1) * exp(1), "lognormal(mu, sigma)"),
            (try .makeWeibull(shape: 1, scale: 3), 3, 9, "weibull shape 1 = exponential"),
            (try .makeWeibull(shape: 2, scale: 2), 2 * tgamma(1.5), 4 * (1 - tgamma(1.5) * tgamma(1.5)), "weibull"),
            (try .makePareto(shape: 3, scale: 2), 3, 3, "pareto"),   // 3·2/2 and 3·4/(4·1)
            (try .makeEmpirical(values: [1, 3], weights: [3, 1]), 1.5, 0.75, "empirical"),
            (try .makeMixture(weights: [1, 1], components: [.makeDeterministic(value: 1), .makeDeterministic(value: 3)]),
             2, 1, "mixture"),
        ]
        for (d, mean, variance, label) in cases {
            let (m, v) = try moments(d)
            XCTAssertEqual(m, mean, accuracy: 1e-12 * max(1, mean), "\(label) mean")
            XCTAssertEqual(v, variance, accuracy: 1e-12 * max(1, variance), "\(label) variance")
        }
    }
}
