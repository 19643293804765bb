import Experiment
import Foundation
import Model
import XCTest

/// Every arrival process can be written in YAML, and trace files are
/// checked as they are read (finite, in range, ordered, LF or CRLF), with
/// errors that name the CSV line.
final class TrafficConfigTests: XCTestCase {
    func config(traffic: String) -> String {
        """
        name: t
        duration: 1h
        traffic: \(traffic)
        service:
          demand: {distribution: exponential, mean: 10ms}
        scenarios:
          - name: a
        """
    }

    func experiment(traffic: String, extraFiles: [String: String] = [:]) throws -> Experiment {
        try loadConfig(config(traffic: traffic), files: extraFiles)
    }

    enum ShapeError: Error { case notShaped }

    func shape(_ traffic: String) throws -> RateShape {
        guard case .shaped(let s) = try experiment(traffic: traffic).scenarios[0].traffic else {
            XCTFail("\(traffic) did not load as a rate curve")
            throw ShapeError.notShaped
        }
        return s
    }

    /// The error of a trace experiment, with the CSV beside it.
    func traceError(_ traffic: String, _ files: [String: String]) throws -> ConfigError {
        try configError(config(traffic: traffic), files: files)
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
        let s = try shape("{arrivals: trace, file: rates.csv, format: rates, interval: 1m}") { ["rates.csv": csv] }
        XCTAssertEqual(s.rate(at: 30), 10)
        XCTAssertEqual(s.rate(at: 61), 20)
        XCTAssertEqual(s.rate(at: 500), 5)
    }

    func shape(_ traffic: String, files: () -> [String: String]) throws -> RateShape {
        let spec = try experiment(traffic: traffic, extraFiles: files()).scenarios[0].traffic
        guard case .shaped(let s) = spec else {
            XCTFail("expected a rate curve, got \(spec)")
            throw CancellationError()
        }
        return s
    }

    func testRateTraceWithCRLFLineEndsAndAByteOrderMark() throws {
        let csv = "\u{FEFF}minute,rate\r\n0,10\r\n1,20\r\n"
        let s = try shape("{arrivals: trace, file: rates.csv, format: rates, interval: 1m}") { ["rates.csv": csv] }
        XCTAssertEqual(s.rate(at: 30), 10)
        XCTAssertEqual(s.rate(at: 61), 20)
    }

    func testTimestampTraceReplay() throws {
        let e = try experiment(traffic: "{arrivals: trace, file: t.csv, format: timestamps}",
                               extraFiles: ["t.csv": "timestamp\r\n1.25\r\n2\r\n2\r\n3.5\r\n"])
        guard case .timestamps(let times) = e.scenarios[0].traffic else { return XCTFail("expected timestamps") }
        XCTAssertEqual(times, [1.25, 2, 2, 3.5])
    }

    func testTimestampsMustNotDecrease() throws {
        let e = try traceError("{arrivals: trace, file: t.csv, format: timestamps}", ["t.csv": "timestamp\n3.5\n1.25\n"])
        XCTAssertTrue(e.file.hasSuffix("/t.csv"), e.file)
        XCTAssertEqual(e.line, 3)
        XCTAssertEqual(e.path, "timestamp")
        XCTAssertEqual(e.message, "timestamps must not decrease: 1.25 after 3.5")
    }

    func testBadTraceRowNamesTheCSVLine() throws {
        let e = try traceError("{arrivals: trace, file: r.csv, interval: 1m}", ["r.csv": "rate\n1\nlots\n"])
        XCTAssertTrue(e.file.hasSuffix("/r.csv"), e.file)
        XCTAssertEqual(e.line, 3)
        XCTAssertEqual(e.message, "expected a finite non-negative number, got 'lots'")
    }

    func testNonFiniteAndOutOfRangeTraceValues() throws {
        for (cell, message) in [("inf", "expected a finite non-negative number, got 'inf'"),
                                ("nan", "expected a finite non-negative number, got 'nan'"),
                                ("-1", "expected a finite non-negative number, got '-1'"),
                                ("1e12", "must be 0 or from 0.000000001 to 1000000000, got '1e12'")] {
            let e = try traceError("{arrivals: trace, file: r.csv, interval: 1m}", ["r.csv": "rate\n1\n\(cell)\n"])
            XCTAssertEqual(e.line, 3, cell)
            XCTAssertEqual(e.message, message)
        }
        let e = try traceError("{arrivals: trace, file: t.csv, format: timestamps}", ["t.csv": "timestamp\n0\ninf\n"])
        XCTAssertEqual(e.message, "expected a finite non-negative number, got 'inf'")
    }

    func testTraceIntervalHasAFloor() throws {
        let e = try traceError("{arrivals: trace, file: r.csv, interval: 5e-324s}", ["r.csv": "rate\n1\n"])
        XCTAssertEqual(e.path, "traffic.interval")
        XCTAssertEqual(e.message, "must be at least 1ms, got '5e-324s'")
    }

    func testTraceHeaderWithoutTheColumn() throws {
        let e = try traceError("{arrivals: trace, file: r.csv, interval: 1m}", ["r.csv": "minute,rte\n1,2\n"])
        XCTAssertEqual(e.line, 1)
        XCTAssertEqual(e.message, "the header has no 'rate' column")
    }

    func testTraceFileProblemsNameTheFileAsWritten() throws {
        var e = try traceError("{arrivals: trace, file: missing.csv, interval: 1m}", [:])
        XCTAssertEqual(e.path, "traffic.file")
        XCTAssertEqual(e.message, "the trace file 'missing.csv' does not exist")
        e = try traceError("{arrivals: trace, file: /dev/zero, interval: 1m}", [:])
        XCTAssertEqual(e.message, "the trace file '/dev/zero' is not a regular file")
        e = try traceError("{arrivals: trace, file: r.csv, interval: 1m}", ["r.csv": "rate\n"])
        XCTAssertEqual(e.message, "the trace file 'r.csv' has no rows")
        e = try traceError("{arrivals: trace, file: r.csv, format: rate, interval: 1m}", ["r.csv": "rate\n1\n"])
        XCTAssertEqual(e.path, "traffic.format")
        XCTAssertEqual(e.message, "unknown trace format 'rate'; expected rates or timestamps")
    }

    func testUnknownArrivalProcessSuggests() throws {
        let e = try configError(config(traffic: "{arrivals: poison, rate: 3}"))
        XCTAssertEqual(e.message, "unknown arrival process 'poison' (did you mean 'poisson'?)")
    }
}
