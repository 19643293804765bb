/// Stabilization over the recommendation history: the proposal is bounded
/// by the recommendations of a recent window, and the unstabilized proposal
/// is stored (reusing one slot older than the windows, else appended).
public enum HPAStabilizer {
    /// Without `behavior` (H `stabilizeRecommendation`): the maximum of the
    /// proposal and every recommendation no older than `window` seconds.
    /// Scale-up is never delayed on this path.
    public static func legacy(proposal: Int, window: Double, history: inout HPAHistory, now: Double) -> Int {
        let cutoff = now - window
        var result = proposal
        var reuse: Int?
        for (i, rec) in (history.recommendations ?? []).enumerated() {
            if rec.time < cutoff {
                reuse = i
            } else if rec.replicas > result {
                result = rec.replicas
            }
        }
        history.record(HPARecommendation(time: now, replicas: proposal), reusing: reuse)
        return result
    }

    /// With `behavior` (H `stabilizeRecommendationWithBehaviors`): scale up
    /// only to the smallest recommendation strictly newer than
    /// now − `upWindow`, and down only to the largest newer than
    /// now − `downWindow`; start from `current`, so a proposal that goes
    /// against the history keeps the current count.
    public static func withBehavior(current: Int, proposal: Int, upWindow: Double, downWindow: Double,
                                    history: inout HPAHistory, now: Double) -> Int {
        let upCutoff = now - upWindow, downCutoff = now - downWindow
        var upFloor = proposal, downCeiling = proposal
        var reuse: Int?
        for (i, rec) in (history.recommendations ?? []).enumerated() {
            if rec.time > upCutoff { upFloor = min(upFloor, rec.replicas) }
            if rec.time > downCutoff { downCeiling = max(downCeiling, rec.replicas) }
            if rec.time < upCutoff && rec.time < downCutoff { reuse = i }
        }
        var result = current
        if result < upFloor { result = upFloor }
        if result > downCeiling { result = downCeiling }
        history.record(HPARecommendation(time: now, replicas: proposal), reusing: reuse)
        return result
    }
}
