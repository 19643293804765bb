import Model
import SimRandom
import TestSupport
import XCTest

/// The HPA's timing rules seen in whole runs, read from the scaling records
/// (scaling.csv): decisions only at sync times, no scale-up before a sync
/// that sees the load, no scale-down inside the stabilization window, rate
/// policies never exceeded, replicas within bounds.
final class HPAInSimulationTests: XCTestCase {
    let cpu50 = HPAMetricSpec(source: .resource("cpu"), target: .utilization(50))

    /// Load steps from 0.2 to 2 cores at 600 s and back at 1200 s; 1-CPU pods.
    func run(_ hpa: HPASpec, seed: UInt64 = 3) throws -> [ScalingRecord] {
        var spec = Specs.scenario(duration: 2400, platform: Specs.container(), replicas: 1, concurrency: 4,
                                  cluster: ClusterSpec(hosts: Specs.nodes(count: 4, cpu: 8, prepulled: [Specs.image])),
                                  traffic: .shaped(.steps(initial: 2, steps: [(at: 600, rate: 20), (at: 1200, rate: 2)])),
                                  demand: DemandSpec(cpu: .exponential(mean: 0.1)))
        spec.autoscaling.hpa = HPAController(spec: hpa)
        let run = try Simulation.runChecked(spec, seed: seed, replication: 0)
        return run.scaling.filter { $0.controller == "hpa" }
    }

    func testDecisionsOnlyAtSyncTimesAndWithinBounds() throws {
        for seed: UInt64 in 1...4 {
            let rows = try run(HPASpec(minReplicas: 1, maxReplicas: 6, metrics: [cpu50]), seed: seed)
            XCTAssertGreaterThanOrEqual(rows.count, 2, "seed \(seed)")
            let offset = try XCTUnwrap(rows.first).time.truncatingRemainder(dividingBy: 15)
            for r in rows {
                XCTAssertEqual(r.time.truncatingRemainder(dividingBy: 15), offset, accuracy: 1e-9, "\(r)")
                XCTAssertTrue((1...6).contains(r.to), "\(r)")
            }
        }
    }

    /// metrics-server's first sample showing the step covers [600, 615]:
    /// no sync before 615 can see it.
    func testNoScaleUpBeforeASyncThatSeesTheLoad() throws {
        for seed: UInt64 in 1...4 {
            let rows = try run(HPASpec(minReplicas: 1, maxReplicas: 6, metrics: [cpu50]), seed: seed)
            let up = try XCTUnwrap(rows.first { $0.to > $0.from }, "seed \(seed)")
            XCTAssertGreaterThanOrEqual(up.time, 615, "seed \(seed)")
            XCTAssertLessThan(up.time, 615 + 15 + 1e-9, "the first sync after the sample scales up (seed \(seed))")
            XCTAssertTrue(["metric:cpu", "scaleUpLimit"].contains(up.reason), up.reason)
        }
    }

    /// The default 5-minute downscale stabilization keeps the high count for
    /// 300 s after the last high recommendation (made no earlier than 1185 s);
    /// without stabilization the count falls within two syncs.
    func testNoScaleDownInsideTheStabilizationWindow() throws {
        let legacy = try run(HPASpec(minReplicas: 1, maxReplicas: 6, metrics: [cpu50]))
        let down = try XCTUnwrap(legacy.first { $0.to < $0.from && $0.time > 1200 })
        XCTAssertGreaterThanOrEqual(down.time, 1185 + 300)
        var quick = HPABehavior()
        quick.scaleDown.stabilizationWindowSeconds = 0
        let eager = try run(HPASpec(minReplicas: 1, maxReplicas: 6, metrics: [cpu50], behavior: quick))
        let fast = try XCTUnwrap(eager.first { $0.to < $0.from && $0.time > 1200 })
        XCTAssertLessThan(fast.time, 1200 + 45)
    }

    func testAPodsPolicyIsNeverExceededOverItsPeriod() throws {
        var slow = HPABehavior()
        slow.scaleUp.policies = [HPAScalingPolicy(type: .pods, value: 1, periodSeconds: 60)]
        let rows = try run(HPASpec(minReplicas: 1, maxReplicas: 6, metrics: [cpu50], behavior: slow))
        let ups = rows.filter { $0.to > $0.from }
        XCTAssertGreaterThanOrEqual(ups.count, 3)
        for u in ups {
            let added = ups.filter { $0.time > u.time - 60 && $0.time <= u.time }.reduce(0) { $0 + $1.to - $1.from }
            XCTAssertLessThanOrEqual(added, 1, "\(u)")
        }
        XCTAssertTrue(ups.contains { $0.reason == "policy:Pods" }, "the policy limited at least one step")
    }
}
