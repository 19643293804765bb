/// The time-weighted integral of a piecewise-constant quantity (number in
/// system, busy slots, ready instances...). `advance` before each change.
struct TimeAverage {
    var value: Double = 0
    /// ∫ value dt since the last reset.
    private(set) var area: Double = 0
    private var last: Double = 0

    mutating func advance(to now: Double) {
        area += value * (now - last)
        last = now
    }

    mutating func reset(at now: Double) {
        area = 0
        last = now
    }
}

/// Every time-weighted quantity of a run, advanced together once per event.
struct Gauges {
    var inSystem = TimeAverage()
    var busySlots = TimeAverage()
    var readySlots = TimeAverage()
    var liveInstances = TimeAverage()
    var pendingInstances = TimeAverage()
    var billedInstances = TimeAverage()
    var activeHosts = TimeAverage()
    var memoryOverheadMiB = TimeAverage()
    /// Busy and ready slot-seconds in the current timeseries interval,
    /// reset at each sample rather than at the warm-up.
    var intervalBusyArea = 0.0
    var intervalReadyArea = 0.0
    private var last = 0.0

    mutating func advance(to now: Double) {
        let dt = now - last
        last = now
        intervalBusyArea += busySlots.value * dt
        intervalReadyArea += readySlots.value * dt
        inSystem.advance(to: now)
        busySlots.advance(to: now)
        readySlots.advance(to: now)
        liveInstances.advance(to: now)
        pendingInstances.advance(to: now)
        billedInstances.advance(to: now)
        activeHosts.advance(to: now)
        memoryOverheadMiB.advance(to: now)
    }

    mutating func reset(at now: Double) {
        inSystem.reset(at: now)
        busySlots.reset(at: now)
        readySlots.reset(at: now)
        liveInstances.reset(at: now)
        pendingInstances.reset(at: now)
        billedInstances.reset(at: now)
        activeHosts.reset(at: now)
        memoryOverheadMiB.reset(at: now)
    }
}
