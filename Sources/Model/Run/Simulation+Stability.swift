import SimCore

/// Whether a run's results can be trusted as steady-state figures: a run
/// whose queue still grows at its end, or that leaves a noticeable share of
/// its requests unfinished, is flagged rather than reported as if it were fine.
///
/// The rule (README, "Overload"): a run is unstable when
/// - more than `unfinishedShareLimit` of the window's arrivals are still in
///   the system at the end, or
/// - its queue is unlimited, the work offered over the last quarter of the
///   window is at least the Ready capacity of that quarter (offered load ≥ 1),
///   and the time-average number in the system over that quarter is more than
///   `growthFactor` times the average over the three before: the backlog is
///   growing (a backlog growing linearly from zero gives 7/3).
struct StabilityCheck {
    static let unfinishedShareLimit = 0.01
    static let growthFactor = 1.5

    /// Offered work, Ready capacity and number in system (integrated from
    /// the start of the window) when the last quarter began.
    var tailOfferedWork = 0.0
    var tailReadyArea = 0.0
    var tailInSystemArea = 0.0

    /// When the last quarter of the statistics window begins.
    static func tailStart(_ spec: ScenarioSpec) -> Double {
        spec.warmup + 0.75 * (spec.duration - spec.warmup)
    }

    struct Verdict {
        var unfinished: Int
        /// Offered work ÷ Ready slot-seconds over the window (and its last quarter).
        var offeredLoad: Double
        var tailLoad: Double
        var stable: Bool
    }

    func verdict(unfinished: Int, arrivals: Int, offeredWork: Double, readyArea: Double,
                 inSystemArea: Double, window: Double, unlimitedQueue: Bool) -> Verdict {
        let load = readyArea > 0 ? offeredWork / readyArea : (offeredWork > 0 ? .infinity : .nan)
        let tailArea = readyArea - tailReadyArea
        let tailWork = offeredWork - tailOfferedWork
        let tailLoad = tailArea > 0 ? tailWork / tailArea : (tailWork > 0 ? .infinity : .nan)
        let share = arrivals > 0 ? Double(unfinished) / Double(arrivals) : 0
        let headMean = tailInSystemArea / (0.75 * window)
        let tailMean = (inSystemArea - tailInSystemArea) / (0.25 * window)
        let growing = unlimitedQueue && tailLoad >= 1 && tailMean > Self.growthFactor * headMean
        return Verdict(unfinished: unfinished, offeredLoad: load, tailLoad: tailLoad,
                       stable: share <= Self.unfinishedShareLimit && !growing)
    }
}

extension Simulation {
    /// Notes the offered work and Ready capacity as the last quarter begins.
    mutating func beginTail(_ now: Double) {
        gauges.readySlots.settle(at: now)
        gauges.inSystem.settle(at: now)
        stability.tailOfferedWork = counters.offeredWork
        stability.tailReadyArea = gauges.readySlots.area
        stability.tailInSystemArea = gauges.inSystem.area
    }

    func stabilityVerdict() -> StabilityCheck.Verdict {
        stability.verdict(
            unfinished: requests.inUse, arrivals: counters.requests, offeredWork: counters.offeredWork,
            readyArea: gauges.readySlots.area, inSystemArea: gauges.inSystem.area,
            window: spec.duration - spec.warmup, unlimitedQueue: spec.queueLimit == nil)
    }
}
