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

    func testTransitionTimesAreRecorded() {
        var platform = PlatformSpec(kind: .vm, phases: ["boot": .deterministic(value: 5)])
        platform.terminationGrace = 30
        let spec = Specs.scenario(rate: 0.1, duration: 1000, platform: platform, replicas: 1, concurrency: 2,
                                  scale: [ScaleStep(at: 100, replicas: 2), ScaleStep(at: 500, replicas: 1)],
                                  demand: DemandSpec(cpu: .deterministic(value: 10)))
        let b = Specs.run(spec)[0].boots[0]   // the instance started at 100 is the newest: removed at 500
        XCTAssertEqual(b.ready, 105)
        XCTAssertEqual(b.terminating, 500)
        let gone = try! XCTUnwrap(b.gone)
        XCTAssertTrue(gone >= 500 && gone < 530, "finishes what it holds before the 30 s grace ends: \(gone)")
    }

    func testWithNoGraceHeldRequestsAreDropped() {
        let r = run(grace: 0)
        XCTAssertGreaterThan(r.value("dropped"), 0)
        XCTAssertEqual(r.value("completed") + r.value("dropped"), r.value("requests"))
    }
}
