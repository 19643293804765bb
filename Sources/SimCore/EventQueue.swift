/// Identifies one scheduled event, so that it can be cancelled.
///
/// It is the event's insertion sequence number: unique within one queue.
public struct EventID: Hashable, Sendable {
    public let sequence: UInt64
    @inlinable public init(sequence: UInt64) { self.sequence = sequence }
}

/// The pending-event set: an implicit 4-ary min-heap of small value-type
/// entries ordered by (time, insertion sequence), so that events with equal
/// times pop first-in first-out.
///
/// Cancellation is eager: the entry is found by a scan and removed from the
/// heap at once, so the pop path never checks for cancelled entries, the
/// count is always exact, and cancelling an event that already fired (or
/// was already cancelled) changes nothing. Nothing here allocates per event
/// once the array has grown to the largest pending count.
///
/// The hot methods are `@inlinable` so that the model's module specializes
/// them for its own `Event` type (no dynamic dispatch per event).
public struct EventQueue<Event> {
    @usableFromInline
    struct Entry {
        @usableFromInline var time: Double
        @usableFromInline var sequence: UInt64
        @usableFromInline var event: Event

        @inlinable init(time: Double, sequence: UInt64, event: Event) {
            self.time = time
            self.sequence = sequence
            self.event = event
        }

        /// Lexicographic (time, sequence) order, without branches: for
        /// non-negative times the IEEE-754 bits order like the values, so
        /// (bits(time), sequence) compared as one 128-bit integer is exactly
        /// the lexicographic order (as in ../shared/bench/hold.c).
        @inlinable @inline(__always)
        var key: UInt128 { UInt128(time.bitPattern) << 64 | UInt128(sequence) }

        @inlinable @inline(__always)
        func precedes(_ other: Entry) -> Bool { key < other.key }
    }

    /// Children of slot i are 4i+1 ... 4i+4.
    @usableFromInline static var arity: Int { 4 }

    @usableFromInline var heap: ContiguousArray<Entry> = []
    @usableFromInline var nextSequence: UInt64 = 0

    public init() {}

    /// Reserves room for `capacity` pending events.
    public mutating func reserveCapacity(_ capacity: Int) {
        heap.reserveCapacity(capacity)
    }

    /// Pending events (cancelled ones are gone at once).
    @inlinable public var count: Int { heap.count }

    /// Pending events that have not been cancelled: the same as `count`.
    public var liveCount: Int { heap.count }

    @inlinable public var isEmpty: Bool { heap.isEmpty }

    /// Sequence numbers of ordinary events carry this bit, urgent ones do
    /// not: at equal times every urgent event pops before every ordinary
    /// one, and each class stays first-in first-out.
    @usableFromInline static var ordinaryBit: UInt64 { 1 << 63 }

    /// Adds an event at `time`. An `urgent` event goes before the ordinary
    /// events of the same time (bookkeeping such as closing a statistics
    /// interval at a boundary, which must see the state before that instant).
    /// - Complexity: O(log n).
    @inlinable @discardableResult
    public mutating func push(_ event: Event, at time: Double, urgent: Bool = false) -> EventID {
        precondition(time >= 0 && time.isFinite, "event time must be finite and non-negative")
        let sequence = urgent ? nextSequence : nextSequence | Self.ordinaryBit
        let entry = Entry(time: time, sequence: sequence, event: event)
        nextSequence &+= 1
        heap.append(entry)
        heap.withUnsafeMutableBufferPointer { a in
            Self.siftUp(a, from: a.count - 1, entry)
        }
        return EventID(sequence: entry.sequence)
    }

    /// Removes a pending event so that it never pops. Returns false, and
    /// changes nothing, when the event already fired or was cancelled.
    /// - Complexity: O(n) to find the entry (cancelling is rare: a boot
    ///   stopped, a termination deadline no longer needed), O(log n) to remove it.
    @discardableResult
    public mutating func cancel(_ id: EventID) -> Bool {
        precondition(id.sequence & ~Self.ordinaryBit < nextSequence, "cancelling an event that was never scheduled")
        guard let position = heap.firstIndex(where: { $0.sequence == id.sequence }) else { return false }
        let last = heap.removeLast()
        if position < heap.count {
            heap.withUnsafeMutableBufferPointer { a in
                if position > 0 && last.precedes(a[(position - 1) / Self.arity]) {
                    Self.siftUp(a, from: position, last)
                } else {
                    Self.siftDown(a, from: position, last)
                }
            }
        }
        return true
    }

    /// Whether every entry is preceded by its parent: the heap property,
    /// for invariant checks (O(n)).
    public func isHeapOrdered() -> Bool {
        heap.indices.dropFirst().allSatisfy { !heap[$0].precedes(heap[($0 - 1) / Self.arity]) }
    }

    /// Time of the earliest pending event.
    /// - Complexity: O(1).
    @inlinable
    public func peekTime() -> Double? {
        heap.first?.time
    }

    /// Removes and returns the earliest live event.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func pop() -> (time: Double, id: EventID, event: Event)? {
        guard let top = removeTop() else { return nil }
        return (top.time, EventID(sequence: top.sequence), top.event)
    }

    /// Removes and returns the earliest live event if it is due at or before
    /// `end` (the run loop's one call per event).
    /// - Complexity: O(log n).
    @inlinable
    public mutating func pop(notAfter end: Double) -> (time: Double, event: Event)? {
        guard let first = heap.first, first.time <= end, let top = removeTop() else { return nil }
        return (top.time, top.event)
    }

    /// One pass over the storage: take the root, sift the last entry into
    /// the hole over the first n − 1 slots, then drop the last slot.
    @inlinable @inline(__always)
    mutating func removeTop() -> Entry? {
        let n = heap.count
        if n == 0 { return nil }
        let top = heap.withUnsafeMutableBufferPointer { a -> Entry in
            let top = a[0]
            if n > 1 {
                Self.siftDownBottomUp(UnsafeMutableBufferPointer(rebasing: a[0 ..< n - 1]), a[n - 1])
            }
            return top
        }
        heap.removeLast()
        return top
    }

    /// Moves `entry` up from the hole at `index` to its place.
    @inlinable @inline(__always)
    static func siftUp(_ a: UnsafeMutableBufferPointer<Entry>, from index: Int, _ entry: Entry) {
        var i = index
        while i > 0 {
            let parent = (i - 1) / arity
            if !entry.precedes(a[parent]) { break }
            a[i] = a[parent]
            i = parent
        }
        a[i] = entry
    }

    /// Moves `entry` down from the hole at `index` to its place (textbook
    /// sift-down, used when a cancelled entry's slot is refilled).
    @inlinable
    static func siftDown(_ a: UnsafeMutableBufferPointer<Entry>, from index: Int, _ entry: Entry) {
        let n = a.count
        var i = index
        while true {
            let first = arity * i + 1
            if first >= n { break }
            var best = first
            for k in first + 1 ..< Swift.min(first + arity, n) where a[k].precedes(a[best]) { best = k }
            if !a[best].precedes(entry) { break }
            a[i] = a[best]
            i = best
        }
        a[i] = entry
    }

    /// Bottom-up deletion (Floyd): the hole left by the root walks down
    /// along the smallest children to a leaf without comparing against
    /// `entry`, then `entry` sifts up from there. The last element of a heap
    /// usually belongs near the bottom, so this does fewer comparisons than
    /// the textbook sift-down.
    @inlinable @inline(__always)
    static func siftDownBottomUp(_ a: UnsafeMutableBufferPointer<Entry>, _ entry: Entry) {
        let n = a.count
        var i = 0
        while true {
            let first = arity * i + 1
            var best = first
            if first + arity <= n {
                // A full group of four: pick the smallest with selects, not branches.
                var bestKey = a[first].key
                for k in first + 1 ..< first + arity {
                    let key = a[k].key
                    let smaller = key < bestKey
                    best = smaller ? k : best
                    bestKey = smaller ? key : bestKey
                }
            } else {
                if first >= n { break }
                for k in first + 1 ..< n where a[k].precedes(a[best]) { best = k }
            }
            a[i] = a[best]
            i = best
        }
        siftUp(a, from: i, entry)
    }
}
