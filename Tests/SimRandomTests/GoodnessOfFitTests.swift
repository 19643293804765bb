import CGSL
import SimRandom
import XCTest

/// Chi-squared goodness of fit of sampled values against the GSL CDFs:
/// 50 equiprobable bins, rejected when the p-value is below 0.001.
final class GoodnessOfFitTests: XCTestCase {
    func chiSquaredPValue(_ d: Distribution, quantile: (Double) -> Double, seed: UInt64) -> Double {
        let bins = 50, n = 100_000
        let edges = (1..<bins).map { quantile(Double($0) / Double(bins)) }
        var counts = [Int](repeating: 0, count: bins)
        let s = RandomStream(seed: seed)
        for _ in 0..<n {
            let x = d.sample(s)
            var lo = 0, hi = edges.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if x < edges[mid] { hi = mid } else { lo = mid + 1 }
            }
            counts[lo] += 1
        }
        let expected = Double(n) / Double(bins)
        let chi2 = counts.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        return gsl_cdf_chisq_Q(chi2, Double(bins - 1))
    }

    func testExponentialFits() throws {
        let p = chiSquaredPValue(try .makeExponential(mean: 2), quantile: { gsl_cdf_exponential_Pinv($0, 2) }, seed: 1)
        XCTAssertGreaterThan(p, 0.001)
    }

    func testLognormalFits() throws {
        let p = chiSquaredPValue(try .makeLognormal(mu: 0.3, sigma: 0.6),
                                 quantile: { gsl_cdf_lognormal_Pinv($0, 0.3, 0.6) }, seed: 2)
        XCTAssertGreaterThan(p, 0.001)
    }

    func testGammaFits() throws {
        let p = chiSquaredPValue(try .makeGamma(shape: 2.5, scale: 0.8),
                                 quantile: { gsl_cdf_gamma_Pinv($0, 2.5, 0.8) }, seed: 3)
        XCTAssertGreaterThan(p, 0.001)
    }

    func testWeibullFits() throws {
        let p = chiSquaredPValue(try .makeWeibull(shape: 1.7, scale: 2),
                                 quantile: { gsl_cdf_weibull_Pinv($0, 2, 1.7) }, seed: 4)
        XCTAssertGreaterThan(p, 0.001)
    }

    /// The test has power: a wrong mean is rejected.
    func testAWrongDistributionIsRejected() throws {
        let p = chiSquaredPValue(try .makeExponential(mean: 2.1), quantile: { gsl_cdf_exponential_Pinv($0, 2) }, seed: 5)
        XCTAssertLessThan(p, 0.001)
    }
}
