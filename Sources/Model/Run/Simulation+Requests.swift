import SimCore
import SimRandom

/// Requests: arrival, load balancing, service, departure.
extension Simulation {
    mutating func arrive(_ engine: inout Engine<SimEvent>) {
        let now = engine.now
        let counted = now >= spec.warmup
        counters.arrivalsSimulated += 1
        if counted { counters.requests += 1 }
        interval.arrivals += 1
        // Demand is drawn for every arrival, served or not, so the demand
        // stream stays aligned across scenarios (common random numbers).
        var service = spec.demand.cpu.sample(demandStream) * cpuFactor
        if let io = spec.demand.io { service += io.sample(demandStream) * ioFactor }
        if counted { counters.offeredWork += service }
        if let next = arrivals.next(after: now, horizon: spec.duration) { engine.schedule(.arrival, at: next) }

        guard let target = pickInstance() else { return reject(counted) }
        let t = Int(target)
        // The balancer may still list an instance that is gone (a propagation
        // delay, a dead node or VM nobody has noticed yet): the request fails.
        if instances[t].state == .gone { return count(.failed, counted: counted) }
        if instances[t].busy < concurrency {
            let id = requests.add(Request(arrival: now, service: service, instance: target, counted: counted))
            gauges.inSystem.add(1, at: engine.now)
            instances[t].accepted += 1
            balancer.outstandingChanged(target, by: 1)
            beginService(id, on: target, &engine)
        } else if let limit = spec.queueLimit, instances[t].queue.count >= limit {
            reject(counted)
        } else {
            let id = requests.add(Request(arrival: now, service: service, instance: target, counted: counted))
            gauges.inSystem.add(1, at: engine.now)
            instances[t].accepted += 1
            instances[t].queue.append(id)
            balancer.outstandingChanged(target, by: 1)
        }
    }

    mutating func reject(_ counted: Bool) {
        noteRolloutLoss(rejected: true)
        if counted { counters.rejected += 1 }
        counters.all.rejected += 1
        interval.rejections += 1
    }

    mutating func beginService(_ id: Int32, on target: Int32, _ engine: inout Engine<SimEvent>) {
        instances[Int(target)].changeBusy(by: 1, at: engine.now)
        gauges.busySlots.add(1, at: engine.now)
        let now = engine.now
        requests[id].start = now
        requests[id].departureEvent = engine.schedule(.departure(request: id), after: requests[id].service)
    }

    mutating func depart(_ id: Int32, _ engine: inout Engine<SimEvent>) {
        let now = engine.now
        let r = requests[id]
        requests.remove(id)
        gauges.inSystem.add(-1, at: engine.now)
        gauges.busySlots.add(-1, at: engine.now)
        let latency = now - r.arrival
        counters.all.completed += 1
        if r.counted {
            counters.completed += 1
            counters.waitSum += r.start - r.arrival
            counters.latencySum += latency
            self.latency.record(UInt64(latency * 1e6))
            if let slo = spec.sloLatency, latency > slo { counters.sloViolations += 1 }
        }
        if now >= spec.warmup { counters.completionsInWindow += 1 }
        interval.completions += 1
        interval.latency.record(UInt64(latency * 1e6))

        let i = Int(r.instance)
        instances[i].changeBusy(by: -1, at: now)
        balancer.outstandingChanged(r.instance, by: -1)
        if let next = instances[i].queue.popFirst() {
            beginService(next, on: r.instance, &engine)
        } else if instances[i].state == .terminating && instances[i].busy == 0 {
            if let deadline = instances[i].deadlineEvent { engine.cancel(deadline) }
            retire(r.instance, &engine)
        }
    }

    /// The endpoint for a new request, or nil when no instance is Ready.
    mutating func pickInstance() -> Int32? {
        balancer.pick(balancerStream)
    }

    /// Drops what a terminating instance still holds once its grace is over.
    mutating func dropHeldRequests(_ i: Int32, _ engine: inout Engine<SimEvent>) {
        instances[Int(i)].deadlineEvent = nil
        removeHeldRequests(i, as: .dropped, &engine)
        retire(i, &engine)
    }

    /// Ends every request an instance holds, queued or in service, unserved.
    mutating func removeHeldRequests(_ i: Int32, as outcome: Unserved, _ engine: inout Engine<SimEvent>) {
        while let id = instances[Int(i)].queue.popFirst() { endUnserved(id, outcome, engine.now) }
        // In-service requests are found by scanning the live pool: this runs
        // once per lost or forced-out instance, never per request.
        for id in requests.liveIDs() where requests[id].instance == i {
            engine.cancel(requests[id].departureEvent)
            gauges.busySlots.add(-1, at: engine.now)
            instances[Int(i)].changeBusy(by: -1, at: engine.now)
            endUnserved(id, outcome, engine.now)
        }
    }

    private mutating func endUnserved(_ id: Int32, _ outcome: Unserved, _ now: Double) {
        balancer.outstandingChanged(requests[id].instance, by: -1)
        count(outcome, counted: requests[id].counted)
        gauges.inSystem.add(-1, at: now)
        requests.remove(id)
    }

    /// Counts a request that ended unserved (a window arrival in the run's metrics).
    mutating func count(_ outcome: Unserved, counted: Bool) {
        noteRolloutLoss(rejected: false)
        switch outcome {
        case .dropped:
            if counted { counters.dropped += 1 }
            counters.all.dropped += 1
        case .failed:
            if counted { counters.errors += 1 }
            counters.all.errors += 1
        }
        interval.rejections += 1
    }
}

/// How a request that was accepted ends without being served: `dropped`
/// when its terminating instance's grace is over, `failed` when its
/// instance is lost (or was already gone when the request was sent).
enum Unserved { case dropped, failed }
