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

    func testRandomPushesAndPopsMatchSortedReference() {
        for seed in 0..<200 as Range<UInt64> {
            var rng = Mix(state: seed)
            var queue = EventQueue<Int>()
            var reference: [(time: Double, id: Int)] = []
            var nextID = 0
            var now = 0.0
            let operations = 200 + rng.below(800)
            for _ in 0..<operations {
                if reference.isEmpty || rng.below(100) < 55 {
                    // Integer offsets make many exact ties.
                    let time = now + Double(rng.below(seed % 2 == 0 ? 10 : 1000))
                    queue.push(nextID, at: time)
                    reference.append((time, nextID))
                    nextID += 1
                } else {
                    // Stable sort by time keeps insertion order among ties.
                    let expected = reference.enumerated().min { a, b in
                        a.element.time != b.element.time ? a.element.time < b.element.time : a.offset < b.offset
                    }!
                    reference.remove(at: expected.offset)
                    let popped = queue.pop()!
                    XCTAssertEqual(popped.event, expected.element.id, "seed \(seed)")
                    XCTAssertEqual(popped.time, expected.element.time, "seed \(seed)")
                    now = popped.time
                }
            }
            XCTAssertEqual(queue.count, reference.count, "seed \(seed)")
        }
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
