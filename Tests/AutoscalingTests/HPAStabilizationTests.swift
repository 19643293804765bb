import Model
import XCTest

/// Stabilization windows over the recommendation history.
final class HPAStabilizationTests: XCTestCase {
    let now = 10_000.0

    func testLegacyWindowKeepsTheLargestRecentRecommendationIncludingItsEdge() {
        var h = HPAHistory(recommendations: [HPARecommendation(time: now - 300, replicas: 6),
                                             HPARecommendation(time: now - 301, replicas: 9)])
        XCTAssertEqual(HPAStabilizer.legacy(proposal: 2, window: 300, history: &h, now: now), 6)
        // The entry older than the window is reused for the new recommendation.
        XCTAssertEqual(h.recommendations, [HPARecommendation(time: now - 300, replicas: 6), HPARecommendation(time: now, replicas: 2)])
    }

    func testLegacyPathNeverDelaysAScaleUp() {
        var h = HPAHistory(recommendations: [HPARecommendation(time: now - 10, replicas: 3)])
        XCTAssertEqual(HPAStabilizer.legacy(proposal: 8, window: 300, history: &h, now: now), 8)
    }

    func testScaleUpWindowTakesTheSmallestRecentRecommendation() {
        var h = HPAHistory(recommendations: [HPARecommendation(time: now - 30, replicas: 4)])
        XCTAssertEqual(HPAStabilizer.withBehavior(current: 2, proposal: 6, upWindow: 60, downWindow: 0, history: &h, now: now), 4)
    }

    func testAProposalAgainstTheHistoryKeepsTheCurrentCount() {
        var h = HPAHistory(recommendations: [HPARecommendation(time: now - 100, replicas: 3)])
        XCTAssertEqual(HPAStabilizer.withBehavior(current: 5, proposal: 7, upWindow: 300, downWindow: 300, history: &h, now: now), 5)
    }

    func testBehaviorWindowIsStrictAtItsEdge() {
        var h = HPAHistory(recommendations: [HPARecommendation(time: now - 120, replicas: 9)])
        XCTAssertEqual(HPAStabilizer.withBehavior(current: 9, proposal: 3, upWindow: 0, downWindow: 120, history: &h, now: now), 3)
    }

    func testFirstSyncRecordsTheCurrentCountWhichHoldsAScaleDown() {
        let pods = (0..<5).map { HPAFixtures.cpuPod("p\($0)", usage: 100) }
        let d = HPA.decide(spec: HPAFixtures.spec(), config: .kubernetes, input: HPAInput(specReplicas: 5, pods: pods),
                           history: HPAHistory(), now: now)
        XCTAssertEqual(d.desired, 5)
        XCTAssertEqual(d.reason, "stabilization")
        XCTAssertEqual(d.history.recommendations?.map(\.replicas), [5, 1])
        // Five minutes later the window has passed: the scale-down happens.
        let later = HPA.decide(spec: HPAFixtures.spec(), config: .kubernetes, input: HPAInput(specReplicas: 5, pods: pods),
                               history: d.history, now: now + 301)
        XCTAssertEqual(later.desired, 1)
        XCTAssertEqual(later.reason, "metric:cpu")
    }
}
