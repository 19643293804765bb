import Model
import SimRandom
import TestSupport
import XCTest

/// The per-interval columns of timeseries.csv.
final class TimeseriesTests: XCTestCase {
    func testIntervalP95AndUtilizationOfAKnownLoad() {
        // A burst of 20 requests at 0.5 s into every 10 s interval, 0.1 s each
        // on one slot: latencies 0.1, 0.2, ..., 2.0 s within the interval.
        // Nearest-rank p95 of 20 values is the 19th: 1.9 s (p90 would be
        // 1.8, the maximum 2.0). The slot is busy 2 s of 10.
        let times = (0..<100).flatMap { i in Array(repeating: 10.0 * Double(i) + 0.5, count: 20) }
        let spec = Specs.scenario(duration: 1000, traffic: .timestamps(times),
                                  demand: DemandSpec(cpu: .deterministic(value: 0.1)))
        let run = Specs.run(spec)[0]
        XCTAssertEqual(run.timeseries.count, 100)
        for row in run.timeseries {
            XCTAssertEqual(row.arrivals, 20)
            XCTAssertEqual(row.completions, 20)
            XCTAssertEqual(row.queueLength, 0)
            XCTAssertEqual(row.cpuUtilization, 0.2, accuracy: 1e-9)
            // Log-linear buckets of 1/64 of a power of two: within 1.6 %.
            XCTAssertEqual(row.latencyP95, 1.9, accuracy: 1.9 / 64, "interval at \(row.start)")
        }
        // The run-wide percentiles see the same 20 latencies, 100 times over
        // (HdrHistogram, 3 significant digits).
        XCTAssertEqual(run.value("latency_p50_s"), 1.0, accuracy: 1e-3)
        XCTAssertEqual(run.value("latency_p95_s"), 1.9, accuracy: 2e-3)
        XCTAssertEqual(run.value("latency_p99_s"), 2.0, accuracy: 2e-3)
        XCTAssertEqual(run.value("latency_mean_s"), 1.05, accuracy: 1e-9)
        XCTAssertEqual(run.value("wait_mean_s"), 0.95, accuracy: 1e-9)
    }

    func testIntervalP95ScalesWithServiceTime() {
        // The same arrivals with a tenfold service time: every interval's p95 is ten times higher.
        let times = stride(from: 0.0, to: 200, by: 1).map { $0 }
        let fast = Specs.scenario(duration: 200, traffic: .timestamps(times),
                                  demand: DemandSpec(cpu: .deterministic(value: 0.01)))
        let slow = Specs.scenario(duration: 200, traffic: .timestamps(times),
                                  demand: DemandSpec(cpu: .deterministic(value: 0.1)))
        let f = Specs.run(fast)[0].timeseries.map(\.latencyP95)
        let s = Specs.run(slow)[0].timeseries.map(\.latencyP95)
        for (a, b) in zip(f, s) { XCTAssertEqual(b / a, 10, accuracy: 0.4) }
    }
}
