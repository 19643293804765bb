import Experiment
import Foundation
import Model
import TestSupport
import XCTest

/// Every arrival process can be written in YAML, and trace files are read
/// with errors that name the CSV line.
final class TrafficConfigTests: XCTestCase {
    func experiment(traffic: String, extraFiles: [String: String] = [:]) throws -> Experiment {
        let path = try Fixtures.temporaryConfig("""
            name: t
            duration: 1h
            traffic: \(traffic)
            service:
              demand: {distribution: exponential, mean: 10ms}
            scenarios:
              - name: a
            """)
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        for (name, text) in extraFiles { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try ExperimentLoader.load(path: path)
    }

    enum ShapeError: Error { case notShaped }

    func shape(_ traffic: String) throws -> RateShape {
        guard case .shaped(let s) = try experiment(traffic: traffic).scenarios[0].traffic else {
            XCTFail("\(traffic) did not load as a rate curve")
            throw ShapeError.notShaped
        }
        return s
    }

    func testShapesReadFromYAML() throws {
        let diurnal = try shape("{arrivals: diurnal, mean: 10, amplitude: 5, period: 24h, phase: 6h}")
        XCTAssertEqual(diurnal.rate(at: 12 * 3600), 15, accuracy: 1e-9)   // peak a quarter period after the phase
        let ramp = try shape("{arrivals: ramp, from: 1, to: 11, start: 1m, end: 2m}")
        XCTAssertEqual(ramp.rate(at: 90), 6, accuracy: 1e-9)
        let spike = try shape("{arrivals: spike, base: 10, peak: 100, start: 5m, rise: 30s, hold: 2m, decay: 1m}")
        XCTAssertEqual(spike.rate(at: 300 + 15), 55, accuracy: 1e-9)
        XCTAssertEqual(spike.rate(at: 300 + 30 + 60), 100)
        XCTAssertEqual(spike.peak, 100)
        let steps = try shape("{arrivals: steps, initial: 5, steps: [{at: 10m, rate: 50}]}")
        XCTAssertEqual(steps.rate(at: 599), 5)
        XCTAssertEqual(steps.rate(at: 600), 50)
    }

    func testMarkovModulatedFromYAML() throws {
        let e = try experiment(traffic: "{arrivals: mmpp, states: [{rate: 5, meanDuration: 1m}, {rate: 50, meanDuration: 20s}]}")
        XCTAssertEqual(try XCTUnwrap(e.scenarios[0].traffic.longRunRate), (5.0 * 60 + 50 * 20) / 80, accuracy: 1e-12)
    }

    func testRateTraceReplay() throws {
        let csv = "minute,rate\n0,10\n1,20\n2,5\n"
        let e = try experiment(traffic: "{arrivals: trace, file: rates.csv, format: rates, interval: 1m}",
                               extraFiles: ["rates.csv": csv])
        guard case .shaped(let s) = e.scenarios[0].traffic else { return XCTFail("expected a rate curve") }
        XCTAssertEqual(s.rate(at: 30), 10)
        XCTAssertEqual(s.rate(at: 61), 20)
        XCTAssertEqual(s.rate(at: 500), 5)
    }

    func testTimestampTraceReplay() throws {
        let e = try experiment(traffic: "{arrivals: trace, file: t.csv, format: timestamps}",
                               extraFiles: ["t.csv": "timestamp\n3.5\n1.25\n2\n"])
        guard case .timestamps(let times) = e.scenarios[0].traffic else { return XCTFail("expected timestamps") }
        XCTAssertEqual(times, [1.25, 2, 3.5])
    }

    func testBadTraceRowNamesTheCSVLine() throws {
        XCTAssertThrowsError(try experiment(traffic: "{arrivals: trace, file: r.csv, interval: 1m}",
                                            extraFiles: ["r.csv": "rate\n1\nlots\n"])) { e in
            guard let error = e as? ConfigError else { return XCTFail("not a ConfigError: \(e)") }
            XCTAssertTrue(error.file.hasSuffix("r.csv"))
            XCTAssertEqual(error.line, 3)
        }
    }

    func testUnknownArrivalProcessSuggests() throws {
        XCTAssertThrowsError(try experiment(traffic: "{arrivals: poison, rate: 3}")) { e in
            XCTAssertEqual((e as? ConfigError)?.message,
                           "unknown arrival process 'poison' (did you mean 'poisson'?)")
        }
    }
}
