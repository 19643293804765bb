import SimCore
import XCTest

/// `Engine.run(until:)`: events in order, the clock at each event's time,
/// nothing after the horizon, and the clock left at the horizon.
final class EngineRunLoopTests: XCTestCase {
    struct Recorder: EventHandler {
        var seen: [(Double, Int)] = []
        mutating func handle(_ event: Int, engine: inout Engine<Int>) {
            seen.append((engine.now, event))
            // Each event schedules a follow-up 1.5 s later, up to five generations.
            if event < 5 { engine.schedule(event + 1, after: 1.5) }
        }
    }

    func testRunsEventsUpToTheHorizonAndStopsTheClockThere() {
        var engine = Engine<Int>()
        var model = Recorder()
        engine.schedule(0, at: 0)
        engine.run(until: 4.5, &model)
        XCTAssertEqual(model.seen.map(\.0), [0, 1.5, 3, 4.5])
        XCTAssertEqual(model.seen.map(\.1), [0, 1, 2, 3])
        XCTAssertEqual(engine.now, 4.5)
        XCTAssertEqual(engine.eventsHandled, 4)
        engine.run(until: 100, &model)
        XCTAssertEqual(model.seen.map(\.1), [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(engine.now, 100)
    }

    func testCancelledEventIsNotHandled() {
        var engine = Engine<Int>()
        var model = Recorder()
        let id = engine.schedule(7, at: 1)
        engine.schedule(9, at: 2)
        engine.cancel(id)
        engine.run(until: 10, &model)
        XCTAssertEqual(model.seen.map(\.1), [9])
    }

    /// A handler that cancels a later event while the run is under way:
    /// the cancelled one never runs, the others keep their times.
    struct Canceller: EventHandler {
        var victim: EventID?
        var seen: [(Double, Int)] = []
        mutating func handle(_ event: Int, engine: inout Engine<Int>) {
            seen.append((engine.now, event))
            if event == 1, let victim { engine.cancel(victim) }
        }
    }

    func testAnEventCancelledBetweenPopsIsNotHandled() {
        var engine = Engine<Int>()
        var model = Canceller()
        engine.schedule(1, at: 1)
        model.victim = engine.schedule(3, at: 3)
        engine.schedule(2, at: 2)
        engine.schedule(4, at: 3)
        engine.run(until: 10, &model)
        XCTAssertEqual(model.seen.map(\.1), [1, 2, 4])
        XCTAssertEqual(model.seen.map(\.0), [1, 2, 3])
        XCTAssertEqual(engine.eventsHandled, 3)
    }
}
