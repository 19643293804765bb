import SimCore
import XCTest

/// Cancelling removes a pending event at once and leaves no trace; an event
/// that already fired or was cancelled cannot be cancelled again.
final class EventCancellationTests: XCTestCase {
    func testCancellingAFiredEventChangesNothing() throws {
        var queue = EventQueue<Int>()
        let first = queue.push(1, at: 1)
        queue.push(2, at: 2)
        XCTAssertEqual(try XCTUnwrap(queue.pop()).event, 1)
        XCTAssertFalse(queue.cancel(first))
        XCTAssertEqual(queue.count, 1)
        XCTAssertEqual(queue.liveCount, 1)
        XCTAssertEqual(try XCTUnwrap(queue.pop()).event, 2)
        XCTAssertNil(queue.pop())
    }

    func testCancellingTwiceRemovesOnce() throws {
        var queue = EventQueue<Int>()
        let a = queue.push(1, at: 1)
        queue.push(2, at: 1)
        XCTAssertTrue(queue.cancel(a))
        XCTAssertFalse(queue.cancel(a))
        XCTAssertEqual(queue.liveCount, 1)
        XCTAssertEqual(try XCTUnwrap(queue.pop()).event, 2)
    }

    /// Random pushes, pops and cancels (of pending, fired and cancelled
    /// events) against a reference list: order, count and heap shape hold
    /// after every operation.
    func testRandomCancellationsMatchReference() throws {
        var state: UInt64 = 42
        func below(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var queue = EventQueue<Int>()
        var reference: [(time: Double, id: Int)] = []
        var ids: [EventID] = []
        var now = 0.0
        for step in 0..<20_000 {
            let r = below(100)
            if r < 50 || ids.isEmpty {
                let time = now + Double(below(20))
                ids.append(queue.push(ids.count, at: time))
                reference.append((time, ids.count - 1))
            } else if r < 75 {
                // Any event ever scheduled: pending, fired or cancelled.
                let victim = below(ids.count)
                let pending = reference.firstIndex { $0.id == victim }
                XCTAssertEqual(queue.cancel(ids[victim]), pending != nil, "step \(step)")
                if let pending { reference.remove(at: pending) }
            } else if let expected = reference.enumerated().min(by: { a, b in
                a.element.time != b.element.time ? a.element.time < b.element.time : a.offset < b.offset
            }) {
                reference.remove(at: expected.offset)
                let popped = try XCTUnwrap(queue.pop())
                XCTAssertEqual(popped.event, expected.element.id, "step \(step)")
                now = popped.time
            }
            XCTAssertEqual(queue.liveCount, reference.count, "step \(step)")
            if step % 97 == 0 { XCTAssertTrue(queue.isHeapOrdered(), "step \(step)") }
        }
    }
}
