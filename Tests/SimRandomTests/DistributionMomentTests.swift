import Foundation
import SimRandom
import XCTest

/// Sample moments of every distribution against theory. Tolerances come
/// from the standard errors of the sample (4 standard errors: a false
/// failure has probability below 1e-4, and the seeds are fixed).
final class DistributionMomentTests: XCTestCase {
    let n = 200_000

    func check(_ d: Distribution, _ label: String, seed: UInt64 = 7, file: StaticString = #filePath, line: UInt = #line) {
        guard let theoryMean = d.mean, let theoryVariance = d.variance else {
            return XCTFail("\(label): no closed-form moments", file: file, line: line)
        }
        let s = RandomStream(seed: seed)
        let xs = (0..<n).map { _ in d.sample(s) }
        let mean = xs.reduce(0, +) / Double(n)
        let deviations = xs.map { ($0 - mean) * ($0 - mean) }
        let variance = deviations.reduce(0, +) / Double(n - 1)
        // Standard error of the mean, and of the variance from the sample's own fourth moment.
        let seMean = (variance / Double(n)).squareRoot()
        let m4 = deviations.reduce(0) { $0 + $1 * $1 } / Double(n)
        let seVariance = ((m4 - variance * variance) / Double(n)).squareRoot()
        XCTAssertTrue(xs.allSatisfy { $0 >= 0 }, "\(label): negative sample", file: file, line: line)
        XCTAssertEqual(mean, theoryMean, accuracy: 4 * seMean + 1e-12, "\(label) mean", file: file, line: line)
        XCTAssertEqual(variance, theoryVariance, accuracy: 4 * seVariance + 1e-12, "\(label) variance", file: file, line: line)
    }

    func testMomentsMatchTheory() throws {
        check(try .makeExponential(mean: 2.5), "exponential")
        check(try .makeDeterministic(value: 3), "deterministic")
        check(try .makeUniform(min: 1, max: 4), "uniform")
        check(try .makeNormal(mean: 5, sd: 1), "normal")
        check(try .makeNormal(mean: 0.5, sd: 1), "normal truncated at 0")
        check(try .makeLognormal(mean: 2, cv: 0.5), "lognormal(mean, cv)")
        check(try .makeLognormal(mu: 0.1, sigma: 0.4), "lognormal(mu, sigma)")
        check(try .makeLognormal(median: 1.3, sigma: 0.3), "lognormal(median, sigma)")
        check(try .makeGamma(shape: 2.5, scale: 0.8), "gamma(shape, scale)")
        check(try .makeGamma(mean: 1, cv: 1.5), "gamma(mean, cv)")
        check(try .makeErlang(k: 3, mean: 1.2), "erlang")
        check(try .makeWeibull(shape: 1.7, scale: 2), "weibull")
        check(try .makePareto(shape: 4.5, scale: 1), "pareto")
        check(try .makeEmpirical(values: [0.1, 0.5, 2], weights: [5, 3, 2]), "empirical")
        check(try .makeMixture(weights: [0.95, 0.05], components: [
            .makeLognormal(median: 50, sigma: 0.25), .makeLognormal(median: 150, sigma: 0.4),
        ]), "mixture")
    }

    func testParameterizationsMeanWhatTheySay() throws {
        // lognormal {mean, cv}: the mean and the coefficient of variation.
        let ln = try Distribution.makeLognormal(mean: 4, cv: 0.5)
        let lnMean = try XCTUnwrap(ln.mean), lnVariance = try XCTUnwrap(ln.variance)
        XCTAssertEqual(lnMean, 4, accuracy: 1e-12)
        XCTAssertEqual(lnVariance.squareRoot() / lnMean, 0.5, accuracy: 1e-12)
        // lognormal {median, sigma}: half the draws fall below the median.
        let s = RandomStream(seed: 3)
        let med = try Distribution.makeLognormal(median: 1.3, sigma: 0.3)
        let below = (0..<100_000).filter { _ in med.sample(s) < 1.3 }.count
        XCTAssertEqual(Double(below) / 100_000, 0.5, accuracy: 4 * (0.25 / 100_000).squareRoot())
        // erlang {k, mean}: variance mean²/k.
        let e = try Distribution.makeErlang(k: 4, mean: 2)
        XCTAssertEqual(try XCTUnwrap(e.variance), 1, accuracy: 1e-12)
    }

    func testInvalidParametersAreRejectedWithTheParameterName() {
        XCTAssertThrowsError(try Distribution.makeExponential(mean: -1)) { e in
            XCTAssertEqual((e as? DistributionError)?.parameter, "mean")
        }
        XCTAssertThrowsError(try Distribution.makeUniform(min: 3, max: 1)) { e in
            XCTAssertEqual((e as? DistributionError)?.parameter, "max")
        }
        XCTAssertThrowsError(try Distribution.makeLognormal(mean: 1, cv: 0))
        XCTAssertThrowsError(try Distribution.makeErlang(k: 0, mean: 1))
        XCTAssertThrowsError(try Distribution.makeEmpirical(values: [1, 2], weights: [1]))
        XCTAssertThrowsError(try Distribution.makeEmpirical(values: [1], weights: [0]))
        XCTAssertThrowsError(try Distribution.makePareto(shape: 0, scale: 1))
    }
}
