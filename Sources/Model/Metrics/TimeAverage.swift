/// The time integral of a piecewise-constant quantity (number in system,
/// busy slots, ready instances...), integrated lazily: only when it changes
/// or is read, so an event pays only for the quantities it touches.
struct TimeAverage {
    private(set) var value: Double = 0
    /// ∫ value dt since the last `reset` (the statistics window).
    private(set) var area: Double = 0
    /// ∫ value dt since the last `resetInterval` (the timeseries interval).
    private(set) var intervalArea: Double = 0
    private var last: Double = 0

    /// Integrates up to `now`.
    mutating func settle(at now: Double) {
        let piece = value * (now - last)
        area += piece
        intervalArea += piece
        last = now
    }

    mutating func add(_ delta: Double, at now: Double) {
        settle(at: now)
        value += delta
    }

    mutating func reset(at now: Double) {
        settle(at: now)
        area = 0
    }

    mutating func resetInterval(at now: Double) {
        settle(at: now)
        intervalArea = 0
    }
}

/// Every time-weighted quantity of a run.
struct Gauges {
    var inSystem = TimeAverage()
    var busySlots = TimeAverage()
    var readySlots = TimeAverage()
    var liveInstances = TimeAverage()
    /// Placed instances (billed, holding memory) are live minus pending:
    /// derived at the end rather than tracked.
    var pendingInstances = TimeAverage()
    var activeHosts = TimeAverage()

    private var all: [WritableKeyPath<Gauges, TimeAverage>] {
        [\.inSystem, \.busySlots, \.readySlots, \.liveInstances, \.pendingInstances, \.activeHosts]
    }

    /// Integrates every quantity up to `now` (before reading areas).
    mutating func settle(at now: Double) {
        for g in all { self[keyPath: g].settle(at: now) }
    }

    /// Starts the statistics window.
    mutating func reset(at now: Double) {
        for g in all { self[keyPath: g].reset(at: now) }
    }
}
