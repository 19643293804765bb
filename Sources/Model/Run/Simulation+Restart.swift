import SimCore

/// Container crashes and kubelet restarts (CrashLoopBackOff). The pod keeps
/// its node, its requests on the node and its image; its container is a
/// new instance (so that each instance's lifecycle only moves forward) that
/// waits its back-off, then starts again without scheduling or pull.
extension Simulation {
    /// The container of a running instance crashes. Nothing happens to one
    /// that is not running (Pending, still before its process, or gone).
    mutating func crashContainer(_ id: Int32, _ engine: inout Engine<SimEvent>) {
        let i = Int(id)
        let now = engine.now
        guard instances[i].state == .ready || instances[i].state == .initializing else { return }
        if instances[i].state == .ready {
            leaveReady(id, &engine)
        } else if let event = instances[i].phaseEvent {
            engine.cancel(event)
        }
        deployment.rollout?.guarded = false
        removeHeldRequests(id, as: .failed, &engine)
        let old = instances[i]
        // The old container is gone; its place on the node passes to the new one.
        instances[i].state = .gone
        instances[i].goneAt = now
        instances[i].pinnedLayers = []
        if old.terminatingAt.isNaN { instances[i].terminatingAt = now }

        let ranLongEnough = !old.runningAt.isNaN && now - old.runningAt >= spec.backoff.reset
        let newID = Int32(instances.count)
        var next = Instance(requestedAt: now, phases: phaseNames.count)
        next.host = old.host
        // Still the same pod to the API: its start time is the pod's.
        next.placedAt = old.placedAt
        next.state = .starting
        next.revision = old.revision
        next.pod = old.pod
        next.restarts = ranLongEnough ? 1 : old.restarts + 1
        next.isRestart = true
        next.pinnedLayers = old.pinnedLayers
        next.recovers = now
        let wait = spec.backoff.delay(restart: next.restarts)
        next.phaseEvent = engine.schedule(.restartDue(instance: newID), after: wait)
        instances.append(next)
        deployment.restarts += 1
        note(now, "pod/\(old.pod)", "BackOff", "restart \(next.restarts) in \(seconds(wait)) s")
    }

    /// The back-off is over: the container starts from the first phase that
    /// runs in the pod (create on a container, the application's init on a VM).
    mutating func restartContainer(_ id: Int32, _ engine: inout Engine<SimEvent>) {
        let i = Int(id)
        guard instances[i].state == .starting, instances[i].phaseIndex < 0 else { return }
        instances[i].phaseEvent = nil
        note(engine.now, "pod/\(instances[i].pod)", "Started", "restart \(instances[i].restarts)")
        let first = spec.platform.kind == .container ? "create" : "init"
        beginPhase(phaseNames.firstIndex(of: first) ?? phaseNames.count, of: id, &engine)
    }
}
