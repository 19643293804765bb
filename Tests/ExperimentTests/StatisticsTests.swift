import Experiment
import XCTest

/// Student-t intervals over replications.
final class StatisticsTests: XCTestCase {
    func testStudentTIntervalOfAKnownSample() {
        // mean 3, sd sqrt(2.5), t(0.975, 4) = 2.776445
        let e = Estimate([1, 2, 3, 4, 5])
        XCTAssertEqual(e.n, 5)
        XCTAssertEqual(e.mean, 3)
        XCTAssertEqual(e.stddev, 2.5.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(e.halfWidth, 2.776445 * 2.5.squareRoot() / 5.0.squareRoot(), accuracy: 1e-5)
    }

    func testUndefinedValuesAreLeftOut() {
        let e = Estimate([.nan, 2, 4])
        XCTAssertEqual(e.n, 2)
        XCTAssertEqual(e.mean, 3)
    }

    func testOneSampleHasNoInterval() {
        let e = Estimate([7])
        XCTAssertEqual(e.mean, 7)
        XCTAssertTrue(e.low.isNaN)
    }
}
