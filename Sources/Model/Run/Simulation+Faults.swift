import SimCore

/// Scripted faults: a killed instance is lost at once. Its in-service and
/// queued requests fail (`errors`), it leaves the load balancer, its host
/// capacity is returned; a `deployment` replaces it (full boot), bare `pods`
/// are not replaced and `desired` drops with them.
extension Simulation {
    mutating func fault(_ target: FaultSpec.Target, _ engine: inout Engine<SimEvent>) {
        switch target {
        case .pod(let given):
            let victim = given ?? instances.indices.first { instances[$0].state == .ready }
            guard let v = victim, v < instances.count else { return }
            let lost = kill(Int32(v), &engine) ? 1 : 0
            afterLoss(lost, &engine)
        case .container(let given):
            // Replaced by the restart path in the next commit.
            let victim = given ?? instances.indices.first { instances[$0].state == .ready }
            guard let v = victim, v < instances.count else { return }
            afterLoss(kill(Int32(v), &engine) ? 1 : 0, &engine)
        case .node(let given):
            guard let h = given ?? defaultNodeVictim(), h < hosts.count, hosts[h].state != .gone else { return }
            // Gone first, so that no instance is placed on it while its own are lost.
            removeHost(h, engine.now)
            var lost = 0
            for i in instances.indices where instances[i].host == Int32(h) && instances[i].state != .gone {
                if kill(Int32(i), &engine) { lost += 1 }
            }
            afterLoss(lost, &engine)
        }
    }

    /// A random failure: the instance is lost if it is still Ready.
    mutating func fail(instance id: Int32, _ engine: inout Engine<SimEvent>) {
        guard instances[Int(id)].state == .ready else { return }
        afterLoss(kill(id, &engine) ? 1 : 0, &engine)
    }

    /// The lowest-id host that runs an instance, else the lowest-id host not gone.
    private func defaultNodeVictim() -> Int? {
        hosts.indices.first { hosts[$0].state != .gone && hosts[$0].instances > 0 }
            ?? hosts.indices.first { hosts[$0].state != .gone }
    }

    /// Loses one instance at once. Returns whether it counted toward the
    /// desired replicas (it was not already on its way out).
    private mutating func kill(_ id: Int32, _ engine: inout Engine<SimEvent>) -> Bool {
        let i = Int(id)
        let wasLive = instances[i].isLive
        switch instances[i].state {
        case .gone:
            return false
        case .pending, .starting, .booting, .initializing:
            terminate(id, &engine)
        case .ready:
            balancer.remove(id)
            gauges.readySlots.add(-(Double(concurrency)), at: engine.now)
            instances[i].state = .terminating
            instances[i].terminatingAt = engine.now
            noteReadyChange(engine.now)
            failHeldRequests(id, &engine)
            retire(id, &engine)
        case .terminating:
            if let deadline = instances[i].deadlineEvent { engine.cancel(deadline) }
            instances[i].deadlineEvent = nil
            failHeldRequests(id, &engine)
            retire(id, &engine)
        }
        if wasLive { availability.losses.append(engine.now) }
        return wasLive
    }

    /// A deployment's ReplicaSet replaces the lost instances at once (each
    /// replacement remembers the loss it recovers); bare pods lower `desired`.
    private mutating func afterLoss(_ lost: Int, _ engine: inout Engine<SimEvent>) {
        guard lost > 0 else { return }
        switch spec.workload {
        case .pods:
            desired = Swift.max(0, desired - lost)
            availability.losses.removeAll()
        case .deployment:
            let before = instances.count
            reconcile(&engine)
            for i in before..<instances.count {
                guard let loss = availability.losses.first else { break }
                availability.losses.removeFirst()
                instances[i].recovers = loss
            }
            availability.losses.removeAll()
        }
    }

    /// Fails what an instance holds: queued and in-service requests.
    private mutating func failHeldRequests(_ i: Int32, _ engine: inout Engine<SimEvent>) {
        while let id = instances[Int(i)].queue.popFirst() { fail(id, engine.now) }
        // A scan of the live pool: once per killed instance, never per request.
        for id in requests.liveIDs() where requests[id].instance == i {
            engine.cancel(requests[id].departureEvent)
            gauges.busySlots.add(-1, at: engine.now)
            instances[Int(i)].changeBusy(by: -1, at: engine.now)
            fail(id, engine.now)
        }
    }

    private mutating func fail(_ id: Int32, _ now: Double) {
        if requests[id].counted { counters.errors += 1 }
        counters.all.errors += 1
        interval.rejections += 1
        gauges.inSystem.add(-1, at: now)
        requests.remove(id)
    }

    /// Keeps the zero-Ready clock after the Ready count changed.
    mutating func noteReadyChange(_ now: Double) {
        availability.readyCountChanged(to: balancer.endpoints.count, at: now, window: spec.warmup...spec.duration)
    }

    /// A replacement became Ready: the loss it stands for is recovered.
    mutating func noteRecovery(_ id: Int32, _ now: Double) {
        let loss = instances[Int(id)].recovers
        guard !loss.isNaN else { return }
        availability.recoveries += 1
        availability.recoveryTimeSum += now - loss
    }
}

/// Availability bookkeeping: time in the statistics window with no Ready
/// instance, and recoveries of lost instances.
struct AvailabilityLog {
    /// When the Ready count last fell to zero (nil while some are Ready).
    var zeroSince: Double? = 0
    var downtime = 0.0
    var recoveries = 0
    var recoveryTimeSum = 0.0
    /// Loss times of the event being handled, matched to replacements.
    var losses: [Double] = []

    mutating func readyCountChanged(to count: Int, at now: Double, window: ClosedRange<Double>) {
        if count == 0, zeroSince == nil {
            zeroSince = now
        } else if count > 0, let since = zeroSince {
            downtime += Self.overlap(since, now, window)
            zeroSince = nil
        }
    }

    /// Downtime up to the end of the window, an open zero-Ready stretch included.
    func downtime(window: ClosedRange<Double>) -> Double {
        downtime + (zeroSince.map { Self.overlap($0, window.upperBound, window) } ?? 0)
    }

    static func overlap(_ a: Double, _ b: Double, _ w: ClosedRange<Double>) -> Double {
        Swift.max(0, Swift.min(b, w.upperBound) - Swift.max(a, w.lowerBound))
    }
}
