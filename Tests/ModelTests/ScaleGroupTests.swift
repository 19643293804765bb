import Model
import TestSupport
import XCTest

/// A VM scale group's policies: alarm periods, warm-up, cooldown, bounds.
final class ScaleGroupTests: XCTestCase {
    typealias O = ScaleGroup.Observation
    func group(_ policies: [ScalingPolicy], min: Int = 1, max: Int = 10) -> ScaleGroup {
        ScaleGroup(spec: ScaleGroupSpec(minSize: min, maxSize: max, policies: policies))
    }
    let tracking = ScalingPolicy.targetTracking(targetValue: 50, scaleOutPeriods: 3, scaleInPeriods: 15, disableScaleIn: false)

    func testTargetTrackingScalesOutOnTheThirdBreachingPeriod() throws {
        var g = group([tracking])
        let busy = O(cpu: 80, warm: 4, warming: 0, desired: 4)
        XCTAssertNil(g.evaluate(busy, now: 60))
        XCTAssertNil(g.evaluate(busy, now: 120))
        let d = try XCTUnwrap(g.evaluate(busy, now: 180))
        XCTAssertEqual(d.desired, 7)                  // ceil(4 × 80 / 50)
        XCTAssertEqual(d.reason, "policy:TargetTracking")
    }

    func testABreakInTheStreakStartsItAgain() {
        var g = group([tracking])
        XCTAssertNil(g.evaluate(O(cpu: 80, warm: 4, warming: 0, desired: 4), now: 60))
        XCTAssertNil(g.evaluate(O(cpu: 80, warm: 4, warming: 0, desired: 4), now: 120))
        XCTAssertNil(g.evaluate(O(cpu: 50, warm: 4, warming: 0, desired: 4), now: 180))
        XCTAssertNil(g.evaluate(O(cpu: 80, warm: 4, warming: 0, desired: 4), now: 240))
    }

    /// Instances in warm-up count as capacity already added.
    func testWarmingInstancesCountTowardTheScaleOut() {
        var g = group([tracking])
        for t in [60.0, 120] { _ = g.evaluate(O(cpu: 80, warm: 4, warming: 3, desired: 7), now: t) }
        // ceil(4 × 80 / 50) + 3 = 10 > 7.
        XCTAssertEqual(g.evaluate(O(cpu: 80, warm: 4, warming: 3, desired: 7), now: 180)?.desired, 10)
        var h = group([tracking])
        for t in [60.0, 120] { _ = h.evaluate(O(cpu: 60, warm: 4, warming: 3, desired: 7), now: t) }
        // ceil(4 × 60 / 50) + 3 = 8 > 7, one more.
        XCTAssertEqual(h.evaluate(O(cpu: 60, warm: 4, warming: 3, desired: 7), now: 180)?.desired, 8)
    }

    func testScaleInNeedsFifteenPeriodsBelowNinetyPercentOfTarget() {
        var g = group([tracking])
        let idle = O(cpu: 20, warm: 6, warming: 0, desired: 6)
        for k in 1...14 { XCTAssertNil(g.evaluate(idle, now: Double(k) * 60), "period \(k)") }
        XCTAssertEqual(g.evaluate(idle, now: 900)?.desired, 3)   // ceil(6 × 20 / 50)
        var h = group([tracking])
        for k in 1...30 { XCTAssertNil(h.evaluate(O(cpu: 46, warm: 6, warming: 0, desired: 6), now: Double(k) * 60)) }
    }

    func testScaleInWaitsForTheCooldownAndForWarmUp() {
        var g = group([tracking])
        for t in [60.0, 120, 180] { _ = g.evaluate(O(cpu: 90, warm: 2, warming: 0, desired: 2), now: t) }
        XCTAssertEqual(g.lastActivity, 180)
        let idle = O(cpu: 10, warm: 4, warming: 0, desired: 4)
        // Fifteen low periods are reached at 240 + 14 × 60 = 1080 > 180 + 300: allowed then, not before.
        for k in 0..<14 { XCTAssertNil(g.evaluate(idle, now: 240 + Double(k) * 60)) }
        XCTAssertNotNil(g.evaluate(idle, now: 1080))
        var h = group([tracking])
        for k in 1...20 { XCTAssertNil(h.evaluate(O(cpu: 10, warm: 4, warming: 1, desired: 5), now: Double(k) * 60)) }
    }

    /// A scale-in ready after two low periods still waits for the cooldown
    /// (300 s after the scale-out at 180 s): not at 300 or 420, at 480.
    func testScaleInWaitsUntilTheCooldownHasPassed() {
        let quick = ScalingPolicy.targetTracking(targetValue: 50, scaleOutPeriods: 3, scaleInPeriods: 2, disableScaleIn: false)
        var g = group([quick])
        for t in [60.0, 120, 180] { _ = g.evaluate(O(cpu: 90, warm: 2, warming: 0, desired: 2), now: t) }
        XCTAssertEqual(g.lastActivity, 180)
        let idle = O(cpu: 10, warm: 4, warming: 0, desired: 4)
        for t in [240.0, 300, 360, 420] { XCTAssertNil(g.evaluate(idle, now: t), "t = \(t)") }
        XCTAssertEqual(g.evaluate(idle, now: 480)?.desired, 1)   // ceil(4 × 10 / 50)
    }

    func testStepScalingAndBounds() {
        let steps = ScalingPolicy.stepScaling(steps: [
            ScalingStep(lower: 70, upper: 85, adjustment: 1), ScalingStep(lower: 85, adjustment: 3),
            ScalingStep(upper: 20, adjustment: -1),
        ], evaluationPeriods: 2)
        var g = group([steps], min: 2, max: 6)
        XCTAssertNil(g.evaluate(O(cpu: 75, warm: 4, warming: 0, desired: 4), now: 60))
        XCTAssertNil(g.evaluate(O(cpu: 90, warm: 4, warming: 0, desired: 4), now: 120))   // another step: streak restarts
        let d = g.evaluate(O(cpu: 90, warm: 4, warming: 0, desired: 4), now: 180)
        XCTAssertEqual(d?.desired, 6)
        XCTAssertEqual(d?.reason, "maxSize")                                              // 4 + 3 capped at 6
        var h = group([steps], min: 2, max: 6)
        _ = h.evaluate(O(cpu: 5, warm: 2, warming: 0, desired: 2), now: 60)
        XCTAssertNil(h.evaluate(O(cpu: 5, warm: 2, warming: 0, desired: 2), now: 120))     // already at minSize
    }

    /// A whole run: decisions only at period ends; each scale-in at least a
    /// cooldown after the previous activity; sizes within [min, max].
    func testWholeRunRespectsPeriodsCooldownAndBounds() throws {
        let vm = PlatformSpec(kind: .vm, phases: ["provision": .deterministic(value: 40)], cpuRequest: 2)
        var spec = Specs.scenario(duration: 7200, platform: vm, replicas: 2, concurrency: 2,
                                  traffic: .shaped(.steps(initial: 20, steps: [(at: 1200, rate: 90), (at: 4000, rate: 10)])),
                                  demand: DemandSpec(cpu: .exponential(mean: 0.04)))
        spec.queueLimit = 50
        spec.autoscaling.scaleGroup = ScaleGroupSpec(minSize: 1, maxSize: 6, policies: [tracking])
        let run = try Simulation.runChecked(spec, seed: 4, replication: 0)
        let decisions = run.scaling.filter { $0.controller == "scale-group" }
        XCTAssertGreaterThanOrEqual(decisions.count, 3)
        var last = -Double.infinity
        for d in decisions {
            XCTAssertEqual(d.time.truncatingRemainder(dividingBy: 60), 0, "\(d)")
            XCTAssertTrue((1...6).contains(d.to), "\(d)")
            if d.to < d.from { XCTAssertGreaterThanOrEqual(d.time - last, 300, "\(d)") }
            last = d.time
        }
        XCTAssertTrue(decisions.contains { $0.to > $0.from && $0.time >= 1200 + 180 })
        XCTAssertEqual(run.value("replicas_max"), Double(decisions.map(\.to).max() ?? 0))
    }
}
