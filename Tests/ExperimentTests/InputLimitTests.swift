import Experiment
import Model
import XCTest

/// Hostile structure and values are refused before anything runs, each with
/// one sentence: deep nesting, alias bombs, duplicate keys, huge counts,
/// durations and rates, unsafe names, and work beyond the budget.
final class InputLimitTests: XCTestCase {
    func testDeepFlowNestingIsRefusedBeforeComposing() throws {
        // 5,000 levels overflowed the stack while Yams composed.
        let deep = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        try assertConfigError(ValidConfig.scenario("description: \(deep)"), line: 11,
                              path: "scenarios[0].description" + String(repeating: "[0]", count: 61),
                              "nesting is deeper than 64 levels; experiment files need fewer than 12")
    }

    func testDeepBlockNestingIsRefused() throws {
        let deep = (0..<100).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n")
        let e = try configError(ValidConfig.text + "\nextra:\n" + deep.split(separator: "\n").map { " " + $0 }.joined(separator: "\n"))
        XCTAssertEqual(e.message, "nesting is deeper than 64 levels; experiment files need fewer than 12")
        XCTAssertEqual(e.line, 75)
    }

    func testNestingAtTheLimitPassesTheScreen() throws {
        // The root mapping makes one level: 63 more pass the screen (and then
        // fail as a description, which is text), 64 more do not.
        let ok = String(repeating: "[", count: 63) + String(repeating: "]", count: 63)
        try assertConfigError(ValidConfig.with("name: t", "name: t\ndescription: \(ok)"), line: 2, path: "description",
                              "expected a value, got nothing")
        let e = try configError(ValidConfig.with("name: t", "name: t\ndescription: [\(ok)]"))
        XCTAssertEqual(e.message, "nesting is deeper than 64 levels; experiment files need fewer than 12")
    }

    func testAliasBombIsRefusedByItsExpandedSize() throws {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for k in 1..<9 { lines.append("a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]") }
        let e = try configError(lines.joined(separator: "\n") + "\n" + ValidConfig.text)
        XCTAssertEqual(e.line, 6)
        XCTAssertEqual(e.path, "a5[1]")
        XCTAssertEqual(e.message, "the document expands to more than 200000 values (aliases count once per use)")
    }

    func testAliasOfALongTextIsCountedByItsBytes() throws {
        let long = String(repeating: "x", count: 100_000)
        let uses = Array(repeating: "*t", count: 200).joined(separator: ", ")
        let e = try configError("text: &t \(long)\nuses: [\(uses)]\n" + ValidConfig.text)
        XCTAssertEqual(e.message, "the document expands to more than 16 MiB of text (aliases count once per use)")
        XCTAssertEqual(e.path, "uses[167]")
    }

    func testSmallAliasesStillWork() throws {
        let text = ValidConfig.with("demand: {distribution: exponential, mean: 1s}", "demand: &d {distribution: exponential, mean: 1s}")
            + "\n  - name: b\n    service: {demand: *d}"
        XCTAssertEqual(try loadConfig(text).scenarios.count, 2)
    }

    func testDuplicateKeyNamesTheKeyAndBothLines() throws {
        try assertConfigError(ValidConfig.with("duration: 100s", "duration: 500s\nduration: 10s"), line: 3, path: "duration",
                              "duplicate key 'duration' (first at line 2); a key may appear once in a mapping")
    }

    func testDuplicateKeyInsideAScenario() throws {
        try assertConfigError(ValidConfig.scenario("concurrency: 2"), line: 11, path: "scenarios[0].concurrency",
                              "duplicate key 'concurrency' (first at line 10); a key may appear once in a mapping")
    }

    func testAMappingOfTooManyKeysIsRefusedByTheScreen() throws {
        let keys = (0..<1_001).map { "k\($0): 1" }.joined(separator: ", ")
        try assertConfigError(ValidConfig.scenario("resources: {\(keys)}"), line: 11, path: "scenarios[0].resources.k1000",
                              "a mapping of more than 1000 keys")
    }

    func testAListOfTooManyItemsIsRefusedByTheScreen() throws {
        let items = Array(repeating: "1s", count: 100_001).joined(separator: ",")
        try assertConfigError(ValidConfig.with("{distribution: exponential, mean: 1s}", "{distribution: empirical, values: [\(items)]}"),
                              line: 7, path: "service.demand.values[100000]", "a list of more than 100000 items")
    }

    func testAHugeDocumentWithoutAliasesIsRefusedByItsSize() throws {
        // 100,000 scenarios took 2 minutes and 2.6 GB to validate.
        let many = (0..<70_000).map { "  - {name: s\($0)}" }.joined(separator: "\n")
        try assertConfigError(ValidConfig.with("scenarios:\n  - name: a\n    concurrency: 10", "scenarios:\n" + many),
                              line: 66_675, path: "scenarios[66666]", "the document has more than 200000 values")
    }

    func testTooManyScenarios() throws {
        let many = (0..<1_001).map { "{name: s\($0)}" }.joined(separator: ", ")
        try assertConfigError(ValidConfig.with("scenarios:\n  - name: a\n    concurrency: 10", "scenarios: [\(many)]"),
                              line: 8, path: "scenarios", "lists 1001 items, more than the limit of 1000")
    }

    func testValuesThatUsedToKillTheRunAreRefused() throws {
        let cases: [(String, Int, String, String)] = [
            ("concurrency: 4294967296", 10, "scenarios[0].concurrency", "must be at most 1000000, got 4294967296"),
            ("replicas: 1000000000", 11, "scenarios[0].replicas", "must be at most 10000, got 1000000000"),
        ]
        for (line, at, path, message) in cases {
            let text = line.hasPrefix("concurrency") ? ValidConfig.with("concurrency: 10", line) : ValidConfig.scenario(line)
            try assertConfigError(text, line: at, path: path, message)
        }
        try assertConfigError(ValidConfig.with("mean: 1s", "mean: 1e308s"), line: 7, path: "service.demand.mean",
                              "must be at most 1000000000s (about 31.7 years), got '1e308s'")
        try assertConfigError(ValidConfig.with("duration: 100s", "duration: 1e308h"), line: 2, path: "duration",
                              "must be at most 1000000000s (about 31.7 years), got '1e308h'")
        try assertConfigError(ValidConfig.with("rate: 9", "rate: 1e12"), line: 5, path: "traffic.rate",
                              "must be at most 1000000000, got 1000000000000")
        try assertConfigError(ValidConfig.with("rate: 9", "rate: 5e-324"), line: 5, path: "traffic.rate",
                              "must be at least 0.000000001 (one request in about 32 years), got 5e-324")
        try assertConfigError(ValidConfig.with("duration: 100s", "duration: 100s\nreplications: 2147483648"), line: 3,
                              path: "replications", "must be at most 10000, got 2147483648")
        try assertConfigError(ValidConfig.scenario("scaleSchedule: [{at: 1e308h, replicas: 2}]"), line: 11,
                              path: "scenarios[0].scaleSchedule[0].at", "must be at most 1000000000s (about 31.7 years), got '1e308h'")
    }

    func testIntervalsThatDivideTimeHaveAFloor() throws {
        try assertConfigError(ValidConfig.text + "\noutput: {timeseriesInterval: 1e-9s}", line: 11,
                              path: "output.timeseriesInterval", "must be at least 1ms, got '1e-9s'")
    }

    func testTooManyRunsAreRefusedBeforeScenariosAreRead() throws {
        let many = (0..<20).map { "{name: s\($0)}" }.joined(separator: ", ")
        try assertConfigError(ValidConfig.with("scenarios:\n  - name: a\n    concurrency: 10", "replications: 10000\nscenarios: [\(many)]"),
                              line: 9, path: "scenarios", "20 scenarios × 10000 replications make 200000 runs, more than the limit of 100000")
    }

    func testArrivalsPerRunAreBounded() throws {
        try assertConfigError(ValidConfig.with("rate: 9", "rate: 2e6"), line: 9, path: "scenarios[0]",
                              "expects about 2e8 arrivals per run (rate × duration), more than the limit of 1e8; "
                              + "shorten the duration or lower the rate")
    }

    func testAQueueThatGrowsWithoutBoundIsRefusedWhenItWouldBeHuge() throws {
        // 1e6 arrivals/s on one slot of 1 s each for 100 s: the backlog reaches about 1e8.
        let text = ValidConfig.with("rate: 9", "rate: 1e5").replacingOccurrences(of: "concurrency: 10", with: "concurrency: 1")
        try assertConfigError(text, line: 9, path: "scenarios[0]",
                              "would hold about 1e7 requests at once (arrivals outpace what its instances serve, or service "
                              + "outlasts the run), more than the limit of 5e6; set queueLimit, add capacity or shorten the run")
        // The same with a queue limit holds at most 1 + 1000 requests.
        XCTAssertNoThrow(try loadConfig(text + "\n    queueLimit: 1000"))
    }

    func testTimeseriesRowsPerRunAreBounded() throws {
        // Rows are streamed, but 40,000 s at 1 ms rows would write 4e7 rows (about 4 GB of CSV).
        try assertConfigError(ValidConfig.with("duration: 100s", "duration: 40000s") + "\noutput: {timeseriesInterval: 1ms}",
                              line: 9, path: "scenarios[0]",
                              "writes about 4e7 timeseries rows per run (duration ÷ output.timeseriesInterval), more than the "
                              + "limit of 1e7; lengthen output.timeseriesInterval")
    }

    func testInstancesStartedPerRunAreBounded() throws {
        let steps = (1...21).map { "{at: \($0)s, replicas: \($0 % 2 == 0 ? 0 : 10000)}" }.joined(separator: ", ")
        try assertConfigError(ValidConfig.scenario("scaleSchedule: [\(steps)]"), line: 9, path: "scenarios[0]",
                              "starts about 110000 instances per run (replicas and scale-ups), more than the limit of 100000")
    }

    func testTheEventBudgetNamesTheEstimateAndTheFlag() throws {
        let e = try configError(ValidConfig.text, maxEvents: 1_000)
        XCTAssertNil(e.line)
        XCTAssertEqual(e.message, "expects about 11816 events in 1 runs (900 arrivals), more than the limit of 1000; "
                       + "pass --max-events to allow more")
    }

    func testTheEstimateOfAValidExperiment() throws {
        let work = try loadConfig(ValidConfig.with("duration: 100s", "duration: 100s\nreplications: 3")).work
        XCTAssertEqual(work.runs, 3)
        XCTAssertEqual(work.arrivals, 2_700, accuracy: 1e-9)              // 9/s × 100 s × 3
        XCTAssertEqual(work.timeseriesRows, 33)                           // 100 s / 10 s + 1, × 3
        // Per run: 900 arrivals and 900 departures, 1 warm instance × 2, the
        // run's set-up; 11 samples each visiting the instance (11 × (1 + 1/4))
        // and the sorted Ready list (1²/100).
        let sampling: Double = 11 * (1 + 1.0 / 4) + 1.0 / 100
        let perRun: Double = 900 + 900 + 2 + WorkEstimate.runSetup + sampling
        XCTAssertEqual(work.events, 3 * perRun, accuracy: 1e-9)
    }

    func testStepCurveArrivalsAreIntegratedExactly() throws {
        let text = ValidConfig.with("arrivals: poisson\n  rate: 9", "arrivals: steps\n  initial: 2\n  steps: [{at: 30s, rate: 10}]")
        XCTAssertEqual(try loadConfig(text).work.arrivals, 2 * 30 + 10 * 70, accuracy: 1e-9)
    }
}
