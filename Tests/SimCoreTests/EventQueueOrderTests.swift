import SimCore
import XCTest

/// The pending-event set pops in (time, insertion) order: checked against a
/// sorted-array reference under random interleavings of pushes and pops.
final class EventQueueOrderTests: XCTestCase {
    /// SplitMix64: a tiny deterministic generator for test inputs.
    struct Mix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// One pending event of the reference: popped in (time, urgent first, insertion) order.
    struct Entry {
        var time: Double
        var urgent: Bool
        var order: Int
        var id: EventID
        func precedes(_ o: Entry) -> Bool {
            if time != o.time { return time < o.time }
            if urgent != o.urgent { return urgent }
            return order < o.order
        }
    }

    func testRandomPushesCancelsAndPopsMatchSortedReference() throws {
        var urgentPops = 0, cancels = 0
        for seed in 0..<200 as Range<UInt64> {
            var rng = Mix(state: seed)
            var queue = EventQueue<Int>()
            var reference: [Entry] = []
            var nextID = 0
            var now = 0.0
            let operations = 200 + rng.below(800)
            for _ in 0..<operations {
                let roll = rng.below(100)
                if reference.isEmpty || roll < 50 {
                    // Integer offsets make many exact ties; a fifth of the pushes are urgent.
                    let time = now + Double(rng.below(seed % 2 == 0 ? 10 : 1000))
                    let urgent = rng.below(5) == 0
                    let id = queue.push(nextID, at: time, urgent: urgent)
                    reference.append(Entry(time: time, urgent: urgent, order: nextID, id: id))
                    nextID += 1
                } else if roll < 62 {
                    // Cancel a pending event between pops.
                    let victim = reference.remove(at: rng.below(reference.count))
                    queue.cancel(victim.id)
                    cancels += 1
                } else {
                    let position = reference.indices.min { reference[$0].precedes(reference[$1]) } ?? 0
                    let expected = reference.remove(at: position)
                    let popped = try XCTUnwrap(queue.pop(), "seed \(seed): queue empty, reference not")
                    XCTAssertEqual(popped.event, expected.order, "seed \(seed)")
                    XCTAssertEqual(popped.time, expected.time, "seed \(seed)")
                    XCTAssertEqual(popped.id, expected.id, "seed \(seed)")
                    if expected.urgent { urgentPops += 1 }
                    now = popped.time
                }
                XCTAssertEqual(queue.liveCount, reference.count, "seed \(seed)")
            }
            // Drain: the rest comes out in reference order too.
            reference.sort { $0.precedes($1) }
            for expected in reference {
                XCTAssertEqual(try XCTUnwrap(queue.pop(), "seed \(seed)").event, expected.order, "seed \(seed)")
            }
            XCTAssertNil(queue.pop(), "seed \(seed)")
        }
        // The generator really exercised urgent events and cancellations.
        XCTAssertGreaterThan(urgentPops, 1000)
        XCTAssertGreaterThan(cancels, 1000)
    }

    func testCancellingBetweenPopsRemovesOnlyThatEvent() {
        var queue = EventQueue<String>()
        queue.push("a", at: 1)
        queue.push("b", at: 2)
        let c = queue.push("c", at: 3)
        queue.push("d", at: 3)
        XCTAssertEqual(queue.pop()?.event, "a")
        queue.cancel(c)
        XCTAssertEqual(queue.liveCount, 2)
        queue.push("e", at: 2.5)
        XCTAssertEqual(queue.pop()?.event, "b")
        XCTAssertEqual(queue.pop()?.event, "e")
        XCTAssertEqual(queue.pop()?.event, "d")
        XCTAssertNil(queue.pop())
        XCTAssertEqual(queue.liveCount, 0)
    }

    func testEqualTimesPopFirstInFirstOut() {
        var queue = EventQueue<Int>()
        for i in 0..<1000 { queue.push(i, at: Double(i % 3)) }
        var popped: [Int] = []
        while let e = queue.pop() { popped.append(e.event) }
        let expected = (0..<1000).filter { $0 % 3 == 0 } + (0..<1000).filter { $0 % 3 == 1 }
            + (0..<1000).filter { $0 % 3 == 2 }
        XCTAssertEqual(popped, expected)
    }

    func testUrgentEventsGoFirstAtEqualTimes() {
        var queue = EventQueue<String>()
        queue.push("ordinary-1", at: 5)
        queue.push("urgent-1", at: 5, urgent: true)
        queue.push("early", at: 4)
        queue.push("ordinary-2", at: 5)
        queue.push("urgent-2", at: 5, urgent: true)
        var popped: [String] = []
        while let e = queue.pop() { popped.append(e.event) }
        XCTAssertEqual(popped, ["early", "urgent-1", "urgent-2", "ordinary-1", "ordinary-2"])
    }

    func testCancelledEventsNeverPopAndOthersKeepTheirOrder() {
        var rng = Mix(state: 42)
        var queue = EventQueue<Int>()
        var ids: [EventID] = []
        var times: [Double] = []
        for i in 0..<2000 {
            let t = Double(rng.below(500))
            ids.append(queue.push(i, at: t))
            times.append(t)
        }
        let cancelled = Set((0..<2000).filter { _ in rng.below(3) == 0 })
        for i in cancelled { queue.cancel(ids[i]) }
        XCTAssertEqual(queue.liveCount, 2000 - cancelled.count)
        var popped: [Int] = []
        while let e = queue.pop() { popped.append(e.event) }
        let expected = (0..<2000).filter { !cancelled.contains($0) }.sorted {
            times[$0] != times[$1] ? times[$0] < times[$1] : $0 < $1
        }
        XCTAssertEqual(popped, expected)
        XCTAssertTrue(queue.isEmpty)
    }

    func testCancellingTheEarliestEventExposesTheNext() {
        var queue = EventQueue<String>()
        let a = queue.push("a", at: 1)
        queue.push("b", at: 2)
        queue.cancel(a)
        XCTAssertEqual(queue.peekTime(), 2)
        XCTAssertEqual(queue.pop()?.event, "b")
        XCTAssertNil(queue.pop())
    }
}
