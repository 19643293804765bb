import Model
import TestSupport
import XCTest

/// Crashes and restarts, dead VMs found by health checks, and requests
/// sent to endpoints that are gone. Every run checks every invariant.
final class SelfHealingTests: XCTestCase {
    func run(_ spec: ScenarioSpec) throws -> RunResult { try Simulation.runChecked(spec, seed: 1, replication: 0) }

    /// One warm container on a node (create 1, init 2 after a restart).
    func pod(arrivals: [Double] = [], faults: [FaultSpec], duration: Double = 1000) -> ScenarioSpec {
        var spec = Specs.scenario(duration: duration, platform: Specs.container(), replicas: 1,
                                  cluster: ClusterSpec(hosts: Specs.nodes(count: 1)), traffic: .timestamps(arrivals),
                                  demand: DemandSpec(cpu: .deterministic(value: 10)))
        spec.faults = faults
        return spec
    }

    /// CrashLoopBackOff: the crash at 100 waits 10 s, restarts (create 1 +
    /// init 2: Ready at 113); the crash at 120 comes 9 s after its process
    /// started, so it waits 20 s (Ready at 143); the crash at 800 comes more
    /// than 10 minutes after, so the back-off is back to 10 s (Ready at 813).
    func testACrashedContainerRestartsWithDoublingBackoff() throws {
        let crash = { (t: Double) in FaultSpec(at: t, target: .container(instance: nil)) }
        let r = try run(pod(arrivals: [95], faults: [crash(100), crash(120), crash(800)]))
        XCTAssertEqual(r.value("restarts"), 3)
        XCTAssertEqual(r.value("downtime_s"), 13 + 23 + 13, accuracy: 1e-9)
        XCTAssertEqual(r.value("errors"), 1, "the request in flight at the crash fails")
        XCTAssertEqual(r.value("recoveries"), 3)
        XCTAssertEqual(r.value("boots"), 0, "a restart is not a boot: no schedule, no pull")
        let backoffs = r.timeline.filter { $0.kind == "BackOff" }.map { "\($0.time) \($0.object) \($0.detail)" }
        XCTAssertEqual(backoffs, ["100.0 pod/0 restart 1 in 10 s", "120.0 pod/0 restart 2 in 20 s",
                                  "800.0 pod/0 restart 1 in 10 s"])
        let ready = r.timeline.filter { $0.kind == "Ready" }.map(\.time)
        XCTAssertEqual(ready, [0, 113, 143, 813])
    }

    /// `recovery: restart` on random failures goes through the same back-off.
    func testRandomFailuresCanRestartInPlace() throws {
        var spec = pod(faults: [], duration: 200)
        spec.failures = FailureSpec(timeToFailure: .deterministic(value: 50), recovery: .restart(BackoffSpec()))
        let r = try run(spec)
        // Ready 0 → fails 50, back-off 10, Ready 63 → fails 113 (ran 52 s), back-off 20, Ready 136 → fails 186, back-off 40.
        XCTAssertEqual(r.timeline.filter { $0.kind == "Ready" }.map(\.time), [0, 63, 136])
        XCTAssertEqual(r.value("restarts"), 3)
    }

    /// A killed container pod with a 2 s endpoint propagation delay: the
    /// request at 101 still goes to it and fails; by 103 the balancer knows
    /// there is no endpoint and rejects. Its replacement (no reconcile
    /// delay here) is Ready at 103.5 and listed at 105.5.
    func testRequestsToAVanishedEndpointFail() throws {
        var spec = pod(arrivals: [101, 103, 106], faults: [FaultSpec(at: 100, target: .pod(instance: nil))])
        spec.endpoints = EndpointsSpec(propagationDelay: 2)
        let r = try run(spec)
        XCTAssertEqual(r.value("errors"), 1)
        XCTAssertEqual(r.value("rejected"), 1)
        XCTAssertEqual(r.value("completed"), 1)
        XCTAssertEqual(r.value("downtime_s"), 5.5, accuracy: 1e-9)
        let endpoints = r.timeline.filter { $0.object == "endpoints" }.map { "\($0.time) \($0.kind) \($0.detail)" }
        XCTAssertEqual(endpoints, ["0.0 EndpointAdded pod/0", "102.0 EndpointRemoved pod/0", "105.5 EndpointAdded pod/1"])
    }

    /// A VM killed at 400 is found by the health check 2 × 30 s later, then
    /// replaced (boot 30 s): requests meanwhile fail, downtime 90 s. A VM
    /// killed within its grace period leaves the load balancer when found
    /// (660) but is replaced only when the grace ends (760).
    func testADeadVMIsReplacedAfterItsHealthCheck() throws {
        var spec = Specs.scenario(duration: 1000, platform: PlatformSpec(kind: .vm, phases: ["boot": .deterministic(value: 30)]),
                                  replicas: 1, traffic: .timestamps([410, 470, 630, 700]), demand: DemandSpec(cpu: .deterministic(value: 1)))
        spec.healthCheck = HealthCheckSpec(interval: 30, unhealthyThreshold: 2, gracePeriod: 300)
        spec.faults = [FaultSpec(at: 400, target: .pod(instance: nil)), FaultSpec(at: 600, target: .pod(instance: nil))]
        let r = try run(spec)
        XCTAssertEqual(r.value("errors"), 2, "410 and 630 go to a dead VM, still in the load balancer")
        XCTAssertEqual(r.value("rejected"), 2, "470 and 700: found unhealthy, no endpoint until the replacement")
        // Replacement launched at 460, Ready 490; killed at 600, within its grace (until 760): found at 760.
        XCTAssertEqual(r.boots.map(\.requested), [460, 760])
        XCTAssertEqual(r.value("downtime_s"), 90 + 190, accuracy: 1e-9)
        XCTAssertEqual(r.timeline.filter { $0.kind == "HealthCheckFailed" }.map(\.time), [460, 660])
    }

    /// Bare pods are restarted in place too (restartPolicy Always) but
    /// never replaced when deleted.
    func testABarePodRestartsButIsNotReplaced() throws {
        var spec = pod(faults: [FaultSpec(at: 100, target: .container(instance: nil)),
                                FaultSpec(at: 300, target: .pod(instance: nil))])
        spec.workload = .pods
        let r = try run(spec)
        XCTAssertEqual(r.value("restarts"), 1)
        XCTAssertEqual(r.value("recoveries"), 1)
        XCTAssertEqual(r.value("downtime_s"), 13 + 700, accuracy: 1e-9)
    }

    /// A loss the ReplicaSet never replaces (the count went down before it
    /// reconciled) has no recovery: a pod created much later for a scale-up
    /// does not stand for it.
    func testALossWithoutAReplacementIsNotRecoveredByALaterScaleUp() throws {
        var spec = Specs.scenario(duration: 600, platform: PlatformSpec(kind: .vm, phases: ["boot": .deterministic(value: 30)]),
                                  replicas: 2, scale: [ScaleStep(at: 100.5, replicas: 1), ScaleStep(at: 300, replicas: 2)],
                                  traffic: .timestamps([]))
        spec.deployment.reconcileDelay = 1
        spec.faults = [FaultSpec(at: 100, target: .pod(instance: 0))]
        let r = try run(spec)
        XCTAssertEqual(r.boots.map(\.requested), [301])
        XCTAssertEqual(r.value("recoveries"), 0)
        XCTAssertTrue(r.value("mttr_s").isNaN)
    }
}
