import Experiment
import Foundation
import Model
import TestSupport
import XCTest

/// `sweep:` and `configs:` expand into points before the loader reads each
/// one: the points, their values and seeds, and every mistake named with
/// its file, line and key path before anything runs.
final class SweepConfigTests: XCTestCase {
    static let head = """
        name: s
        duration: 100s
        replications: 2
        traffic: {arrivals: poisson, rate: 1}
        service:
          demand: {distribution: exponential, mean: 0.5s}
        scenarios:
          - {name: vm, replicas: 1, concurrency: 2}
          - {name: container, replicas: 1}

        """

    func load(_ tail: String) throws -> Experiment {
        let path = try Fixtures.temporaryConfig(Self.head + tail)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        return try ExperimentLoader.load(path: path)
    }

    /// The one-sentence error of a bad file, with the file name replaced by `F`.
    func error(_ tail: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let path = try Fixtures.temporaryConfig(Self.head + tail)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        do {
            _ = try ExperimentLoader.load(path: path)
            XCTFail("loaded", file: file, line: line)
            return ""
        } catch let e as ConfigError {
            return "\(e)".replacingOccurrences(of: path, with: "F")
        }
    }

    func testGridThenZipInNestedLoopOrder() throws {
        let e = try Fixtures.load("experiments/sweep-mmc.yaml")
        XCTAssertEqual(e.parameters, ["traffic.rate", "scenarios[one-queue].concurrency", "scenarios[split].concurrency"])
        XCTAssertEqual(e.allPoints.map(\.values), [["2", "6", "3"], ["2", "8", "4"], ["4", "6", "3"], ["4", "8", "4"]])
        XCTAssertEqual(e.allPoints[3].scenarios[0].concurrency, 8)
        XCTAssertEqual(e.allPoints[3].scenarios[1].concurrency, 4)
        XCTAssertEqual(e.baseline, "one-queue")
        XCTAssertEqual(e.expectations.count, 3)
    }

    func testNoSweepIsOnePointWithTheExperimentSeed() throws {
        let e = try Fixtures.load("experiments/mmc.yaml")
        XCTAssertFalse(e.swept)
        XCTAssertEqual(e.allPoints.count, 1)
        XCTAssertEqual(e.allPoints[0].seed, e.seed)
        XCTAssertEqual(e.parameters, [])
    }

    /// A point's seed and runs depend on the seed and the point's index
    /// only: values added to the outer axis leave earlier points unchanged.
    func testPointSeedsDependOnSeedAndPointOnly() throws {
        let small = try load("sweep:\n  grid:\n    traffic.rate: [1, 2]\n")
        let large = try load("sweep:\n  grid:\n    traffic.rate: [1, 2, 3]\n")
        XCTAssertEqual(small.allPoints.map(\.seed), Array(large.allPoints.map(\.seed).prefix(2)))
        XCTAssertNotEqual(large.allPoints[0].seed, large.allPoints[1].seed)
        let a = try Runner.run(small, jobs: 2), b = try Runner.run(large, jobs: 1)
        // Undefined metrics are NaN, which equals nothing: compare as text.
        XCTAssertEqual("\(a.map(\.result.metrics))", "\(Array(b.map(\.result.metrics).prefix(a.count)))")
    }

    func testNamedConfigsExtendTheirParent() throws {
        let e = try load("""
            sweep:
              grid:
                traffic.rate: [1, 2]
            configs:
              - name: small
                set:
                  scenarios[vm].replicas: 2
              - name: big
                extends: small
                set:
                  service.demand.mean: 1s
                sweep:
                  grid:
                    traffic.rate: [3]
                    scenarios[1].concurrency: [4, 5]
            """)
        XCTAssertTrue(e.hasConfigs)
        XCTAssertEqual(e.parameters, ["scenarios[vm].replicas", "traffic.rate", "service.demand.mean", "scenarios[1].concurrency"])
        XCTAssertEqual(e.allPoints.map { $0.config ?? "" }, ["small", "small", "big", "big"])
        XCTAssertEqual(e.allPoints.map(\.values), [["2", "1", "0.5s", ""], ["2", "2", "0.5s", ""], ["2", "3", "1s", "4"], ["2", "3", "1s", "5"]])
        XCTAssertEqual(e.allPoints[2].scenarios[0].replicas, 2, "inherited from small")
        XCTAssertEqual(e.allPoints[3].scenarios[1].concurrency, 5)
    }

    func testSweepPathMatchingNoEntryIsNamed() throws {
        XCTAssertEqual(try error("sweep:\n  grid:\n    scenarios[contaner].concurrency: [1, 2]\n"),
                       "F:12: sweep.grid.scenarios[contaner].concurrency[0]: 'scenarios[contaner].concurrency' matches no key: "
                       + "scenarios has no entry [contaner] (did you mean 'container'?); entries: vm, container")
    }

    func testSweptUnknownKeyIsRejectedWithASuggestion() throws {
        XCTAssertEqual(try error("sweep:\n  grid:\n    scenarios[container].concurency: [1, 2]\n"),
                       "F:12: scenarios[1].concurency: unknown key (did you mean 'concurrency'?)")
    }

    func testSweptValueOfTheWrongTypeIsNamedAtItsLine() throws {
        XCTAssertEqual(try error("sweep:\n  grid:\n    scenarios[vm].concurrency:\n      - 2\n      - two\n"),
                       "F:14: scenarios[0].concurrency: expected a whole number, got 'two'")
    }

    func testUnknownKeysInSweepAndExpectHaveSuggestions() throws {
        XCTAssertEqual(try error("sweep:\n  grd:\n    traffic.rate: [1]\n"), "F:11: sweep.grd: unknown key (did you mean 'grid'?)")
        XCTAssertEqual(try error("swep:\n  grid:\n    traffic.rate: [1]\n"), "F:10: swep: unknown key (did you mean 'sweep'?)")
        XCTAssertEqual(try error("expect:\n  - {scenario: vm, metric: latency_p99_s, belw: 1}\n"),
                       "F:11: expect[0].belw: unknown key (did you mean 'below'?)")
    }

    func testZipListsMustHaveTheSameLength() throws {
        XCTAssertEqual(try error("sweep:\n  zip:\n    traffic.rate: [1, 2]\n    scenarios[vm].concurrency: [1]\n"),
                       "F:13: sweep.zip.scenarios[vm].concurrency: zip lists must have the same length: "
                       + "1 values here, 2 for 'traffic.rate'")
    }

    func testExpectationsNameKnownMetricsAndScenarios() throws {
        XCTAssertEqual(try error("expect:\n  - {scenario: contaner, metric: latency_p99_s, below: 1}\n"),
                       "F:11: expect[0].scenario: unknown scenario 'contaner' (did you mean 'container'?); scenarios: vm, container")
        XCTAssertEqual(try error("expect:\n  - {scenario: vm, metric: latency_p99, below: 1}\n"),
                       "F:11: expect[0].metric: unknown metric 'latency_p99' (did you mean 'latency_p99_s'?)")
        XCTAssertEqual(try error("expect:\n  - {scenario: vm, metric: cost_total, lessThanScenario: vn}\n"),
                       "F:11: expect[0].lessThanScenario: unknown scenario 'vn' (did you mean 'vm'?); scenarios: vm, container")
        XCTAssertEqual(try error("expect:\n  - {scenario: vm, metric: cost_total}\n"),
                       "F:11: expect[0]: needs exactly one of below, above, between, lessThanScenario, greaterThanScenario; got 0")
        XCTAssertEqual(try error("baseline: vms\n"), "F:10: baseline: unknown scenario 'vms' (did you mean 'vm'?); scenarios: vm, container")
    }

    func testExtendsNamesAnEarlierConfig() throws {
        XCTAssertEqual(try error("configs:\n  - name: a\n  - name: b\n    extends: c\n"),
                       "F:13: configs[1].extends: no config 'c' before this one (did you mean 'a'?); configs so far: a")
    }
}
