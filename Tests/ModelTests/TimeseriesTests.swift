import Model
import SimRandom
import TestSupport
import XCTest

/// The per-interval columns of timeseries.csv.
final class TimeseriesTests: XCTestCase {
    func testIntervalP95AndUtilizationOfAKnownLoad() {
        // Requests every 2 s exactly, each taking 0.5 s on one slot: no waiting,
        // latency 0.5 s, the slot busy a quarter of the time.
        let times = stride(from: 0.0, to: 1000, by: 2).map { $0 }
        let spec = Specs.scenario(duration: 1000, traffic: .timestamps(times),
                                  demand: DemandSpec(cpu: .deterministic(value: 0.5)))
        let rows = Specs.run(spec)[0].timeseries
        XCTAssertEqual(rows.count, 100)
        for row in rows {
            XCTAssertEqual(row.arrivals, 5)
            XCTAssertEqual(row.completions, 5)
            XCTAssertEqual(row.cpuUtilization, 0.25, accuracy: 1e-9)
            // Log-linear buckets of 1/64 of a power of two: within 1.6 %.
            XCTAssertEqual(row.latencyP95, 0.5, accuracy: 0.5 / 64)
        }
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
