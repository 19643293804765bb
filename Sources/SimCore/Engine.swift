/// A model that reacts to its own events.
///
/// The model keeps its state; the engine keeps time and the pending events.
/// `handle` schedules follow-up events on the engine it is given.
public protocol EventHandler {
    associatedtype Event
    mutating func handle(_ event: Event, engine: inout Engine<Event>)
}

/// Simulated time and the pending-event set, with the run loop.
///
/// Time is in seconds, a `Double` that starts at 0 and never goes back.
public struct Engine<Event> {
    @usableFromInline var clock: Double = 0
    @usableFromInline var queue = EventQueue<Event>()
    @usableFromInline var handled: UInt64 = 0

    /// The current simulated time.
    @inlinable public var now: Double { clock }
    /// Events handled so far (cancelled ones are not counted).
    public var eventsHandled: UInt64 { handled }

    public init() {}

    /// Schedules `event` after `delay` seconds (a programmer error if negative).
    @inlinable @discardableResult
    public mutating func schedule(_ event: Event, after delay: Double) -> EventID {
        precondition(delay >= 0, "negative delay \(delay)")
        return queue.push(event, at: now + delay)
    }

    /// Schedules `event` at an absolute time not earlier than now; an
    /// `urgent` one goes before the ordinary events of that time.
    @inlinable @discardableResult
    public mutating func schedule(_ event: Event, at time: Double, urgent: Bool = false) -> EventID {
        precondition(time >= now, "scheduling in the past: \(time) < \(now)")
        return queue.push(event, at: time, urgent: urgent)
    }

    /// Cancels a pending event so that it never fires. Cancelling one that
    /// already fired or was cancelled does nothing and returns false.
    @discardableResult
    public mutating func cancel(_ id: EventID) -> Bool {
        queue.cancel(id)
    }

    /// Pending events.
    public var pendingCount: Int { queue.count }

    /// Drops every pending event: the run loop then ends (a checked run
    /// stopping at an invariant violation).
    public mutating func cancelAll() { queue = EventQueue() }

    /// Whether the pending-event set is a valid heap (invariant checks).
    public var queueIsHeapOrdered: Bool { queue.isHeapOrdered() }

    /// The time of the earliest pending event, if any.
    public var nextEventTime: Double? { queue.peekTime() }

    /// Handles every event due at or before `end` in (time, sequence) order,
    /// then leaves the clock at `end`.
    @inlinable
    public mutating func run<H: EventHandler>(until end: Double, _ handler: inout H) where H.Event == Event {
        precondition(end >= now, "run(until:) into the past")
        while let next = queue.pop(notAfter: end) {
            clock = next.time
            handled &+= 1
            handler.handle(next.event, engine: &self)
        }
        clock = end
    }
}
