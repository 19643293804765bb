import Model
import XCTest

/// `behavior` rate policies over past scale events, `selectPolicy`, the
/// legacy scale-up cap, and the scale-event store.
final class HPAPolicyTests: XCTestCase {
    let now = 10_000.0

    func rules(_ policies: [HPAScalingPolicy], select: HPASelectPolicy = .max) -> HPAScalingRules {
        HPAScalingRules(stabilizationWindowSeconds: 0, selectPolicy: select, policies: policies)
    }

    func testPodsPolicyCountsAdditionsInsideItsPeriod() {
        // 3 pods added 30 s ago: the period started at 7, so at most 7 + 4 = 11.
        let behavior = HPABehavior(scaleUp: rules([HPAScalingPolicy(type: .pods, value: 4, periodSeconds: 60)]))
        let h = HPAHistory(scaleUpEvents: [HPAScaleEvent(time: now - 30, replicaChange: 3)])
        let o = HPARateLimiter.withBehavior(current: 10, desired: 20, min: 1, max: 100, behavior: behavior, history: h, now: now)
        XCTAssertEqual(o.replicas, 11)
        XCTAssertEqual(o.condition, "ScaleUpLimit")
        XCTAssertEqual(o.reason, "policy:Pods")
    }

    func testAnEventExactlyOnePeriodOldNoLongerCounts() {
        let h = HPAHistory(scaleUpEvents: [HPAScaleEvent(time: now - 60, replicaChange: 3)])
        let (limit, _) = HPARateLimiter.scaleUpLimit(current: 10, rules: rules([HPAScalingPolicy(type: .pods, value: 4, periodSeconds: 60)]),
                                                     history: h, now: now)
        XCTAssertEqual(limit, 14)
    }

    func testPercentRoundsUpGoingUpAndTruncatesGoingDown() {
        let half = rules([HPAScalingPolicy(type: .percent, value: 50, periodSeconds: 60)])
        XCTAssertEqual(HPARateLimiter.scaleUpLimit(current: 3, rules: half, history: HPAHistory(), now: now).0, 5)
        XCTAssertEqual(HPARateLimiter.scaleDownLimit(current: 5, rules: half, history: HPAHistory(), now: now).0, 2)
    }

    func testSelectPolicyMinTakesTheSmallestChange() {
        let both = [HPAScalingPolicy(type: .pods, value: 4, periodSeconds: 60), HPAScalingPolicy(type: .percent, value: 100, periodSeconds: 60)]
        XCTAssertEqual(HPARateLimiter.scaleUpLimit(current: 10, rules: rules(both), history: HPAHistory(), now: now).0, 20)
        XCTAssertEqual(HPARateLimiter.scaleUpLimit(current: 10, rules: rules(both, select: .min), history: HPAHistory(), now: now).0, 14)
        XCTAssertEqual(HPARateLimiter.scaleDownLimit(current: 10, rules: rules(both), history: HPAHistory(), now: now).0, 0)
        XCTAssertEqual(HPARateLimiter.scaleDownLimit(current: 10, rules: rules(both, select: .min), history: HPAHistory(), now: now).0, 6)
    }

    func testSelectPolicyDisabledBlocksThatDirection() {
        let behavior = HPABehavior(scaleDown: rules([HPAScalingPolicy(type: .pods, value: 1, periodSeconds: 60)], select: .disabled))
        let o = HPARateLimiter.withBehavior(current: 8, desired: 2, min: 1, max: 10, behavior: behavior, history: HPAHistory(), now: now)
        XCTAssertEqual(o.replicas, 8)
        XCTAssertEqual(o.reason, "policy:Disabled")
    }

    func testLegacyCapIsTwiceTheCurrentCountOrFour() {
        let o = HPARateLimiter.legacy(current: 3, desired: 50, min: 1, max: 100, config: .kubernetes)
        XCTAssertEqual(o.replicas, 6)
        XCTAssertEqual(o.reason, "scaleUpLimit")
        XCTAssertEqual(HPARateLimiter.legacy(current: 1, desired: 50, min: 1, max: 100, config: .kubernetes).replicas, 4)
        XCTAssertEqual(HPARateLimiter.legacy(current: 3, desired: 50, min: 1, max: 5, config: .kubernetes).reason, "maxReplicas")
    }

    func testScaleEventsReuseTheLastOutdatedSlotAndNeedBehavior() {
        var h = HPAHistory(scaleUpEvents: [HPAScaleEvent(time: now - 100, replicaChange: 2), HPAScaleEvent(time: now - 10, replicaChange: 1)])
        h.storeScaleEvent(behavior: nil, from: 3, to: 5, now: now)
        XCTAssertEqual(h.scaleUpEvents.count, 2)
        h.storeScaleEvent(behavior: HPABehavior(), from: 3, to: 5, now: now) // default longest period: 15 s
        XCTAssertEqual(h.scaleUpEvents, [HPAScaleEvent(time: now, replicaChange: 2), HPAScaleEvent(time: now - 10, replicaChange: 1)])
    }
}
