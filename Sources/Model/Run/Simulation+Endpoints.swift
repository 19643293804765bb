import SimCore

/// The Service's endpoints: the load balancer learns that an instance
/// became Ready, or stopped being Ready, `propagationDelay` later. Until
/// then it keeps sending requests by what it knows: a terminating
/// instance still takes them, one that is gone fails them (`errors`).
extension Simulation {
    /// The instance became Ready.
    mutating func listEndpoint(_ id: Int32, _ engine: inout Engine<SimEvent>) {
        let delay = spec.endpoints.propagationDelay
        if delay == 0 { return endpointChanged(id, add: true, engine.now) }
        engine.schedule(.endpoint(instance: id, add: true), after: delay)
    }

    /// The instance stopped being Ready (terminating, dead, or a dead one noticed).
    mutating func unlistEndpoint(_ id: Int32, _ engine: inout Engine<SimEvent>) {
        let delay = spec.endpoints.propagationDelay
        if delay == 0 { return endpointChanged(id, add: false, engine.now) }
        engine.schedule(.endpoint(instance: id, add: false), after: delay)
    }

    /// A change reaches the load balancer.
    mutating func endpointChanged(_ id: Int32, add: Bool, _ now: Double) {
        let i = Int(id)
        if add {
            guard !instances[i].listed else { return }
            balancer.add(id, outstanding: instances[i].outstanding)
            instances[i].listed = true
            if instances[i].state == .ready {
                serving += 1
                noteReadyChange(now)
            }
        } else {
            guard instances[i].listed else { return }
            balancer.remove(id)
            instances[i].listed = false
        }
        if spec.endpoints.propagationDelay > 0 {
            note(now, "endpoints", add ? "EndpointAdded" : "EndpointRemoved", "pod/\(instances[i].pod)")
        }
    }

    /// The instance leaves the Ready state: it stops counting as serving at
    /// once, and its endpoint goes after the propagation delay.
    mutating func leaveReady(_ id: Int32, _ engine: inout Engine<SimEvent>, unlist: Bool = true) {
        let i = Int(id)
        gauges.readySlots.add(-(Double(concurrency)), at: engine.now)
        if instances[i].listed {
            serving -= 1
            noteReadyChange(engine.now)
        }
        if unlist { unlistEndpoint(id, &engine) }
    }
}
