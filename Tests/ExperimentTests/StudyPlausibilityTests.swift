import Experiment
import Model
import TestSupport
import XCTest

/// The VM vs container study against the plausibility checks of
/// ../shared/research/figures.md section 8.
///
/// The study is the one BaselineRegressionTests runs (all its replications),
/// simulated once per test process through `StudyCache`.
final class StudyPlausibilityTests: XCTestCase {
    func mean(_ scenario: String, _ metric: String) throws -> Double {
        let estimates = try StudyCache.estimates("experiments/vm-vs-container.yaml")
        return try XCTUnwrap(estimates[scenario]?[metric], "\(scenario)/\(metric) missing").mean
    }

    func testPublicCloudVMColdStartIsInThePublishedRange() throws {
        // Check 1: a 2020s Linux cold start averages 25-125 s.
        let start = try mean("vm", "start_mean_s")
        XCTAssertTrue((25...125).contains(start), "\(start)")
    }

    func testCachedContainerStartsTwentyToTwoHundredTimesFasterThanAVM() throws {
        // Check 2: about 1:20 to 1:200.
        let vm = try mean("vm", "start_mean_s"), pod = try mean("container-cached", "start_mean_s")
        XCTAssertTrue((20...200).contains(vm / pod), "VM / cached container start = \(vm / pod)")
    }

    func testFirecrackerBootsAboutTenTimesFasterThanAPodStart() throws {
        // Check 2: guest boot ~0.1 s vs a Kubernetes pod start ~1.3 s.
        let pod = try mean("container-cached", "start_mean_s"), microvm = try mean("microvm", "start_mean_s")
        XCTAssertTrue((5...25).contains(pod / microvm), "pod start / microVM start = \(pod / microvm)")
    }

    func testAColdPullIsMostOfAContainerStart() throws {
        // Check 3: the pull is 60-90 % of the start of a pod that pulls.
        let share = try mean("container-cold", "pull_share_mean")
        XCTAssertTrue((0.6...0.9).contains(share), "pull share \(share)")
    }

    func testSlowerCapacityCostsMoreSLOViolations() throws {
        // Same arrivals and demands (common random numbers): only the boots differ.
        XCTAssertEqual(try mean("vm", "requests"), try mean("container-cached", "requests"))
        let slo = { (s: String) in try self.mean(s, "slo_violation_ratio") }
        XCTAssertGreaterThan(try slo("vm"), try slo("container-cold"))
        XCTAssertGreaterThan(try slo("container-cold"), try slo("microvm"))
        XCTAssertGreaterThan(try mean("vm", "latency_p99_s"), try mean("container-cached", "latency_p99_s"))
    }
}
