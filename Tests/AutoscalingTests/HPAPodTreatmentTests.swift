import Model
import XCTest

/// Unready, missing, ignored and warming-up pods, as Kubernetes counts them
/// (RC `groupPods` and the rebalancing rule). Expectations computed by hand.
final class HPAPodTreatmentTests: XCTestCase {
    let now = 10_000.0

    func replicas(_ pods: [HPAPod], current: Int, metric: HPAMetricSpec = HPAFixtures.cpu50) -> HPAMetricEvaluation {
        HPAReplicaCalculator.evaluate(metric, input: HPAInput(specReplicas: current, pods: pods),
                                      tolerances: HPATolerances(0.1), config: .kubernetes, now: now)
    }

    func testMissingPodsOnScaleDownCountAtFullRequest() {
        // 4 × 10% + 1 missing at 100%: 28% / 50% = 0.56 → ceil(0.56 × 5) = 3 (not ceil(0.2 × 4) = 1).
        let pods = (0..<4).map { HPAFixtures.cpuPod("p\($0)", usage: 100) } + [HPAFixtures.cpuPod("m", usage: nil)]
        XCTAssertEqual(replicas(pods, current: 5).replicas, 3)
    }

    func testMissingPodsOnScaleDownCountAtTheTargetWhenItIsAbove100Percent() {
        // Fill at 150% of the request: 1900m of 5000m = 38% / 150% → ceil(0.2533 × 5) = 2.
        let target = HPAMetricSpec(source: .resource("cpu"), target: .utilization(150))
        let pods = (0..<4).map { HPAFixtures.cpuPod("p\($0)", usage: 100) } + [HPAFixtures.cpuPod("m", usage: nil)]
        XCTAssertEqual(replicas(pods, current: 5, metric: target).replicas, 2)
    }

    func testMissingPodsOnScaleUpCountAsZero() {
        // 3 × 100% + 1 missing at 0: 75% / 50% = 1.5 → 6 (at 100% it would be 8).
        let pods = (0..<3).map { HPAFixtures.cpuPod("p\($0)", usage: 1000) } + [HPAFixtures.cpuPod("m", usage: nil)]
        XCTAssertEqual(replicas(pods, current: 4).replicas, 6)
    }

    func testUnreadyPodsAreLeftOutOfAScaleDown() {
        // Only the ready pods count: 10% / 50% → ceil(0.2 × 2) = 1.
        let pods = [HPAFixtures.cpuPod("a", usage: 100), HPAFixtures.cpuPod("b", usage: 100),
                    HPAFixtures.cpuPod("c", usage: 900, ready: false), HPAFixtures.cpuPod("d", usage: 900, ready: false)]
        XCTAssertEqual(replicas(pods, current: 4).replicas, 1)
    }

    func testUnreadyPodsAtZeroCanReverseAScaleUp() {
        // Ready: 60% / 50% = 1.2; with 2 unready at 0: 30% → 0.6, the direction flips: keep 4.
        let pods = [HPAFixtures.cpuPod("a", usage: 600), HPAFixtures.cpuPod("b", usage: 600),
                    HPAFixtures.cpuPod("c", usage: 900, ready: false), HPAFixtures.cpuPod("d", usage: 900, ready: false)]
        let e = replicas(pods, current: 4)
        XCTAssertEqual(e.replicas, 4)
        XCTAssertTrue(e.heldByTolerance)
    }

    func testFailedAndTerminatingPodsAreDroppedEvenOnScaleUp() {
        // 2 × 60%: 1.2 → ceil(2.4) = 3; counted as missing they would flip the ratio and keep 2.
        var deleting = HPAFixtures.cpuPod("d", usage: nil)
        deleting.deleting = true
        let pods = [HPAFixtures.cpuPod("a", usage: 600), HPAFixtures.cpuPod("b", usage: 600),
                    HPAFixtures.cpuPod("f", usage: nil, ready: false, phase: .failed), deleting]
        XCTAssertEqual(replicas(pods, current: 2).replicas, 3)
    }

    func testPendingPodsAreUnreadyNotMissing() {
        // On a scale-down a Pending pod is left out: ceil(0.2 × 2) = 1 (as missing it would give 3).
        let pods = [HPAFixtures.cpuPod("a", usage: 100), HPAFixtures.cpuPod("b", usage: 100),
                    HPAFixtures.cpuPod("p", usage: nil, ready: false, phase: .pending)]
        XCTAssertEqual(replicas(pods, current: 3).replicas, 1)
    }

    func testCPUSampleOverlappingStartUpIsUnreadyInsideTheInitializationPeriod() {
        // Started 30 s ago and Ready since then: its 60 s sample includes start-up.
        let hot = HPAFixtures.cpuPod("hot", usage: 1000, started: now - 30)
        let groups = HPAPodGroups(pods: [hot], metric: "cpu", cpuRules: true, config: .kubernetes, now: now)
        XCTAssertEqual(groups.unready, ["hot"])
        // The same pod's memory sample is trusted: warm-up rules are CPU only.
        let memory = HPAPodGroups(pods: [hot], metric: "cpu", cpuRules: false, config: .kubernetes, now: now)
        XCTAssertEqual(memory.ready, ["hot"])
    }

    func testAPodThatWasReadyOnceCountsWithItsRealSampleAfterTheInitializationPeriod() {
        var dropped = HPAFixtures.cpuPod("dropped", usage: 900, ready: false)
        dropped.readyTransitionTime = 5_000 // became unready long after its start at 0
        let neverReady = HPAFixtures.cpuPod("never", usage: 900, ready: false)
        let groups = HPAPodGroups(pods: [dropped, neverReady], metric: "cpu", cpuRules: true, config: .kubernetes, now: now)
        XCTAssertEqual(groups.ready, ["dropped"])
        XCTAssertEqual(groups.unready, ["never"])
    }

    func testObjectValueMultipliesByRunningAndReadyPods() {
        // 30 / 10 = 3.0 × 2 Running and Ready pods = 6 (the unready pod does not count).
        let pods = [HPAFixtures.cpuPod("a", usage: nil), HPAFixtures.cpuPod("b", usage: nil),
                    HPAFixtures.cpuPod("c", usage: nil, ready: false)]
        let metric = HPAMetricSpec(source: .object("queue"), target: .value(10_000))
        let e = HPAReplicaCalculator.evaluate(metric, input: HPAInput(specReplicas: 3, pods: pods, objectMetrics: ["queue": 30_000]),
                                              tolerances: HPATolerances(0.1), config: .kubernetes, now: now)
        XCTAssertEqual(e.replicas, 6)
    }
}
