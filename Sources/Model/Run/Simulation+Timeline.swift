/// events.csv: the run's lifecycle and controller events, in time order.
extension Simulation {
    mutating func note(_ time: Double, _ object: String, _ kind: String, _ detail: String = "") {
        timeline.append(TimelineEvent(time: time, object: object, kind: kind, detail: detail))
    }
}

/// A duration for an event's detail: rounded to the millisecond, no trailing zeros.
func seconds(_ x: Double) -> String {
    let ms = (x * 1000).rounded() / 1000
    return ms == ms.rounded() ? String(Int(ms)) : "\(ms)"
}
