import Model
import XCTest

/// The whole sync (`HPA.decide`): pre-checks, several metrics, failures,
/// reasons and the history it hands back.
final class HPADecideTests: XCTestCase {
    let now = 10_000.0

    func decide(_ spec: HPASpec, _ input: HPAInput, _ history: HPAHistory = HPAFixtures.seeded) -> HPADecision {
        HPA.decide(spec: spec, config: .kubernetes, input: input, history: history, now: now)
    }

    func testZeroReplicasDisablesScalingUnlessMinIsZero() {
        let d = decide(HPAFixtures.spec(min: 1), HPAInput(specReplicas: 0, pods: []))
        XCTAssertEqual(d.desired, 0)
        XCTAssertEqual(d.reason, "disabled")
        let queue = HPAMetricSpec(source: .external("queue"), target: .value(10_000))
        let fromZero = decide(HPAFixtures.spec(min: 0, metrics: [queue]), HPAInput(specReplicas: 0, pods: [], externalMetrics: ["queue": [25_000]]))
        XCTAssertEqual(fromZero.desired, 3) // ceil(2.5), no tolerance, then min(max(2·0, 4), 100)
    }

    func testCurrentAboveMaxIsClampedWithoutMetrics() {
        let d = decide(HPAFixtures.spec(max: 4, behavior: HPABehavior()), HPAInput(specReplicas: 6, pods: []))
        XCTAssertEqual(d.desired, 4)
        XCTAssertEqual(d.reason, "maxReplicas")
        XCTAssertTrue(d.metrics.isEmpty)
        XCTAssertEqual(d.history.scaleDownEvents, [HPAScaleEvent(time: now, replicaChange: 2)])
    }

    func testTheLargestProposalWins() {
        let pods = (0..<2).map { HPAFixtures.cpuPod("p\($0)", usage: 500) } // 50%: exactly on target
        let queue = HPAMetricSpec(source: .external("queue"), target: .averageValue(10_000))
        let d = decide(HPAFixtures.spec(metrics: [HPAFixtures.cpu50, queue]), HPAInput(specReplicas: 2, pods: pods, externalMetrics: ["queue": [30_000]]))
        XCTAssertEqual(d.proposal, 3)
        XCTAssertEqual(d.desired, 3)
        XCTAssertEqual(d.reason, "metric:queue")
    }

    func testAFailedMetricBlocksAScaleDownButNotAScaleUp() {
        let low = (0..<4).map { HPAFixtures.cpuPod("p\($0)", usage: 100) }
        let broken = HPAMetricSpec(source: .external("gone"), target: .value(1000))
        let down = decide(HPAFixtures.spec(metrics: [HPAFixtures.cpu50, broken]), HPAInput(specReplicas: 4, pods: low))
        XCTAssertEqual(down.desired, 4)
        XCTAssertEqual(down.reason, "metricError")
        XCTAssertEqual(down.conditions["ScalingActive"], "FailedGetExternalMetric")
        let high = (0..<4).map { HPAFixtures.cpuPod("p\($0)", usage: 1000) }
        let up = decide(HPAFixtures.spec(metrics: [HPAFixtures.cpu50, broken]), HPAInput(specReplicas: 4, pods: high))
        XCTAssertEqual(up.desired, 8)
    }

    func testToleranceIsTheReasonWhenNothingMoves() {
        let pods = (0..<3).map { HPAFixtures.cpuPod("p\($0)", usage: 520) }
        let d = decide(HPAFixtures.spec(), HPAInput(specReplicas: 3, pods: pods))
        XCTAssertEqual(d.desired, 3)
        XCTAssertEqual(d.reason, "tolerance")
        XCTAssertFalse(d.scales)
    }

    func testBehaviorScaleDownWindowDefaultsToTheControllerFlag() {
        let pods = (0..<4).map { HPAFixtures.cpuPod("p\($0)", usage: 100) }
        let h = HPAHistory(recommendations: [HPARecommendation(time: now - 200, replicas: 4)])
        var config = HPAControllerConfig.kubernetes
        let held = HPA.decide(spec: HPAFixtures.spec(behavior: HPABehavior()), config: config, input: HPAInput(specReplicas: 4, pods: pods), history: h, now: now)
        XCTAssertEqual(held.desired, 4)
        config.downscaleStabilization = 100
        let moved = HPA.decide(spec: HPAFixtures.spec(behavior: HPABehavior()), config: config, input: HPAInput(specReplicas: 4, pods: pods), history: h, now: now)
        XCTAssertEqual(moved.desired, 1)
        XCTAssertEqual(moved.history.scaleDownEvents, [HPAScaleEvent(time: now, replicaChange: 3)])
    }

    func testLegacyPathRecordsNoScaleEvents() {
        let pods = (0..<2).map { HPAFixtures.cpuPod("p\($0)", usage: 1000) }
        let d = decide(HPAFixtures.spec(), HPAInput(specReplicas: 2, pods: pods))
        XCTAssertEqual(d.desired, 4)
        XCTAssertTrue(d.history.scaleUpEvents.isEmpty)
    }
}
