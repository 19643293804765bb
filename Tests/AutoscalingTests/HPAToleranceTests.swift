import Model
import XCTest

/// Tolerance: a closed band around ratio 1, per direction, applied to
/// ratios and never to replica counts.
final class HPAToleranceTests: XCTestCase {
    func evaluate(_ usages: [Int64], target: Int = 50, tolerance: HPATolerances = HPATolerances(0.1)) -> HPAMetricEvaluation {
        let pods = usages.enumerated().map { HPAFixtures.cpuPod("p\($0)", usage: $1) }
        var config = HPAControllerConfig.kubernetes
        config.tolerance = tolerance
        return HPAReplicaCalculator.evaluate(HPAMetricSpec(source: .resource("cpu"), target: .utilization(target)),
                                             input: HPAInput(specReplicas: pods.count, pods: pods),
                                             tolerances: tolerance, config: config, now: 10_000)
    }

    func testRatioOnTheUpperEdgeOfTheBandKeepsTheCount() {
        // 550m of 1000m = 55% against 50%: ratio exactly 1.1, inside the closed band.
        let e = evaluate([550, 550, 550, 550])
        XCTAssertEqual(e.replicas, 4)
        XCTAssertTrue(e.heldByTolerance)
    }

    func testRatioJustAboveTheBandScales() {
        // 56% / 50% = 1.12 → ceil(1.12 × 4) = 5.
        let e = evaluate([560, 560, 560, 560])
        XCTAssertEqual(e.replicas, 5)
        XCTAssertFalse(e.heldByTolerance)
    }

    func testUtilizationIsTruncatedBeforeTheRatio() {
        // 1119m of 2000m is 55.95%, truncated to 55%: ratio 1.1, inside.
        let e = evaluate([560, 559])
        XCTAssertEqual(e.utilizationPercent, 55)
        XCTAssertEqual(e.replicas, 2)
    }

    func testPerDirectionToleranceWidensOnlyScaleDown() {
        // 35% / 50% = 0.7: outside 0.1, inside a scale-down tolerance of 0.3.
        XCTAssertEqual(evaluate([350, 350, 350, 350]).replicas, 3)
        XCTAssertEqual(evaluate([350, 350, 350, 350], tolerance: HPATolerances(scaleUp: 0.1, scaleDown: 0.3)).replicas, 4)
    }

    func testBehaviorToleranceOverridesTheControllerFlag() {
        var rules = HPAScalingRules.defaultScaleUp
        rules.tolerance = 0.5
        let spec = HPAFixtures.spec(behavior: HPABehavior(scaleUp: rules))
        let t = HPAControllerConfig.kubernetes.tolerances(for: spec)
        XCTAssertEqual(t, HPATolerances(scaleUp: 0.5, scaleDown: 0.1))
    }
}
