import Model
import TestSupport
import XCTest

/// Scripted faults: a killed instance is lost at once, its requests fail
/// (`errors`), a deployment replaces it with a full boot, bare pods do not.
/// Every run here checks the model's invariants after each event.
final class FaultTests: XCTestCase {
    func run(_ spec: ScenarioSpec) throws -> RunResult {
        try Simulation.runChecked(spec, seed: 1, replication: 0)
    }

    /// A VM fleet whose boot takes exactly `boot` seconds, killed as told.
    func vms(replicas: Int, boot: Double, concurrency: Int = 1, arrivals: [Double], demand: Double = 10,
             faults: [FaultSpec], workload: WorkloadKind = .deployment) -> ScenarioSpec {
        var spec = Specs.scenario(duration: 1000, platform: PlatformSpec(kind: .vm, phases: ["boot": .deterministic(value: boot)]),
                                  replicas: replicas, concurrency: concurrency, traffic: .timestamps(arrivals),
                                  demand: DemandSpec(cpu: .deterministic(value: demand)))
        spec.faults = faults
        spec.workload = workload
        return spec
    }

    /// Round robin gives 100, 102, 104 to instance 0 (two slots busy until
    /// 110 and 112, 104 queued) and 101, 103 to instance 1. Killing instance 0
    /// at 105 fails its three requests; instance 1 serves its two.
    func testAKilledPodsInFlightAndQueuedRequestsAreErrors() throws {
        let r = try run(vms(replicas: 2, boot: 5, concurrency: 2, arrivals: [100, 101, 102, 103, 104],
                            faults: [FaultSpec(at: 105, target: .pod(instance: nil))]))
        XCTAssertEqual(r.value("errors"), 3)
        XCTAssertEqual(r.value("completed"), 2)
        XCTAssertEqual(r.value("dropped"), 0)
        XCTAssertEqual(r.value("rejected"), 0)
        XCTAssertEqual(r.value("availability"), 2.0 / 5, accuracy: 1e-12)
        // Instance 1 stayed Ready: no downtime; the replacement (instance 2) booted 105 → 110.
        XCTAssertEqual(r.value("downtime_s"), 0)
        XCTAssertEqual(r.value("recoveries"), 1)
        XCTAssertEqual(r.value("mttr_s"), 5, accuracy: 1e-12)
    }

    /// `instance: 1` picks that instance instead of the lowest Ready id.
    func testAKillNamesItsInstance() throws {
        let r = try run(vms(replicas: 2, boot: 5, concurrency: 2, arrivals: [100, 101, 102, 103, 104],
                            faults: [FaultSpec(at: 105, target: .pod(instance: 1))]))
        XCTAssertEqual(r.value("errors"), 2)
        XCTAssertEqual(r.value("completed"), 3)
    }

    /// One bare pod killed at 400 is never replaced: no Ready instance for
    /// the remaining 600 s, the request at 500 is rejected, nothing recovers.
    func testABarePodIsNotReplaced() throws {
        let r = try run(vms(replicas: 1, boot: 30, arrivals: [100, 500],
                            faults: [FaultSpec(at: 400, target: .pod(instance: nil))], workload: .pods))
        XCTAssertEqual(r.value("downtime_s"), 600, accuracy: 1e-9)
        XCTAssertEqual(r.value("instances_mean"), 0.4, accuracy: 1e-12)
        XCTAssertEqual(r.value("boots"), 0)
        XCTAssertEqual(r.value("completed"), 1)
        XCTAssertEqual(r.value("rejected"), 1)
        XCTAssertEqual(r.value("recoveries"), 0)
        XCTAssertTrue(r.value("mttr_s").isNaN)
    }

    /// The same pod in a deployment is replaced at once and Ready after its
    /// 30 s boot: 30 s of downtime, one recovery in 30 s.
    func testADeploymentsPodIsReplacedAfterAFullBoot() throws {
        let r = try run(vms(replicas: 1, boot: 30, arrivals: [100, 500],
                            faults: [FaultSpec(at: 400, target: .pod(instance: nil))]))
        XCTAssertEqual(r.value("downtime_s"), 30, accuracy: 1e-9)
        XCTAssertEqual(r.value("recoveries"), 1)
        XCTAssertEqual(r.value("mttr_s"), 30, accuracy: 1e-9)
        XCTAssertEqual(r.value("completed"), 2)
        let boot = try XCTUnwrap(r.boots.first)
        XCTAssertEqual(boot.requested, 400)
        XCTAssertEqual(boot.ready, 430)
    }

    /// Downtime counts only inside the statistics window: a 30 s outage
    /// from 400 with the warm-up ending at 410 counts 20 s.
    func testDowntimeIsClippedToTheStatisticsWindow() throws {
        var spec = vms(replicas: 1, boot: 30, arrivals: [], faults: [FaultSpec(at: 400, target: .pod(instance: nil))])
        spec.warmup = 410
        XCTAssertEqual(try run(spec).value("downtime_s"), 20, accuracy: 1e-9)
    }

    /// A container replaced on the node that still caches its image skips
    /// the pull: schedule 0.5 + create 1 + init 2 = 3.5 s of downtime.
    func testAReplacementOnAWarmNodeSkipsThePull() throws {
        var spec = Specs.scenario(duration: 1000, platform: Specs.container(), replicas: 1,
                                  cluster: ClusterSpec(hosts: Specs.nodes(count: 1)), traffic: .timestamps([]))
        spec.faults = [FaultSpec(at: 400, target: .pod(instance: nil))]
        let r = try run(spec)
        XCTAssertEqual(r.value("downtime_s"), 3.5, accuracy: 1e-9)
        XCTAssertEqual(r.value("mttr_s"), 3.5, accuracy: 1e-9)
    }

    /// Three containers on node 0 (first fit); node 0 is killed at 400 with
    /// a 10 s request in flight since 395. All three are lost, node 0 is gone
    /// (hosts_mean (400 + 1000) / 1000). Nobody notices until the node is
    /// NotReady (40 s) and its pods evicted (300 s later, Kubernetes'
    /// defaults); then their replacements boot on node 1, which lacks the
    /// image: schedule 0.5, registry 1 + 200 MB at 10 MB/s shared by the
    /// three layer downloads (20 s), create 1, init 2 → 340 + 24.5 s.
    func testANodeKillLosesAllItsInstances() throws {
        var spec = Specs.scenario(duration: 1000, platform: Specs.container(), replicas: 3,
                                  cluster: ClusterSpec(hosts: Specs.nodes(count: 2)), traffic: .timestamps([395]),
                                  demand: DemandSpec(cpu: .deterministic(value: 10)))
        spec.faults = [FaultSpec(at: 400, target: .node(host: nil))]
        let r = try run(spec)
        XCTAssertEqual(r.value("errors"), 1)
        XCTAssertEqual(r.value("hosts_mean"), 1.4, accuracy: 1e-9)
        XCTAssertEqual(r.value("recoveries"), 3)
        XCTAssertEqual(r.value("downtime_s"), 364.5, accuracy: 1e-9)
        XCTAssertEqual(r.value("mttr_s"), 364.5, accuracy: 1e-9)
        XCTAssertEqual(r.boots.map(\.host), [1, 1, 1])
        XCTAssertEqual(r.boots.map(\.requested), [740, 740, 740])
        XCTAssertEqual(r.timeline.filter { $0.object == "node/0" }.map { "\($0.time) \($0.kind)" },
                       ["400.0 NodeLost", "440.0 NodeNotReady", "740.0 PodsEvicted"])
    }

    /// Bare pods on a killed node are all lost and never come back.
    func testANodeKillOfBarePodsLeavesNothing() throws {
        var spec = Specs.scenario(duration: 1000, platform: Specs.container(), replicas: 3,
                                  cluster: ClusterSpec(hosts: Specs.nodes(count: 2)), traffic: .timestamps([]))
        spec.faults = [FaultSpec(at: 400, target: .node(host: 0))]
        spec.workload = .pods
        let r = try run(spec)
        XCTAssertEqual(r.value("instances_mean"), 1.2, accuracy: 1e-9)
        XCTAssertEqual(r.value("downtime_s"), 600, accuracy: 1e-9)
        XCTAssertEqual(r.value("boots"), 0)
    }

    /// Without faults the new metrics are quiet: no error, full availability.
    func testWithoutFaultsNothingFails() throws {
        let r = try run(vms(replicas: 1, boot: 5, arrivals: [100, 200], faults: []))
        XCTAssertEqual(r.value("errors"), 0)
        XCTAssertEqual(r.value("availability"), 1)
        XCTAssertEqual(r.value("downtime_s"), 0)
        XCTAssertEqual(r.value("recoveries"), 0)
    }
}
