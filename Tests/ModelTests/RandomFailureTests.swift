import Model
import SimRandom
import TestSupport
import XCTest

/// Random failures: each instance draws its time to failure when it becomes
/// Ready (stream `failures`); a failed deployment instance is replaced.
final class RandomFailureTests: XCTestCase {
    func spec(replicas: Int, ttf: Distribution, workload: WorkloadKind = .deployment) -> ScenarioSpec {
        var spec = Specs.scenario(duration: 1000, platform: PlatformSpec(kind: .vm, phases: ["boot": .deterministic(value: 10)]),
                                  replicas: replicas, traffic: .timestamps([]))
        spec.failures = FailureSpec(timeToFailure: ttf)
        spec.workload = workload
        return spec
    }

    /// One instance failing 100 s after each Ready, replaced in 10 s: it
    /// fails at 100, 210, ..., 980 (nine losses), each back 10 s later.
    func testAFailingDeploymentInstanceIsReplacedEachTime() throws {
        let r = try Simulation.runChecked(spec(replicas: 1, ttf: .deterministic(value: 100)), seed: 1, replication: 0)
        XCTAssertEqual(r.value("recoveries"), 9)
        XCTAssertEqual(r.value("mttr_s"), 10, accuracy: 1e-9)
        XCTAssertEqual(r.value("downtime_s"), 90, accuracy: 1e-9)
        XCTAssertEqual(r.boots.map(\.requested), [100, 210, 320, 430, 540, 650, 760, 870, 980])
    }

    /// Bare pods fail once and are gone: no Ready instance after 100 s.
    func testFailedBarePodsAreNotReplaced() throws {
        let r = try Simulation.runChecked(spec(replicas: 2, ttf: .deterministic(value: 100), workload: .pods),
                                          seed: 1, replication: 0)
        XCTAssertEqual(r.value("downtime_s"), 900, accuracy: 1e-9)
        XCTAssertEqual(r.value("recoveries"), 0)
        XCTAssertEqual(r.value("boots"), 0)
    }

    /// The failure draws come from their own stream: arrivals and demands
    /// (hence `requests` and the offered work) are those of the run without failures.
    func testFailuresLeaveTheOtherStreamsUnchanged() throws {
        var withFailures = Specs.scenario(rate: 2, duration: 500, platform: PlatformSpec(kind: .vm, phases: ["boot": .deterministic(value: 10)]),
                                          replicas: 3, concurrency: 2)
        let plain = Specs.run(withFailures, seed: 7)[0]
        withFailures.failures = FailureSpec(timeToFailure: .exponential(mean: 60))
        let failing = Specs.run(withFailures, seed: 7)[0]
        XCTAssertEqual(failing.value("requests"), plain.value("requests"))
        XCTAssertEqual(failing.value("offered_load") > 0, true)
        XCTAssertGreaterThan(failing.value("recoveries"), 0)
        XCTAssertEqual(plain.value("recoveries"), 0)
    }
}
