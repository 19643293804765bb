import Model
import TestSupport
import XCTest

/// A run whose backlog grows, or that leaves requests unfinished, says so
/// (`stable` = 0); a stable one does not.
final class OverloadTests: XCTestCase {
    /// Deterministic 1 s demands on one slot: the offered load is exactly
    /// the arrivals of the window divided by the window.
    func run(rate: Double, queueLimit: Int? = nil) -> RunResult {
        var spec = Specs.scenario(rate: rate, duration: 5000, demand: DemandSpec(cpu: .deterministic(value: 1)))
        spec.queueLimit = queueLimit
        return Specs.run(spec, seed: 3)[0]
    }

    func testOverloadedRunIsFlagged() {
        let r = run(rate: 1.5)
        XCTAssertEqual(r.value("stable"), 0)
        XCTAssertEqual(r.value("offered_load"), r.value("requests") / 5000, accuracy: 1e-9)
        // Everything that arrived is completed, rejected, dropped or still there.
        XCTAssertEqual(r.value("unfinished"), r.value("requests") - r.value("completed"))
        XCTAssertGreaterThan(r.value("unfinished"), 0.3 * r.value("requests"))
    }

    func testStableRunIsNotFlagged() {
        let r = run(rate: 0.5)
        XCTAssertEqual(r.value("stable"), 1)
        XCTAssertEqual(r.value("offered_load"), r.value("requests") / 5000, accuracy: 1e-9)
        XCTAssertEqual(r.value("unfinished"), r.value("requests") - r.value("completed"))
    }

    /// A full finite queue rejects the excess: overloaded but not growing.
    func testFiniteQueueRejectingTheExcessIsStable() {
        let r = run(rate: 1.5, queueLimit: 5)
        XCTAssertEqual(r.value("stable"), 1)
        XCTAssertLessThanOrEqual(r.value("unfinished"), 6)
        XCTAssertGreaterThan(r.value("rejected"), 0)
    }

    /// Slightly over capacity: few unfinished in share, but the backlog of the
    /// last quarter grows, which the second rule catches.
    func testSlowlyGrowingBacklogIsFlagged() {
        var spec = Specs.scenario(rate: 1.005, duration: 400_000, demand: DemandSpec(cpu: .deterministic(value: 1)))
        spec.queueLimit = nil
        let r = Specs.run(spec, seed: 3)[0]
        XCTAssertLessThan(r.value("unfinished") / r.value("requests"), 0.01)
        XCTAssertEqual(r.value("stable"), 0)
    }
}
