import Model
import TestSupport
import XCTest

/// A terminating instance takes no new requests, finishes what it holds,
/// and drops the rest when its grace period runs out.
final class TerminationTests: XCTestCase {
    func run(grace: Double) -> RunResult {
        var platform = PlatformSpec(kind: .vm)
        platform.terminationGrace = grace
        // Long requests (100 s each) so that the removed instance holds work;
        // arrivals stop at 1500 s so that everything left can finish by 2000 s.
        let spec = Specs.scenario(duration: 2000, platform: platform, replicas: 2, concurrency: 8,
                                  scale: [ScaleStep(at: 1000, replicas: 1)],
                                  traffic: .shaped(.steps(initial: 0.05, steps: [(at: 1500, rate: 0)])),
                                  demand: DemandSpec(cpu: .deterministic(value: 100)))
        return Specs.run(spec, seed: 5)[0]
    }

    func testWithEnoughGraceNothingIsDropped() {
        let r = run(grace: 1000)
        XCTAssertEqual(r.value("dropped"), 0)
        XCTAssertEqual(r.value("rejected"), 0)
        XCTAssertEqual(r.value("completed"), r.value("requests"))
    }

    /// Instance 1 (Ready at 105) is removed at 500 holding two 10 s requests
    /// that round robin gave it at 496 and 498 (instance 0 took 495 and 497):
    /// it is gone when the second ends, at 508, well within the 30 s grace.
    func testATerminatingInstanceFinishesWhatItHoldsThenGoes() throws {
        var platform = PlatformSpec(kind: .vm, phases: ["boot": .deterministic(value: 5)])
        platform.terminationGrace = 30
        let spec = Specs.scenario(duration: 1000, platform: platform, replicas: 1, concurrency: 2,
                                  scale: [ScaleStep(at: 100, replicas: 2), ScaleStep(at: 500, replicas: 1)],
                                  traffic: .timestamps([495, 496, 497, 498, 501]),
                                  demand: DemandSpec(cpu: .deterministic(value: 10)))
        let run = Specs.run(spec)[0]
        let b = try XCTUnwrap(run.boots.first)   // the instance started at 100 is the newest: removed at 500
        XCTAssertEqual(b.instance, 1)
        XCTAssertEqual(b.ready, 105)
        XCTAssertEqual(b.terminating, 500)
        XCTAssertEqual(b.gone, 508)
        // Nothing lost: the arrival at 501 went to instance 0 (its queue).
        XCTAssertEqual(run.value("completed"), 5)
        XCTAssertEqual(run.value("dropped"), 0)
        XCTAssertEqual(run.value("rejected"), 0)
        // 495 → 505, 497 → 507 on instance 0's two slots; 501 waits until 505 → 515.
        XCTAssertEqual(run.value("latency_mean_s"), (10 + 10 + 10 + 10 + 14) / 5, accuracy: 1e-9)
    }

    /// With a 3 s grace the same instance is forced out at 503, dropping both
    /// requests it holds.
    func testAShortGraceDropsWhatIsHeldAtItsEnd() throws {
        var platform = PlatformSpec(kind: .vm, phases: ["boot": .deterministic(value: 5)])
        platform.terminationGrace = 3
        let spec = Specs.scenario(duration: 1000, platform: platform, replicas: 1, concurrency: 2,
                                  scale: [ScaleStep(at: 100, replicas: 2), ScaleStep(at: 500, replicas: 1)],
                                  traffic: .timestamps([495, 496, 497, 498]),
                                  demand: DemandSpec(cpu: .deterministic(value: 10)))
        let run = Specs.run(spec)[0]
        let b = try XCTUnwrap(run.boots.first)
        XCTAssertEqual(b.gone, 503)
        XCTAssertEqual(run.value("completed"), 2)
        XCTAssertEqual(run.value("dropped"), 2)
    }

    func testWithNoGraceHeldRequestsAreDropped() {
        let r = run(grace: 0)
        XCTAssertGreaterThan(r.value("dropped"), 0)
        XCTAssertEqual(r.value("completed") + r.value("dropped"), r.value("requests"))
    }
}
