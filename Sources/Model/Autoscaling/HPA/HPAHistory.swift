/// One HPA's memory between syncs, as the controller keeps it in its maps
/// (`recommendations`, `scaleUpEvents`, `scaleDownEvents`): a value the
/// caller stores and passes back at the next sync.
public struct HPAHistory: Sendable, Equatable {
    /// Unstabilized recommendations. nil: this HPA has none yet, so the next
    /// sync first records {currentReplicas, now} (`recordInitialRecommendation`).
    public var recommendations: [HPARecommendation]?
    public var scaleUpEvents: [HPAScaleEvent]
    public var scaleDownEvents: [HPAScaleEvent]

    public init(recommendations: [HPARecommendation]? = nil, scaleUpEvents: [HPAScaleEvent] = [],
                scaleDownEvents: [HPAScaleEvent] = []) {
        self.recommendations = recommendations
        self.scaleUpEvents = scaleUpEvents
        self.scaleDownEvents = scaleDownEvents
    }

    /// Stores `recommendation` in place of the entry at `reuse`, or appends it.
    mutating func record(_ recommendation: HPARecommendation, reusing reuse: Int?) {
        var list = recommendations ?? []
        if let reuse { list[reuse] = recommendation } else { list.append(recommendation) }
        recommendations = list
    }

    /// Records a scale from `previous` to `new` replicas (H `storeScaleEvent`):
    /// nothing without `behavior`; otherwise the events of that direction
    /// older than its longest policy period are marked outdated and the last
    /// outdated slot is reused, else the event is appended.
    public mutating func storeScaleEvent(behavior: HPABehavior?, from previous: Int, to new: Int, now: Double) {
        guard let behavior, new != previous else { return }
        let up = new > previous
        let period = Double(up ? behavior.scaleUp.longestPolicyPeriod : behavior.scaleDown.longestPolicyPeriod)
        var events = up ? scaleUpEvents : scaleDownEvents
        var reuse: Int?
        for i in events.indices {
            if events[i].time < now - period { events[i].outdated = true }
            if events[i].outdated { reuse = i }
        }
        let event = HPAScaleEvent(time: now, replicaChange: abs(new - previous))
        if let reuse { events[reuse] = event } else { events.append(event) }
        if up { scaleUpEvents = events } else { scaleDownEvents = events }
    }

    /// Sum of the changes of `events` strictly newer than `now − periodSeconds`
    /// (H `getReplicasChangePerPeriod`).
    public static func change(in events: [HPAScaleEvent], periodSeconds: Int, now: Double) -> Int {
        let cutoff = now - Double(periodSeconds)
        return events.reduce(0) { $1.time > cutoff ? $0 + $1.replicaChange : $0 }
    }
}

/// A recommendation the HPA made at `time` before stabilization.
public struct HPARecommendation: Sendable, Equatable {
    public var time: Double
    public var replicas: Int

    public init(time: Double, replicas: Int) {
        self.time = time
        self.replicas = replicas
    }
}

/// A scale the HPA performed: `replicaChange` pods added or removed (a
/// magnitude; the list it sits in gives the direction).
public struct HPAScaleEvent: Sendable, Equatable {
    public var time: Double
    public var replicaChange: Int
    /// Older than the direction's longest policy period when last checked;
    /// the slot may be reused (H `markScaleEventsOutdated`).
    public var outdated: Bool

    public init(time: Double, replicaChange: Int, outdated: Bool = false) {
        self.time = time
        self.replicaChange = replicaChange
        self.outdated = outdated
    }
}
