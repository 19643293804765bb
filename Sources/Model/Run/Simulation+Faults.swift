import SimCore

/// Faults and self-healing. A lost instance dies at once: its in-service
/// and queued requests fail (`errors`) and its host capacity is returned.
/// Who notices, and when, depends on what died:
/// - a container pod (`kill: pod`, a random failure with `replace`): the
///   API sees it at once; it leaves the endpoints (after the propagation
///   delay) and a Deployment's ReplicaSet replaces it;
/// - a container node (`kill: node`): its pods leave the endpoints when the
///   node is marked NotReady and are replaced when evicted (`nodeFailure`);
/// - a VM or microVM (killed, or on a killed host): the health check finds
///   it (`healthCheck`), then it leaves the load balancer and is replaced;
/// - a crashed container (`kill: container`, `recovery: restart`): the
///   kubelet restarts it in place after its back-off (Simulation+Restart).
/// Bare pods are never replaced: `desired` drops when the loss is noticed.
extension Simulation {
    mutating func fault(_ target: FaultSpec.Target, _ engine: inout Engine<SimEvent>) {
        switch target {
        case .pod(let given):
            guard let v = faultVictim(given) else { return }
            lose([v], reason: "pod killed", &engine)
        case .container(let given):
            guard let v = faultVictim(given) else { return }
            crashContainer(v, &engine)
        case .node(let given):
            guard let h = given ?? defaultNodeVictim(), h < hosts.count, hosts[h].state != .gone else { return }
            // Gone first, so that no instance is placed on it while its own are lost.
            removeHost(h, engine.now)
            note(engine.now, "node/\(h)", "NodeLost")
            let victims = instances.indices.filter { instances[$0].host == Int32(h) && instances[$0].state != .gone }
            lose(victims.map { Int32($0) }, reason: "node/\(h) lost", node: Int32(h), &engine)
        }
    }

    /// A random failure: the instance is lost (or its container restarts) if it is still Ready.
    mutating func fail(instance id: Int32, _ engine: inout Engine<SimEvent>) {
        guard instances[Int(id)].state == .ready else { return }
        if case .restart = spec.failures?.recovery {
            crashContainer(id, &engine)
        } else {
            lose([id], reason: "failed", &engine)
        }
    }

    /// The given instance, or the Ready one with the lowest id.
    private func faultVictim(_ given: Int?) -> Int32? {
        guard let v = given ?? instances.indices.first(where: { instances[$0].state == .ready }),
              v < instances.count else { return nil }
        return Int32(v)
    }

    /// The lowest-id host that runs an instance, else the lowest-id host not gone.
    private func defaultNodeVictim() -> Int? {
        hosts.indices.first { hosts[$0].state != .gone && hosts[$0].instances > 0 }
            ?? hosts.indices.first { hosts[$0].state != .gone }
    }

    /// Instances die together; the loss is noticed at once (container pods),
    /// by the health check (VMs), or when their node is noticed (`node`).
    private mutating func lose(_ ids: [Int32], reason: String, node: Int32? = nil, _ engine: inout Engine<SimEvent>) {
        let now = engine.now
        var noticedNow: [Int32] = []
        for id in ids {
            let wasListed = instances[Int(id)].listed
            guard let wasLive = die(id, reason: reason, &engine) else { continue }
            if spec.platform.kind == .vm || spec.platform.kind == .microvm {
                guard wasLive || wasListed else { continue }
                instances[Int(id)].unnoticed = wasLive
                engine.schedule(.healthCheckFailed(instance: id), at: spec.healthCheck.failed(lost: now))
            } else if node != nil {
                instances[Int(id)].unnoticed = wasLive
            } else {
                unlistEndpoint(id, &engine)
                if wasLive { noticedNow.append(id) }
            }
        }
        if let node, spec.platform.kind == .container || spec.platform.kind == .bare {
            let grace = spec.nodeFailure.monitorGracePeriod
            engine.schedule(.nodeNotReady(host: node), after: grace)
            engine.schedule(.nodeEvicted(host: node), after: grace + spec.nodeFailure.tolerationSeconds)
        }
        replace(noticedNow, lostAt: now, &engine)
    }

    /// The instance's process dies now. Returns whether it counted toward
    /// the desired replicas, or nil if it was already gone.
    private mutating func die(_ id: Int32, reason: String, _ engine: inout Engine<SimEvent>) -> Bool? {
        let i = Int(id)
        let wasLive = instances[i].isLive
        switch instances[i].state {
        case .gone:
            return nil
        case .pending, .starting, .booting, .initializing:
            terminate(id, &engine)
        case .ready:
            leaveReady(id, &engine, unlist: false)
            instances[i].state = .terminating
            instances[i].terminatingAt = engine.now
            removeHeldRequests(id, as: .failed, &engine)
            retire(id, &engine)
        case .terminating:
            if let deadline = instances[i].deadlineEvent { engine.cancel(deadline) }
            instances[i].deadlineEvent = nil
            removeHeldRequests(id, as: .failed, &engine)
            retire(id, &engine)
        }
        note(engine.now, "pod/\(instances[i].pod)", "Lost", reason)
        if wasLive { deployment.rollout?.guarded = false }
        return wasLive
    }

    /// A dead VM found by the health check: it leaves the load balancer at
    /// once, and is replaced then or, within its grace period, when that ends.
    mutating func lossNoticed(_ ids: [Int32], _ engine: inout Engine<SimEvent>) {
        var replaced: [Int32] = []
        for id in ids {
            let i = Int(id)
            let check = spec.healthCheck
            let replaceAt = check.replacement(launched: instances[i].requestedAt, lost: instances[i].goneAt)
            if engine.now < check.failed(lost: instances[i].goneAt) + 1e-9 {
                note(engine.now, "pod/\(instances[i].pod)", "HealthCheckFailed")
                unlistEndpoint(id, &engine)
            }
            if engine.now < replaceAt - 1e-9 {
                engine.schedule(.healthCheckFailed(instance: id), at: replaceAt)
                continue
            }
            // Only a loss still counted toward the desired replicas is replaced.
            if instances[i].unnoticed {
                instances[i].unnoticed = false
                replaced.append(id)
            }
        }
        replace(replaced, lostAt: nil, &engine)
    }

    /// A dead node is marked NotReady: its pods leave the Service endpoints.
    mutating func nodeNotReady(_ h: Int32, _ engine: inout Engine<SimEvent>) {
        note(engine.now, "node/\(h)", "NodeNotReady")
        for i in instances.indices where instances[i].host == h && instances[i].listed {
            unlistEndpoint(Int32(i), &engine)
        }
    }

    /// The dead node's pods are evicted: the ReplicaSet replaces them.
    mutating func nodeEvicted(_ h: Int32, _ engine: inout Engine<SimEvent>) {
        let dead = instances.indices.filter { instances[$0].host == h && instances[$0].unnoticed }
        note(engine.now, "node/\(h)", "PodsEvicted", "\(dead.count) pod(s)")
        for i in dead { instances[i].unnoticed = false }
        replace(dead.map { Int32($0) }, lostAt: nil, &engine)
    }

    /// Lost instances, now known: a Deployment replaces each (the
    /// replacement remembers the loss for mttr_s); bare pods lower `desired`.
    private mutating func replace(_ ids: [Int32], lostAt: Double?, _ engine: inout Engine<SimEvent>) {
        guard !ids.isEmpty else { return }
        switch spec.workload {
        case .pods:
            desired = Swift.max(0, desired - ids.count)
            deployment.annotated = desired
        case .deployment:
            for id in ids { deployment.losses.append(lostAt ?? instances[Int(id)].goneAt) }
            reconcile(&engine)
        }
    }

    /// Keeps the zero-Ready clock after the Ready count changed.
    mutating func noteReadyChange(_ now: Double) {
        availability.readyCountChanged(to: serving, at: now, window: spec.warmup...spec.duration)
    }

    /// A replacement became Ready: the loss it stands for is recovered.
    mutating func noteRecovery(_ id: Int32, _ now: Double) {
        let loss = instances[Int(id)].recovers
        guard !loss.isNaN else { return }
        availability.recoveries += 1
        availability.recoveryTimeSum += now - loss
    }
}

/// Availability bookkeeping: time in the statistics window with no serving
/// endpoint (Ready and known to the load balancer), and recoveries of lost instances.
struct AvailabilityLog {
    /// When the Ready count last fell to zero (nil while some are Ready).
    var zeroSince: Double? = 0
    var downtime = 0.0
    var recoveries = 0
    var recoveryTimeSum = 0.0

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
