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

    func testWithNoGraceHeldRequestsAreDropped() {
        let r = run(grace: 0)
        XCTAssertGreaterThan(r.value("dropped"), 0)
        XCTAssertEqual(r.value("completed") + r.value("dropped"), r.value("requests"))
    }
}
