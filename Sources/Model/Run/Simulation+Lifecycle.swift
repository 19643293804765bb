import SimCore
import SimRandom

/// Instances: request, placement, boot phases, Ready, termination.
extension Simulation {
    /// Asks for one more instance. A warm one (the fleet at t = 0) that
    /// fits is Ready at once; any other goes through its boot pipeline.
    mutating func requestInstance(warm: Bool = false, revision: Int32 = 0, engine: inout Engine<SimEvent>) {
        let id = Int32(instances.count)
        accrueExtra(engine.now)
        var inst = Instance(requestedAt: engine.now, phases: phaseNames.count)
        inst.warm = warm
        inst.revision = revision
        inst.pod = id
        instances.append(inst)
        gauges.liveInstances.add(1, at: engine.now)
        gauges.pendingInstances.add(1, at: engine.now)
        unplaced.append(id)
        placeUnplaced(&engine)
    }

    /// Places waiting instances in order while a host fits the first one.
    mutating func placeUnplaced(_ engine: inout Engine<SimEvent>) {
        while let id = unplaced.first {
            let host: Int32
            if spec.cluster.hosts == nil {
                host = -1
            } else if let h = chooseHost() {
                host = h
            } else {
                return
            }
            unplaced.removeFirst()
            place(id, on: host, &engine)
        }
    }

    private mutating func place(_ id: Int32, on host: Int32, _ engine: inout Engine<SimEvent>) {
        let i = Int(id)
        let platform = spec.platform
        instances[i].host = host
        instances[i].placedAt = engine.now
        if host >= 0 {
            hosts[Int(host)].freeCpu -= platform.cpuRequest
            hosts[Int(host)].freeMemoryMiB -= platform.memoryRequestMiB + platform.memoryOverheadMiB
            hosts[Int(host)].instances += 1
        }
        gauges.pendingInstances.add(-1, at: engine.now)
        if instances[i].warm && engine.now == 0 {
            // The warm fleet was started before the run: its image is on its node.
            if host >= 0, let image = image(of: id) {
                for layer in image.layers {
                    hosts[Int(host)].cache.insert(layer.name, bytes: layer.bytes, pinned: true)
                    instances[i].pinnedLayers.append(layer.name)
                }
            }
            becomeReady(id, &engine)
        } else {
            instances[i].warm = false
            if host >= 0 { note(engine.now, "pod/\(id)", "Scheduled", "node/\(host)") }
            beginPhase(0, of: id, &engine)
        }
    }

    /// The image of the revision an instance runs (nil: the platform has none).
    func image(of id: Int32) -> ImageSpec? {
        let rev = Int(instances[Int(id)].revision)
        return rev == 0 ? spec.platform.image : spec.deployment.rollouts[rev - 1].image
    }

    /// Starts phase `k` of an instance's boot pipeline, or makes it Ready
    /// after the last one.
    mutating func beginPhase(_ k: Int, of id: Int32, _ engine: inout Engine<SimEvent>) {
        let i = Int(id)
        guard k < phaseNames.count else { return becomeReady(id, &engine) }
        let name = phaseNames[k]
        if name == "init" { instances[i].runningAt = engine.now }
        instances[i].phaseIndex = k
        instances[i].phaseStart = engine.now
        instances[i].state = InstanceState.during(phase: name)
        let platform = spec.platform
        let delay: Double
        if name == "pull", platform.kind == .container {
            guard let pullDelay = beginPull(id) else { return finishPhase(id, &engine) }
            instances[i].phaseEvent = engine.schedule(.pullStart(instance: id), after: pullDelay)
            return
        } else if name == "readiness", let probe = platform.probe {
            let started = instances[i].runningAt.isNaN ? engine.now : instances[i].runningAt
            delay = probe.readyTime(started: started, appReady: engine.now) - engine.now
        } else {
            delay = platform.phases[name]?.sample(bootStream) ?? 0
        }
        instances[i].phaseEvent = engine.schedule(.phaseDone(instance: id), after: Swift.max(0, delay))
    }

    /// Records the phase that just ended and starts the next one.
    mutating func finishPhase(_ id: Int32, _ engine: inout Engine<SimEvent>) {
        let i = Int(id)
        guard instances[i].state < .ready else { return }
        let k = instances[i].phaseIndex
        instances[i].phaseEvent = nil
        instances[i].phaseDurations[k] = engine.now - instances[i].phaseStart
        beginPhase(k + 1, of: id, &engine)
    }

    mutating func becomeReady(_ id: Int32, _ engine: inout Engine<SimEvent>) {
        let i = Int(id)
        let now = engine.now
        instances[i].state = .ready
        instances[i].readyAt = now
        if instances[i].runningAt.isNaN { instances[i].runningAt = now }
        gauges.readySlots.add(Double(concurrency), at: now)
        note(now, "pod/\(instances[i].pod)", "Ready", instances[i].warm ? "warm" : "")
        // The warm fleet's endpoints were known before the run began.
        if instances[i].warm && now == 0 { endpointChanged(id, add: true, now) } else { listEndpoint(id, &engine) }
        noteRecovery(id, now)
        notePodReady(id, &engine)
        if let failures = spec.failures {
            engine.schedule(.failure(instance: id), after: failures.timeToFailure.sample(failureStream))
        }
    }

    /// Takes an instance out of service: Pending or booting ones go at once;
    /// a Ready one stops receiving requests, finishes what it holds and is
    /// forced out after the termination grace period.
    mutating func terminate(_ id: Int32, _ engine: inout Engine<SimEvent>) {
        let i = Int(id)
        switch instances[i].state {
        case .pending:
            accrueExtra(engine.now)
            unplaced.removeAll { $0 == id }
            instances[i].state = .gone
            instances[i].goneAt = engine.now
            gauges.pendingInstances.add(-1, at: engine.now)
            gauges.liveInstances.add(-1, at: engine.now)
        case .starting, .booting, .initializing:
            if let event = instances[i].phaseEvent { engine.cancel(event) }
            retire(id, &engine)
        case .ready:
            leaveReady(id, &engine)
            instances[i].state = .terminating
            instances[i].terminatingAt = engine.now
            if instances[i].outstanding == 0 {
                retire(id, &engine)
            } else {
                instances[i].deadlineEvent = engine.schedule(
                    .terminationDeadline(instance: id), after: spec.platform.terminationGrace)
            }
        case .terminating, .gone:
            break
        }
    }

    /// The instance is Gone: its host capacity is freed for waiting ones.
    mutating func retire(_ id: Int32, _ engine: inout Engine<SimEvent>) {
        let i = Int(id)
        let platform = spec.platform
        accrueExtra(engine.now)
        instances[i].state = .gone
        instances[i].goneAt = engine.now
        gauges.liveInstances.add(-1, at: engine.now)
        let h = Int(instances[i].host)
        unpinLayers(of: id)
        if h >= 0 {
            hosts[h].freeCpu += platform.cpuRequest
            hosts[h].freeMemoryMiB += platform.memoryRequestMiB + platform.memoryOverheadMiB
            hosts[h].instances -= 1
            if hosts[h].state == .draining && hosts[h].instances == 0 { removeHost(h, engine.now) }
        }
        placeUnplaced(&engine)
        // A rollout may wait for old pods to be gone (Recreate, completion).
        if deployment.rollout != nil { reconcile(&engine) }
    }
}
