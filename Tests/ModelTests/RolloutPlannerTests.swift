import Model
import XCTest

/// The Deployment controller's step against the cases of Kubernetes'
/// rolling_test.go (reconcileNewReplicaSet, reconcileOldReplicaSets) and
/// its rounding and Recreate rules.
final class RolloutPlannerTests: XCTestCase {
    func step(replicas: Int, surge: IntOrPercent, unavailable: IntOrPercent, old: Int, new: Int,
              oldAvailable: Int, newAvailable: Int) -> [Int] {
        RolloutPlanner.step(.init(sets: [old, new], available: [oldAvailable, newAvailable], oldPodsRunning: old > 0,
                                  annotated: replicas),
                            replicas: replicas, strategy: .rollingUpdate(maxSurge: surge, maxUnavailable: unavailable)).sets
    }

    /// reconcileNewReplicaSet: (replicas, maxSurge, old, new) → new.
    func testTheNewReplicaSetGrowsWithinTheSurge() {
        let cases: [(Int, Int, Int, Int, Int)] = [
            (10, 0, 10, 0, 0), (10, 2, 10, 0, 2), (10, 2, 5, 0, 7), (10, 2, 10, 2, 2), (10, 0, 1, 11, 10),
        ]
        for (replicas, surge, old, new, expected) in cases {
            // maxUnavailable 1 keeps maxSurge 0 legal; old pods all available so nothing is cleaned.
            let sets = step(replicas: replicas, surge: .count(surge), unavailable: .count(1), old: old, new: new,
                            oldAvailable: old, newAvailable: 0)
            XCTAssertEqual(sets[1], expected, "replicas \(replicas) surge \(surge) old \(old) new \(new)")
        }
    }

    /// reconcileOldReplicaSets with maxSurge 0: (maxUnavailable, old, new,
    /// available old, available new) → old.
    func testOldReplicaSetsShrinkOnlyWithinTheAvailabilityBudget() {
        let cases: [(Int, Int, Int, Int, Int, Int)] = [
            (0, 10, 0, 10, 0, 9),  // maxSurge 0 and maxUnavailable 0: maxUnavailable becomes 1
            (2, 10, 0, 10, 0, 8),
            (2, 10, 0, 8, 0, 8),   // two unhealthy old pods cleaned up
            (2, 10, 0, 9, 0, 8),   // one unhealthy cleaned, one available scaled down
            (2, 8, 2, 8, 0, 8),    // the new set's unavailable pods block further scale-down
        ]
        for (unavailable, old, new, oldAvailable, newAvailable, expected) in cases {
            let sets = step(replicas: 10, surge: .count(0), unavailable: .count(unavailable), old: old, new: new,
                            oldAvailable: oldAvailable, newAvailable: newAvailable)
            XCTAssertEqual(sets[0], expected, "maxUnavailable \(unavailable) old \(old)/\(oldAvailable) new \(new)/\(newAvailable)")
        }
    }

    /// 25% of 10 is 2.5: maxSurge rounds up to 3, maxUnavailable down to 2.
    func testPercentagesRoundUpForSurgeAndDownForUnavailable() {
        let bounds = DeploymentStrategy.kubernetesDefault.bounds(10)
        XCTAssertEqual(bounds.surge, 3)
        XCTAssertEqual(bounds.unavailable, 2)
        XCTAssertEqual(DeploymentStrategy.rollingUpdate(maxSurge: .percent(0), maxUnavailable: .percent(10)).bounds(5).unavailable, 1,
                       "0% of surge and 0.5 unavailable rounded down to 0 would block: Kubernetes uses 1")
        XCTAssertEqual(IntOrPercent.percent(25).resolve(4, roundUp: true), 1)
        XCTAssertEqual(IntOrPercent.percent(25).resolve(4, roundUp: false), 1)
    }

    /// Recreate: old sets go to 0 first; the new one grows only once no old pod runs.
    func testRecreateWaitsForEveryOldPod() {
        let start = RolloutPlanner.State(sets: [3, 0], available: [3, 0], oldPodsRunning: true, annotated: 3)
        XCTAssertEqual(RolloutPlanner.step(start, replicas: 3, strategy: .recreate).sets, [0, 0])
        let draining = RolloutPlanner.State(sets: [0, 0], available: [0, 0], oldPodsRunning: true, annotated: 3)
        XCTAssertEqual(RolloutPlanner.step(draining, replicas: 3, strategy: .recreate).sets, [0, 0])
        let empty = RolloutPlanner.State(sets: [0, 0], available: [0, 0], oldPodsRunning: false, annotated: 3)
        XCTAssertEqual(RolloutPlanner.step(empty, replicas: 3, strategy: .recreate).sets, [0, 3])
    }

    /// A new replica count mid-rollout is spread over the active sets in
    /// proportion (replicas + maxSurge in all); with one active set it is sized at once.
    func testAScalingEventIsSpreadProportionally() {
        let mid = RolloutPlanner.State(sets: [6, 6], available: [6, 3], oldPodsRunning: true, annotated: 10)
        let strategy = DeploymentStrategy.rollingUpdate(maxSurge: .count(2), maxUnavailable: .count(0))
        let (sets, annotated) = RolloutPlanner.step(mid, replicas: 20, strategy: strategy)
        XCTAssertEqual(sets, [11, 11])
        XCTAssertEqual(annotated, 20)
        // 2 + 1 + 1 down to 1: the shares round to −1, 0, 0; the rest takes the newest ones to 0.
        let three = RolloutPlanner.State(sets: [2, 1, 1], available: [2, 1, 0], oldPodsRunning: true, annotated: 4)
        let down = DeploymentStrategy.rollingUpdate(maxSurge: .count(0), maxUnavailable: .count(1))
        XCTAssertEqual(RolloutPlanner.step(three, replicas: 1, strategy: down).sets, [1, 0, 0])
        let single = RolloutPlanner.State(sets: [4], available: [4], oldPodsRunning: false, annotated: 4)
        XCTAssertEqual(RolloutPlanner.step(single, replicas: 7, strategy: strategy).sets, [7])
    }

    /// CrashLoopBackOff: 10, 20, 40 ... capped at 300 s.
    func testBackoffDoublesUpToItsCap() {
        let b = BackoffSpec()
        XCTAssertEqual((1...7).map { b.delay(restart: $0) }, [10, 20, 40, 80, 160, 300, 300])
    }
}
