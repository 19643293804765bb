import Experiment
import XCTest

/// Rules that tie keys together (a scenario's platform, hosts, images,
/// presets, schedules, distributions, traffic curves) each have their own
/// exact sentence.
final class ConfigStructureErrorTests: XCTestCase {
    func testEmptyScenarioList() throws {
        try assertConfigError(ValidConfig.with("scenarios:\n  - name: a\n    concurrency: 10", "scenarios: []"),
                              line: 8, path: "scenarios", "must list at least one scenario")
    }

    func testDuplicateScenarioName() throws {
        try assertConfigError(ValidConfig.text + "\n  - name: a", line: 11, path: "scenarios[1]", "duplicate scenario name 'a'")
    }

    func testHostScheduleNeedsAPool() throws {
        try assertConfigError(ValidConfig.scenario("hostSchedule: [{at: 1m, hosts: 2}]"), line: 11,
                              path: "scenarios[0].hostSchedule", "a host schedule needs a hosts pool")
    }

    func testReservedCapacityLeavesNoCPU() throws {
        try assertConfigError(ValidConfig.scenario("hosts: {count: 1, cpu: 2, memory: 8Gi, reserved: {cpu: 2}}"), line: 11,
                              path: "scenarios[0].hosts.cpu", "leaves no CPU after the reserved capacity")
    }

    func testPrepullWithoutAnImage() throws {
        try assertConfigError(ValidConfig.scenario("platform: container", "hosts: {count: 1, cpu: 4, memory: 8Gi, prepulled: true}"),
                              line: 12, path: "scenarios[0].hosts.prepulled", "there is no image to pre-pull: the scenario names none")
    }

    func testScheduleStepsOutOfOrder() throws {
        try assertConfigError(ValidConfig.scenario("scaleSchedule:", "  - {at: 2m, replicas: 2}", "  - {at: 1m, replicas: 3}"),
                              line: 13, path: "scenarios[0].scaleSchedule[1]", "steps must be in time order")
    }

    func testReadinessProbeOnAPlatformThatDoesNotBoot() throws {
        try assertConfigError(ValidConfig.scenario("platform: bare", "readinessProbe: {periodSeconds: 5}"), line: 12,
                              path: "scenarios[0].readinessProbe",
                              "a readiness probe needs a platform that boots (vm, container, microvm)")
    }

    func testImageOnANonContainer() throws {
        try assertConfigError(ValidConfig.scenario("platform: vm", "image: web"), line: 12,
                              path: "scenarios[0].image", "an image applies to containers only")
    }

    func testUnknownImageSuggests() throws {
        let text = ValidConfig.text + "\n    platform: container\n    image: wbe\nimages:\n  web: {layers: [{name: l, size: 1MB}]}"
        try assertConfigError(text, line: 12, path: "scenarios[0].image",
                              "unknown image 'wbe' (did you mean 'web'?); define it under images:")
    }

    func testImageCatalogMustBeAMapping() throws {
        try assertConfigError(ValidConfig.text + "\nimages: [web]", line: 11, path: "images",
                              "expected a mapping of image names to images")
    }

    func testLayerListedTwice() throws {
        let text = ValidConfig.scenario("platform: container", "image: {name: w, layers: [{name: l, size: 1MB}, {name: l, size: 2MB}]}")
        try assertConfigError(text, line: 12, path: "scenarios[0].image.layers[1]", "layer 'l' is listed twice")
    }

    func testLognormalNeedsOneOfItsParameterizations() throws {
        try assertConfigError(ValidConfig.with("{distribution: exponential, mean: 1s}", "{distribution: lognormal, sigma: 1}"),
                              line: 7, path: "service.demand", "lognormal needs {mean, cv}, {mu, sigma} or {median, sigma}")
    }

    func testDistributionParameterErrorsNameTheParameter() throws {
        let cases: [(String, String, String)] = [
            ("{distribution: uniform, min: 2s, max: 1s}", "service.demand.max", "must not be below min (2), got 1"),
            ("{distribution: exponential, mean: 0s}", "service.demand.mean", "must be a positive number, got 0"),
            ("{distribution: erlang, k: 0, mean: 1s}", "service.demand.k", "must be at least 1, got 0"),
            ("{distribution: empirical, values: []}", "service.demand.values", "must list at least one value"),
            ("{distribution: empirical, values: [1s, 2s], weights: [1]}", "service.demand.weights",
             "must have one weight per value (2), got 1"),
            ("{distribution: empirical, values: [1s], weights: [0]}", "service.demand.weights", "must not all be zero"),
            ("{distribution: mixture, components: []}", "service.demand.components",
             "must be a non-empty list, each with a weight"),
            ("{distribution: exponential, mean: 1s, clip: {min: 2s, max: 1s}}", "service.demand.clip.max",
             "must not be below min (2), got 1"),
            ("{distribution: lognormal, mu: 0, sigma: 1e7}", "service.demand.sigma", "must be at most 1000000, got 10000000"),
        ]
        for (demand, path, message) in cases {
            try assertConfigError(ValidConfig.with("{distribution: exponential, mean: 1s}", demand), line: 7, path: path, message)
        }
    }

    func testRampEndBeforeStart() throws {
        try assertConfigError(ValidConfig.with("arrivals: poisson\n  rate: 9", "arrivals: ramp\n  from: 1\n  to: 2\n  start: 2m\n  end: 1m"),
                              line: 8, path: "traffic.end", "must not be before start")
    }

    func testStepsOutOfOrder() throws {
        try assertConfigError(ValidConfig.with("arrivals: poisson\n  rate: 9",
                                               "arrivals: steps\n  initial: 1\n  steps: [{at: 2m, rate: 2}, {at: 1m, rate: 3}]"),
                              line: 6, path: "traffic.steps[1]", "steps must be in time order")
    }

    func testMarkovModulatedNeedsAState() throws {
        try assertConfigError(ValidConfig.with("arrivals: poisson\n  rate: 9", "arrivals: mmpp\n  states: []"),
                              line: 5, path: "traffic.states", "must list at least one state")
    }

    func testRateZeroEverywhere() throws {
        try assertConfigError(ValidConfig.with("arrivals: poisson\n  rate: 9", "arrivals: steps\n  initial: 0\n  steps: []"),
                              line: 4, path: "traffic", "the rate is zero everywhere: no request would ever arrive")
    }

    func testMissingTrafficInScenarioAndExperiment() throws {
        try assertConfigError(ValidConfig.with("traffic:\n  arrivals: poisson\n  rate: 9\n", ""), line: 6,
                              path: "scenarios[0].traffic", "missing required key")
    }

    func testAPresetMustBeAMapping() throws {
        let dir = try temporaryFolder()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("presets"), withIntermediateDirectories: true)
        try "- a\n- b\n".write(to: dir.appendingPathComponent("presets/p.yaml"), atomically: true, encoding: .utf8)
        let config = dir.appendingPathComponent("x.yaml")
        try ValidConfig.scenario("preset: p").write(to: config, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ExperimentLoader.load(path: config.path)) { error in
            XCTAssertEqual("\(error)", "\(dir.path)/presets/p.yaml:1: a preset must be a mapping of scenario keys")
        }
    }

    func testTheEmptyFile() throws {
        try assertConfigError("# nothing here\n", line: nil, path: "", "the file is empty")
    }
}
