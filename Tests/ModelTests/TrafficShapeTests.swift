import CGSL
import Model
import TestSupport
import XCTest

/// Traffic shapes: the arrivals in each 10 s interval follow the integral of
/// the intended rate curve, written here independently of `RateShape` (as
/// breakpoints, or in closed form for the diurnal sine); Markov modulation
/// gives its long-run rate; a timestamp trace replays exactly.
final class TrafficShapeTests: XCTestCase {
    /// A piecewise-linear curve through `points` (equal times make a jump).
    struct Curve {
        var points: [(t: Double, rate: Double)]

        func rate(at t: Double) -> Double {
            var r = points[0].rate
            for (p, q) in zip(points, points.dropFirst()) where p.t <= t && t < q.t {
                r = p.rate + (q.rate - p.rate) * (t - p.t) / (q.t - p.t)
            }
            if let last = points.last, t >= last.t { r = last.rate }
            return r
        }

        /// ∫ₐᵇ λ(t) dt, segment by segment (exact for linear pieces).
        func integral(_ a: Double, _ b: Double) -> Double {
            var sum = 0.0
            for (p, q) in zip(points, points.dropFirst()) where q.t > p.t {
                let lo = max(a, p.t), hi = min(b, q.t)
                guard hi > lo else { continue }
                let at = { (x: Double) in p.rate + (q.rate - p.rate) * (x - p.t) / (q.t - p.t) }
                sum += (at(lo) + at(hi)) / 2 * (hi - lo)
            }
            return sum
        }
    }

    /// Arrivals per 10 s interval summed over replications against the
    /// expected counts: a chi-squared test over the intervals (Poisson
    /// counts); an interval where the rate is 0 must see no arrival; the
    /// timeseries' offered rate is the curve at the interval's middle.
    func assertFollows(_ shape: RateShape, duration: Double, replications: Int = 20,
                       rate: (Double) -> Double, integral: (Double, Double) -> Double,
                       file: StaticString = #filePath, line: UInt = #line) -> [RunResult] {
        let spec = Specs.scenario(duration: duration, replicas: 4, concurrency: 1000, traffic: .shaped(shape))
        let runs = Specs.run(spec, replications: replications, seed: 9)
        let rows = runs[0].timeseries
        XCTAssertEqual(rows.count, Int(duration / 10), file: file, line: line)
        var chi2 = 0.0, cells = 0
        for (i, row) in rows.enumerated() {
            let expected = Double(replications) * integral(row.start, row.start + 10)
            let observed = Double(runs.reduce(0) { $0 + $1.timeseries[i].arrivals })
            XCTAssertEqual(row.offeredRate, rate(row.start + 5), accuracy: 1e-9, "at \(row.start)", file: file, line: line)
            if expected == 0 {
                XCTAssertEqual(observed, 0, "arrivals at rate 0 in [\(row.start), +10)", file: file, line: line)
            } else {
                chi2 += (observed - expected) * (observed - expected) / expected
                cells += 1
            }
        }
        let p = gsl_cdf_chisq_Q(chi2, Double(cells))
        XCTAssertGreaterThan(p, 0.001, "chi² = \(chi2) over \(cells) intervals", file: file, line: line)
        return runs
    }

    func assertFollows(_ shape: RateShape, _ curve: Curve, duration: Double,
                       file: StaticString = #filePath, line: UInt = #line) {
        _ = assertFollows(shape, duration: duration, rate: curve.rate(at:), integral: curve.integral,
                          file: file, line: line)
    }

    func testSpikeFollowsItsCurve() {
        assertFollows(.spike(base: 5, peak: 50, start: 200, rise: 100, hold: 200, decay: 100),
                      Curve(points: [(0, 5), (200, 5), (300, 50), (500, 50), (600, 5), (800, 5)]), duration: 800)
    }

    func testRampFollowsItsCurve() {
        assertFollows(.ramp(from: 2, to: 30, start: 100, end: 500),
                      Curve(points: [(0, 2), (100, 2), (500, 30), (600, 30)]), duration: 600)
    }

    func testStepsFollowTheirCurve() {
        assertFollows(.steps(initial: 10, steps: [(at: 200, rate: 40), (at: 400, rate: 0), (at: 500, rate: 5)]),
                      Curve(points: [(0, 10), (200, 10), (200, 40), (400, 40), (400, 0), (500, 0), (500, 5), (600, 5)]),
                      duration: 600)
    }

    /// λ(t) = 20 + 15 sin(2πt/1000): interval counts follow the sine, and the
    /// rising half of each period (the peak) sees 20·500 + 15·1000/π arrivals
    /// against 20·500 − 15·1000/π in the trough half: a flat stream of the
    /// same mean fails both.
    func testDiurnalFollowsItsSine() {
        let (mean, amplitude, period) = (20.0, 15.0, 1000.0)
        let w = 2 * Double.pi / period
        let runs = assertFollows(.diurnal(mean: mean, amplitude: amplitude, period: period, phase: 0),
                                 duration: 5000, replications: 4,
                                 rate: { mean + amplitude * sin(w * $0) },
                                 integral: { a, b in mean * (b - a) - amplitude / w * (cos(w * b) - cos(w * a)) })
        var peak = 0.0, trough = 0.0
        for run in runs {
            for row in run.timeseries {
                if row.start.truncatingRemainder(dividingBy: period) < period / 2 {
                    peak += Double(row.arrivals)
                } else {
                    trough += Double(row.arrivals)
                }
            }
        }
        let halves = Double(runs.count) * 5000 / period
        let expectedPeak = halves * (mean * period / 2 + amplitude * period / .pi)
        let expectedTrough = halves * (mean * period / 2 - amplitude * period / .pi)
        XCTAssertEqual(peak, expectedPeak, accuracy: 4 * expectedPeak.squareRoot())
        XCTAssertEqual(trough, expectedTrough, accuracy: 4 * expectedTrough.squareRoot())
    }

    func testMarkovModulatedLongRunRate() throws {
        let states = [MMPPState(rate: 5, meanDuration: 60), MMPPState(rate: 50, meanDuration: 20)]
        let traffic = TrafficSpec.markovModulated(states: states)
        let runs = Specs.run(Specs.scenario(duration: 20_000, replicas: 2, concurrency: 1000, traffic: traffic),
                             replications: 10)
        let check = Check(runs, "throughput_rps")
        let longRun = try XCTUnwrap(traffic.longRunRate)
        XCTAssertEqual(longRun, (5.0 * 60 + 50 * 20) / 80, accuracy: 1e-12)
        XCTAssertTrue(check.contains(longRun), "\(check.estimate.mean) vs \(longRun)")
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
        XCTAssertEqual(run.timeseries.map(\.arrivals), [4, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    }
}
