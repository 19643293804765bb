import CGSL
import Foundation

/// Mean, standard deviation and a Student-t confidence interval (95% unless
/// asked otherwise) over independent replications.
public struct Estimate: Sendable, Equatable {
    public var n: Int
    public var mean: Double
    public var stddev: Double
    /// The interval at the confidence it was built with.
    public var low: Double
    public var high: Double

    /// Half the width of the interval.
    public var halfWidth: Double { (high - low) / 2 }

    /// Not-a-number values (a metric undefined in a run) are left out.
    public init(_ samples: [Double], confidence: Double = 0.95) {
        let xs = samples.filter { !$0.isNaN }
        n = xs.count
        guard n > 0 else {
            (mean, stddev, low, high) = (.nan, .nan, .nan, .nan)
            return
        }
        mean = xs.reduce(0, +) / Double(n)
        guard n > 1 else {
            (stddev, low, high) = (.nan, .nan, .nan)
            return
        }
        let m = mean
        stddev = (xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(n - 1)).squareRoot()
        let half = Estimate.tQuantile((1 + confidence) / 2, degrees: n - 1) * stddev / Double(n).squareRoot()
        low = mean - half
        high = mean + half
    }

    /// The Student-t quantile from GSL (`gsl_cdf_tdist_Pinv`).
    public static func tQuantile(_ p: Double, degrees: Int) -> Double {
        precondition(degrees >= 1 && p > 0 && p < 1, "t quantile outside its domain")
        Estimate.gslErrorsOff
        return gsl_cdf_tdist_Pinv(p, Double(degrees))
    }

    /// GSL aborts on a domain error unless its handler is switched off.
    private static let gslErrorsOff: Void = capsim_gsl_errors_off()
}
