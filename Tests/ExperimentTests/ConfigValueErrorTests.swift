import Experiment
import XCTest

/// Each kind of bad value gets its own exact sentence, at the value's line
/// and key path.
final class ConfigValueErrorTests: XCTestCase {
    func testNotANumber() throws {
        try assertConfigError(ValidConfig.with("rate: 9", "rate: lots"), line: 5, path: "traffic.rate",
                              "expected a number, got 'lots'")
    }

    func testNotANumberIncludesInfinityAndNaN() throws {
        for text in [".inf", "-.inf", ".nan", "inf", "NaN"] {
            try assertConfigError(ValidConfig.with("rate: 9", "rate: \(text)"), line: 5, path: "traffic.rate",
                                  "expected a number, got '\(text)'")
        }
    }

    func testEmptyValue() throws {
        try assertConfigError(ValidConfig.with("rate: 9", "rate: ''"), line: 5, path: "traffic.rate",
                              "expected a value, got nothing")
    }

    func testNotAWholeNumber() throws {
        try assertConfigError(ValidConfig.with("concurrency: 10", "concurrency: 2.5"), line: 10,
                              path: "scenarios[0].concurrency", "expected a whole number, got '2.5'")
    }

    func testWholeNumberBelowItsMinimum() throws {
        try assertConfigError(ValidConfig.with("concurrency: 10", "concurrency: 0"), line: 10,
                              path: "scenarios[0].concurrency", "must be at least 1, got 0")
    }

    func testWholeNumberTooLargeForAnyIntegerIsNamedAsTooLarge() throws {
        try assertConfigError(ValidConfig.with("concurrency: 10", "concurrency: 99999999999999999999"), line: 10,
                              path: "scenarios[0].concurrency", "must be at most 1000000, got '99999999999999999999'")
    }

    func testNotTrueOrFalse() throws {
        let text = ValidConfig.scenario("platform: container", "hosts: {count: 1, cpu: 4, memory: 8Gi, prepulled: maybe}")
        try assertConfigError(text, line: 12, path: "scenarios[0].hosts.prepulled", "expected true or false, got 'maybe'")
    }

    func testNegativeDuration() throws {
        try assertConfigError(ValidConfig.with("duration: 100s", "duration: -5m"), line: 2, path: "duration",
                              "must not be negative, got '-5m'")
    }

    func testZeroDurationWhereTimeMustPass() throws {
        try assertConfigError(ValidConfig.with("duration: 100s", "duration: 0s"), line: 2, path: "duration",
                              "must be longer than zero")
    }

    func testNotASize() throws {
        let text = ValidConfig.scenario("platform: container", "image: {name: w, layers: [{name: l, size: big}]}")
        try assertConfigError(text, line: 12, path: "scenarios[0].image.layers[0].size",
                              "'big' is not a size (use a number with B, kB, MB, GB, KiB, MiB or GiB)")
    }

    func testNotAMemorySize() throws {
        try assertConfigError(ValidConfig.scenario("resources: {cpu: 1, memory: 4 elephants}"), line: 11,
                              path: "scenarios[0].resources.memory",
                              "'4 elephants' is not a memory size (use Mi, Gi, MiB, GiB, MB or GB; a bare number is MiB)")
    }

    func testNegativeMemory() throws {
        try assertConfigError(ValidConfig.scenario("resources: {cpu: 1, memory: -1}"), line: 11,
                              path: "scenarios[0].resources.memory", "must not be negative, got '-1'")
    }

    func testNotABandwidth() throws {
        let text = ValidConfig.scenario("platform: container", "hosts: {count: 1, cpu: 4, memory: 8Gi, pullBandwidth: fast}")
        try assertConfigError(text, line: 12, path: "scenarios[0].hosts.pullBandwidth",
                              "'fast' is not a bandwidth (use a size per second such as 50MB/s)")
    }

    func testNegativeNumberWhereZeroIsAllowed() throws {
        try assertConfigError(ValidConfig.scenario("pricePerHour: -0.5"), line: 11, path: "scenarios[0].pricePerHour",
                              "must not be negative, got -0.5")
    }

    func testExpectedAMapping() throws {
        try assertConfigError(ValidConfig.with("service:\n  demand: {distribution: exponential, mean: 1s}", "service: 3"),
                              line: 6, path: "service", "expected a mapping of keys to values")
    }

    func testExpectedAList() throws {
        try assertConfigError(ValidConfig.with("scenarios:\n  - name: a\n    concurrency: 10", "scenarios: a"),
                              line: 8, path: "scenarios", "expected a list")
    }

    func testUnknownChoiceListsTheChoices() throws {
        try assertConfigError(ValidConfig.scenario("platform: vmm"), line: 11, path: "scenarios[0].platform",
                              "unknown platform 'vmm' (did you mean 'vm'?); expected one of bare, vm, container, microvm")
    }

    func testSeedOutOfRange() throws {
        try assertConfigError(ValidConfig.with("duration: 100s", "duration: 100s\nseed: -1"), line: 3, path: "seed",
                              "expected a whole number from 0 to 2^64-1, got '-1'")
    }
}
