import CGSL
import Model
import TestSupport
import XCTest

/// Traffic shapes: thinning reproduces the target rate curve; Markov
/// modulation its long-run rate; a timestamp trace replays exactly.
final class TrafficShapeTests: XCTestCase {
    /// Arrivals per 10 s interval summed over replications, against the
    /// integral of λ(t) (exact at the midpoint for piecewise-linear curves):
    /// a chi-squared test over the intervals, Poisson counts.
    func assertFollows(_ shape: RateShape, duration: Double, replications: Int = 20,
                       file: StaticString = #filePath, line: UInt = #line) {
        let spec = Specs.scenario(duration: duration, replicas: 4, concurrency: 1000, traffic: .shaped(shape))
        let runs = Specs.run(spec, replications: replications, seed: 9)
        let intervals = runs[0].timeseries.count
        var chi2 = 0.0
        for i in 0..<intervals {
            let row = runs[0].timeseries[i]
            let expected = Double(replications) * 10 * shape.rate(at: row.start + 5)
            let observed = Double(runs.reduce(0) { $0 + $1.timeseries[i].arrivals })
            XCTAssertEqual(row.offeredRate, shape.rate(at: row.start + 5), file: file, line: line)
            if expected > 0 { chi2 += (observed - expected) * (observed - expected) / expected }
        }
        let p = gsl_cdf_chisq_Q(chi2, Double(intervals))
        XCTAssertGreaterThan(p, 0.001, "chi² = \(chi2) over \(intervals) intervals", file: file, line: line)
    }

    func testSpikeFollowsItsCurve() {
        assertFollows(.spike(base: 5, peak: 50, start: 200, rise: 100, hold: 200, decay: 100), duration: 800)
    }

    func testRampFollowsItsCurve() {
        assertFollows(.ramp(from: 2, to: 30, start: 100, end: 500), duration: 600)
    }

    func testStepsFollowTheirCurve() {
        assertFollows(.steps(initial: 10, steps: [(at: 200, rate: 40), (at: 400, rate: 0), (at: 500, rate: 5)]),
                      duration: 600)
    }

    func testDiurnalMeanRate() {
        // Over whole periods the mean rate is `mean`.
        let shape = RateShape.diurnal(mean: 20, amplitude: 15, period: 1000, phase: 0)
        let runs = Specs.run(Specs.scenario(duration: 5000, replicas: 2, concurrency: 1000, traffic: .shaped(shape)),
                             replications: 4)
        let arrivals = runs.reduce(0.0) { $0 + $1.value("requests") }
        let expected = 4 * 5000 * 20.0
        XCTAssertEqual(arrivals, expected, accuracy: 4 * expected.squareRoot())
    }

    func testMarkovModulatedLongRunRate() {
        let states = [MMPPState(rate: 5, meanDuration: 60), MMPPState(rate: 50, meanDuration: 20)]
        let traffic = TrafficSpec.markovModulated(states: states)
        let runs = Specs.run(Specs.scenario(duration: 20_000, replicas: 2, concurrency: 1000, traffic: traffic),
                             replications: 10)
        let check = Check(runs, "throughput_rps")
        XCTAssertTrue(check.contains(traffic.longRunRate!), "\(check.estimate.mean) vs \(traffic.longRunRate!)")
        // Bursty: interval counts vary far more than a Poisson stream's.
        let counts = runs[0].timeseries.map { Double($0.arrivals) }
        let mean = counts.reduce(0, +) / Double(counts.count)
        let variance = counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(counts.count - 1)
        XCTAssertGreaterThan(variance / mean, 5)
    }

    func testTimestampReplayIsExact() {
        let times = [0.5, 1.0, 1.0, 7.25, 30]
        let run = Specs.run(Specs.scenario(duration: 100, concurrency: 10, traffic: .timestamps(times)))[0]
        XCTAssertEqual(run.value("requests"), 5)
        XCTAssertEqual(run.timeseries[0].arrivals, 4)
        XCTAssertEqual(run.timeseries[3].arrivals, 1)
    }
}
