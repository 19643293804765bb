import SimCore

/// The Deployment and ReplicaSet controllers: they wake `reconcileDelay`
/// after a change (coalesced, like a work queue), size the ReplicaSets by
/// `RolloutPlanner`, then create or delete pods so that each revision has
/// its ReplicaSet's count. A rollout adds a revision with a new image.
extension Simulation {
    /// Asks the controllers to reconcile after their delay.
    mutating func reconcile(_ engine: inout Engine<SimEvent>) {
        guard spec.workload == .deployment, !deployment.syncScheduled else { return }
        deployment.syncScheduled = true
        engine.schedule(.deploymentSync, after: spec.deployment.reconcileDelay)
    }

    /// One sync: the Deployment controller's step, then every ReplicaSet.
    mutating func deploymentSync(_ engine: inout Engine<SimEvent>) {
        deployment.syncScheduled = false
        let now = engine.now
        let revisions = deployment.sets.count
        let state = RolloutPlanner.State(
            sets: deployment.sets, available: (0..<revisions).map { available(revision: $0, now) },
            oldPodsRunning: instances.contains { Int($0.revision) < revisions - 1 && ($0.state != .gone || $0.unnoticed) },
            annotated: deployment.annotated)
        let (sets, annotated) = RolloutPlanner.step(state, replicas: desired, strategy: spec.deployment.strategy)
        if annotated != deployment.annotated { deployment.rollout?.guarded = false }
        deployment.annotated = annotated
        if sets != deployment.sets {
            for (rev, (before, after)) in zip(deployment.sets, sets).enumerated() where before != after {
                note(now, "replicaset/\(rev)", "ScalingReplicaSet", "\(before) to \(after)")
                if rev == revisions - 1 && after > before { deployment.rollout?.lastProgress = now }
            }
            deployment.sets = sets
            // The ReplicaSet update is itself a change the controller watches.
            reconcile(&engine)
        }
        for rev in 0..<revisions { reconcileReplicaSet(Int32(rev), &engine) }
        // A loss no pod was created for (the count went down meanwhile) has no recovery.
        deployment.losses.removeAll()
        checkRolloutDone(now)
    }

    /// Creates or deletes pods of one revision to match its ReplicaSet; a
    /// new pod stands for the oldest loss not yet recovered (mttr_s).
    /// Deletion follows the ReplicaSet's preference: dead pods nobody has
    /// noticed, then Pending, then the least advanced boot, then the newest
    /// Ready pod.
    private mutating func reconcileReplicaSet(_ rev: Int32, _ engine: inout Engine<SimEvent>) {
        let pods = instances.indices.filter { instances[$0].revision == rev && (instances[$0].isLive || instances[$0].unnoticed) }
        let count = pods.count
        let want = deployment.sets[Int(rev)]
        if count < want {
            for _ in count..<want {
                requestInstance(revision: rev, engine: &engine)
                if let loss = deployment.losses.popFirst() { instances[instances.count - 1].recovers = loss }
            }
        } else if count > want {
            // Dead pods nobody has noticed rank first: they are not Ready.
            let victims = pods.sorted { a, b in
                let (ua, ub) = (instances[a].unnoticed, instances[b].unnoticed)
                if ua != ub { return ua }
                let (sa, sb) = (instances[a].state, instances[b].state)
                return sa != sb ? sa < sb : a > b
            }
            for v in victims.prefix(count - want) {
                note(engine.now, "pod/\(instances[v].pod)", "Killing", "scaled down")
                if instances[v].unnoticed {
                    instances[v].unnoticed = false
                } else {
                    terminate(Int32(v), &engine)
                }
            }
        }
    }

    /// Pods of a revision Ready for at least minReadySeconds.
    func available(revision rev: Int, _ now: Double) -> Int {
        let minReady = spec.deployment.minReadySeconds
        return instances.reduce(0) {
            $0 + ($1.revision == Int32(rev) && $1.state == .ready && now - $1.readyAt >= minReady - 1e-9 ? 1 : 0)
        }
    }

    /// A pod became Ready: the controllers see it available now, or after minReadySeconds.
    mutating func notePodReady(_ id: Int32, _ engine: inout Engine<SimEvent>) {
        guard spec.workload == .deployment else { return }
        let minReady = spec.deployment.minReadySeconds
        if minReady > 0 {
            engine.schedule(.available(instance: id), after: minReady)
        } else {
            podAvailable(id, &engine)
        }
    }

    mutating func podAvailable(_ id: Int32, _ engine: inout Engine<SimEvent>) {
        guard instances[Int(id)].state == .ready else { return }
        if Int(instances[Int(id)].revision) == deployment.sets.count - 1 { deployment.rollout?.lastProgress = engine.now }
        reconcile(&engine)
    }

    // MARK: Rollouts

    /// A new revision: its ReplicaSet starts at 0 and the controllers move
    /// pods to it by the strategy.
    mutating func startRollout(_ index: Int, _ engine: inout Engine<SimEvent>) {
        let now = engine.now
        accrueExtra(now)
        if deployment.rollout != nil { note(now, "deployment", "RolloutSuperseded", "revision \(deployment.sets.count - 1)") }
        deployment.sets.append(0)
        let everyAvailable = (0..<deployment.sets.count).reduce(0) { $0 + available(revision: $1, now) } >= desired
        deployment.rollout = .init(index: index, start: now, lastProgress: now,
                                   guarded: everyAvailable && deployment.rollout == nil)
        note(now, "deployment", "RolloutStarted",
             "revision \(deployment.sets.count - 1) image \(spec.deployment.rollouts[index].image.name)")
        scheduleProgressCheck(index, after: spec.deployment.progressDeadlineSeconds, &engine)
        reconcile(&engine)
    }

    /// Complete when the new ReplicaSet has every replica available and no
    /// pod of an old revision is left (counting unnoticed dead ones).
    private mutating func checkRolloutDone(_ now: Double) {
        guard let r = deployment.rollout else { return }
        let new = deployment.sets.count - 1
        guard deployment.sets[new] == desired, deployment.sets.dropLast().allSatisfy({ $0 == 0 }),
              !instances.contains(where: { Int($0.revision) < new && ($0.isLive || $0.unnoticed) }),
              available(revision: new, now) >= desired else { return }
        accrueExtra(now)
        deployment.rollout = nil
        deployment.completed += 1
        deployment.durationSum += now - r.start
        note(now, "deployment", "RolloutComplete", "revision \(new) after \(seconds(now - r.start)) s")
    }

    mutating func progressCheck(_ index: Int, _ engine: inout Engine<SimEvent>) {
        guard let r = deployment.rollout, r.index == index, !r.deadlineReported else { return }
        let deadline = r.lastProgress + spec.deployment.progressDeadlineSeconds
        if engine.now >= deadline - 1e-9 {
            deployment.rollout?.deadlineReported = true
            note(engine.now, "deployment", "ProgressDeadlineExceeded",
                 "no progress for \(seconds(spec.deployment.progressDeadlineSeconds)) s")
        } else {
            scheduleProgressCheck(index, after: deadline - engine.now, &engine)
        }
    }

    private mutating func scheduleProgressCheck(_ index: Int, after delay: Double, _ engine: inout Engine<SimEvent>) {
        guard engine.now + delay <= spec.duration else { return }
        engine.schedule(.progressCheck(rollout: Int32(index)), after: delay)
    }

    /// Integrates the extra instances (beyond the desired count) while a rollout runs.
    mutating func accrueExtra(_ now: Double) {
        if deployment.rollout != nil {
            let live = gauges.liveInstances.value
            deployment.extraArea += Swift.max(0, live - Double(desired)) * (now - deployment.extraMark)
        }
        deployment.extraMark = now
    }

    /// A request that failed, was dropped or rejected during a rollout.
    @inline(__always)
    mutating func noteRolloutLoss(rejected: Bool) {
        guard deployment.rollout != nil else { return }
        if rejected { deployment.rejected += 1 } else { deployment.errors += 1 }
    }
}
