import Experiment
import Model
import TestSupport
import XCTest

/// The VM vs container study against the plausibility checks of
/// ../shared/research/figures.md section 8.
final class StudyPlausibilityTests: XCTestCase {
    static let estimates: [String: [String: Estimate]] = {
        var experiment = try! Fixtures.load("experiments/vm-vs-container.yaml")
        experiment.replications = 5
        let files = ResultFiles(experiment: experiment, runs: try! Runner.run(experiment, jobs: 2))
        var out: [String: [String: Estimate]] = [:]
        for (scenario, metric, e) in files.estimates() { out[scenario, default: [:]][metric] = e }
        return out
    }()

    func mean(_ scenario: String, _ metric: String) -> Double { Self.estimates[scenario]![metric]!.mean }

    func testPublicCloudVMColdStartIsInThePublishedRange() {
        // Check 1: a 2020s Linux cold start averages 25-125 s.
        XCTAssertTrue((25...125).contains(mean("vm", "start_mean_s")), "\(mean("vm", "start_mean_s"))")
    }

    func testCachedContainerStartsTwentyToTwoHundredTimesFasterThanAVM() {
        // Check 2: about 1:20 to 1:200.
        let ratio = mean("vm", "start_mean_s") / mean("container-cached", "start_mean_s")
        XCTAssertTrue((20...200).contains(ratio), "VM / cached container start = \(ratio)")
    }

    func testFirecrackerBootsAboutTenTimesFasterThanAPodStart() {
        // Check 2: guest boot ~0.1 s vs a Kubernetes pod start ~1.3 s.
        let ratio = mean("container-cached", "start_mean_s") / mean("microvm", "start_mean_s")
        XCTAssertTrue((5...25).contains(ratio), "pod start / microVM start = \(ratio)")
    }

    func testAColdPullIsMostOfAContainerStart() {
        // Check 3: the pull is 60-90 % of the start of a pod that pulls.
        let share = mean("container-cold", "pull_share_mean")
        XCTAssertTrue((0.6...0.9).contains(share), "pull share \(share)")
    }

    func testSlowerCapacityCostsMoreSLOViolations() {
        // Same arrivals and demands (common random numbers): only the boots differ.
        XCTAssertEqual(mean("vm", "requests"), mean("container-cached", "requests"))
        XCTAssertGreaterThan(mean("vm", "slo_violation_ratio"), mean("container-cold", "slo_violation_ratio"))
        XCTAssertGreaterThan(mean("container-cold", "slo_violation_ratio"), mean("microvm", "slo_violation_ratio"))
        XCTAssertGreaterThan(mean("vm", "latency_p99_s"), mean("container-cached", "latency_p99_s"))
    }
}
