import Model
import TestSupport
import XCTest

/// Rollouts in whole runs, every invariant checked after every event (the
/// surge and availability bounds among them). Containers on one node with
/// fixed phases: schedule 0.5, create 1, init 2; the new image `web2`
/// shares `base` and `runtime` and adds a 40 MB `app2` layer, pulled after
/// a 1 s registry call at 10 MB/s (5 s) by the first new pod on the node.
final class RolloutTests: XCTestCase {
    static let web2 = ImageSpec(name: "web2", layers: [
        .init(name: "base", bytes: 100e6), .init(name: "runtime", bytes: 60e6), .init(name: "app2", bytes: 40e6),
    ])

    func fleet(replicas: Int, strategy: DeploymentStrategy, at: Double = 100, arrivals: [Double] = [],
               demand: Double = 10) -> ScenarioSpec {
        var spec = Specs.scenario(duration: 400, platform: Specs.container(), replicas: replicas,
                                  cluster: ClusterSpec(hosts: Specs.nodes(count: 1, cpu: 16)),
                                  traffic: .timestamps(arrivals), demand: DemandSpec(cpu: .deterministic(value: demand)))
        spec.deployment.strategy = strategy
        spec.deployment.rollouts = [RolloutSpec(at: at, image: Self.web2)]
        return spec
    }

    func run(_ spec: ScenarioSpec) throws -> RunResult { try Simulation.runChecked(spec, seed: 1, replication: 0) }

    /// maxSurge 1, maxUnavailable 0 on 4 replicas: one new pod at a time,
    /// an old one removed as each becomes available. The first pulls app2
    /// (0.5 + 1 + 4 + 1 + 2 = 8.5 s), the next three find it cached (3.5 s):
    /// done at 100 + 8.5 + 3 × 3.5 = 119 with 5 pods all along (19 extra
    /// instance-seconds) and never a moment without a serving endpoint.
    func testRollingUpdateReplacesOnePodAtATime() throws {
        let r = try run(fleet(replicas: 4, strategy: .rollingUpdate(maxSurge: .count(1), maxUnavailable: .count(0))))
        XCTAssertEqual(r.value("rollouts"), 1)
        XCTAssertEqual(r.value("rollout_duration_s"), 19, accuracy: 1e-9)
        XCTAssertEqual(r.value("rollout_extra_instance_seconds"), 19, accuracy: 1e-9)
        XCTAssertEqual(r.value("downtime_s"), 0)
        XCTAssertEqual(r.boots.map(\.requested), [100, 108.5, 112, 115.5])
        XCTAssertEqual(r.boots.map { $0.pullBytes }, [40e6, 0, 0, 0])
        let scaling = r.timeline.filter { $0.kind == "ScalingReplicaSet" }.map { "\($0.object) \($0.detail)" }
        XCTAssertEqual(scaling, ["replicaset/1 0 to 1", "replicaset/0 4 to 3", "replicaset/1 1 to 2",
                                 "replicaset/0 3 to 2", "replicaset/1 2 to 3", "replicaset/0 2 to 1",
                                 "replicaset/1 3 to 4", "replicaset/0 1 to 0"])
        XCTAssertEqual(r.timeline.last { $0.object == "deployment" }?.kind, "RolloutComplete")
    }

    /// maxSurge 0, maxUnavailable 2 on 4 replicas: two old pods go first,
    /// two new ones replace them, then the other two: never more than 4 pods.
    func testMaxUnavailableTradesCapacityForSpeed() throws {
        let r = try run(fleet(replicas: 4, strategy: .rollingUpdate(maxSurge: .count(0), maxUnavailable: .count(2))))
        XCTAssertEqual(r.boots.map(\.requested), [100, 100, 108.5, 108.5])
        XCTAssertEqual(r.value("rollout_duration_s"), 12, accuracy: 1e-9)
        XCTAssertEqual(r.value("rollout_extra_instance_seconds"), 0)
    }

    /// Recreate: every old pod is gone before a new one is created, so the
    /// service is down from the rollout until the first new pod is Ready:
    /// termination (the old pod serving a request from 95 finishes at 105)
    /// plus start time (8.5 s with the pull of app2): 5 + 8.5 = 13.5 s.
    func testRecreateDowntimeIsTerminationPlusStartTime() throws {
        let r = try run(fleet(replicas: 3, strategy: .recreate, arrivals: [95]))
        XCTAssertEqual(r.value("downtime_s"), 13.5, accuracy: 1e-9)
        XCTAssertEqual(r.boots.map(\.requested), [105, 105, 105])
        XCTAssertEqual(r.boots.compactMap(\.ready), [113.5, 113.5, 113.5])
        XCTAssertEqual(r.value("completed"), 1, "the old pod finished its request within its grace period")
        XCTAssertEqual(r.value("rollout_duration_s"), 13.5, accuracy: 1e-9)
    }

    /// The same rollout (a request in flight) with RollingUpdate has no downtime at all.
    func testRollingUpdateWithARequestInFlightHasNoDowntime() throws {
        let rolling = try run(fleet(replicas: 3, strategy: .kubernetesDefault, arrivals: [95]))
        XCTAssertEqual(rolling.value("downtime_s"), 0)
        XCTAssertEqual(rolling.value("rollouts"), 1)
    }

    /// minReadySeconds: a new pod counts as available only 5 s after Ready,
    /// so each step takes 5 s longer (one new pod at a time).
    func testMinReadySecondsDelaysEachStep() throws {
        var spec = fleet(replicas: 2, strategy: .rollingUpdate(maxSurge: .count(1), maxUnavailable: .count(0)))
        spec.deployment.minReadySeconds = 5
        let r = try run(spec)
        XCTAssertEqual(r.boots.map(\.requested), [100, 113.5])
        XCTAssertEqual(r.value("rollout_duration_s"), 8.5 + 5 + 3.5 + 5, accuracy: 1e-9)
    }

    /// A pod Ready for less than minReadySeconds is not available even when
    /// the controller wakes for another reason. Two 10 s requests at 107 and
    /// 108 keep old pods 0 and 1 busy; at 113.5 (new pod A available) old
    /// pod 1 is terminated and new pod B created (Ready at 117). Pod 1 is
    /// gone at 118, which wakes the controller: B has been Ready 1 s only,
    /// so the last old pod goes at 122, when B is available, not at 118.
    func testAPodIsAvailableOnlyAfterMinReadySecondsWhateverWakesTheController() throws {
        var spec = fleet(replicas: 2, strategy: .rollingUpdate(maxSurge: .count(1), maxUnavailable: .count(0)),
                         arrivals: [107, 108])
        spec.deployment.minReadySeconds = 5
        let r = try run(spec)
        let lastOld = try XCTUnwrap(r.timeline.first { $0.object == "replicaset/0" && $0.detail == "1 to 0" })
        XCTAssertEqual(lastOld.time, 122, accuracy: 1e-9)
        XCTAssertEqual(r.value("rollout_duration_s"), 22, accuracy: 1e-9)
        XCTAssertEqual(r.value("completed"), 2)
    }

    /// The controllers act one reconcileDelay after each change: with
    /// 0.5 s, the first new pod is asked for at 100.5, and each later step
    /// waits 0.5 s for the scale-down and 0.5 s for the scale-up.
    func testEachControllerStepWaitsTheReconcileDelay() throws {
        var spec = fleet(replicas: 2, strategy: .rollingUpdate(maxSurge: .count(1), maxUnavailable: .count(0)))
        spec.deployment.reconcileDelay = 0.5
        let r = try run(spec)
        XCTAssertEqual(r.boots.map(\.requested), [100.5, 110])
    }

    /// A rollout that cannot progress (its pods never fit) reports
    /// ProgressDeadlineExceeded after progressDeadlineSeconds and goes on.
    func testAStuckRolloutReportsItsDeadline() throws {
        var spec = fleet(replicas: 2, strategy: .rollingUpdate(maxSurge: .count(1), maxUnavailable: .count(0)))
        spec.cluster = ClusterSpec(hosts: Specs.nodes(count: 1, cpu: 2))
        spec.deployment.progressDeadlineSeconds = 60
        let r = try run(spec)
        let deadline = try XCTUnwrap(r.timeline.first { $0.kind == "ProgressDeadlineExceeded" })
        XCTAssertEqual(deadline.time, 160, accuracy: 1e-9)
        XCTAssertEqual(r.value("rollouts"), 0)
        XCTAssertTrue(r.value("rollout_duration_s").isNaN)
    }
}
