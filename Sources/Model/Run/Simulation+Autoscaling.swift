import SimCore

/// The autoscalers' side of the model: they wake on their own periodic
/// events, read what the real controller may see (metrics-server samples,
/// the scheduler's view of nodes and Pending pods, the group's CPU average)
/// and act through the same entry points as `scaleSchedule` and
/// `hostSchedule`: the desired replica count and the node pool.
extension Simulation {
    mutating func startAutoscalers(_ engine: inout Engine<SimEvent>) {
        let a = spec.autoscaling
        if a.needsMetricsServer { engine.schedule(.scrape, at: 0) }
        if let hpa = a.hpa { startHPA(hpa, &engine) }
        if let ca = a.clusterAutoscaler { engine.schedule(.clusterScan, at: Swift.min(ca.scanInterval, spec.duration)) }
        if let g = a.scaleGroup { engine.schedule(.groupPeriod, at: Swift.min(g.period, spec.duration)) }
    }

    /// Sets the desired replicas for a controller (or a `scaleSchedule`
    /// step) and reconciles; a change is logged to scaling.csv.
    mutating func setDesired(_ n: Int, controller: String, reason: String, _ engine: inout Engine<SimEvent>) {
        guard n != desired else { return reconcile(&engine) }
        scaling.records.append(ScalingRecord(time: engine.now, controller: controller, from: desired, to: n, reason: reason))
        note(engine.now, controller, "SuccessfulRescale", "replicas \(desired) to \(n): \(reason)")
        if n > desired { scaling.scaleUps += 1 } else { scaling.scaleDowns += 1 }
        scaling.replicasMax = Swift.max(scaling.replicasMax, n)
        desired = n
        reconcile(&engine)
    }

    mutating func scrape(_ engine: inout Engine<SimEvent>) {
        let m = spec.autoscaling.metrics
        metricsServer.scrape(instances, arrivals: counters.arrivalsSimulated, now: engine.now, m,
                             memoryRequestMiB: spec.platform.memoryRequestMiB)
        if engine.now + m.resolution <= spec.duration { engine.schedule(.scrape, after: m.resolution) }
    }

    // MARK: Cluster Autoscaler

    /// Nodes that count toward the pool's size (not gone, not being drained).
    var poolSize: Int { hosts.filter { $0.state == .ready || $0.state == .booting }.count }

    mutating func clusterScan(_ engine: inout Engine<SimEvent>) {
        guard var ca = clusterAutoscaler, let pool = spec.cluster.hosts else { return }
        let actions = ca.scan(clusterView(pool), now: engine.now)
        clusterAutoscaler = ca
        for action in actions {
            let before = poolSize
            switch action {
            case .addNodes(let n, let reason):
                for _ in 0..<n { addHost(ready: false, engine: &engine) }
                logNodes(before, controller: "cluster-autoscaler", reason: reason, engine.now)
            case .removeNode(let h, let reason):
                drainHost(h, &engine)
                logNodes(before, controller: "cluster-autoscaler", reason: reason, engine.now)
            }
        }
        if engine.now + ca.spec.scanInterval <= spec.duration { engine.schedule(.clusterScan, after: ca.spec.scanInterval) }
    }

    /// Logs a change of the node pool's size to scaling.csv.
    mutating func logNodes(_ before: Int, controller: String, reason: String, _ now: Double) {
        guard poolSize != before else { return }
        scaling.records.append(ScalingRecord(time: now, controller: controller, from: before, to: poolSize, reason: reason))
        note(now, controller, "ScaledNodes", "nodes \(before) to \(poolSize): \(reason)")
    }

    /// What the Cluster Autoscaler sees: nodes with their requests, Pending pods.
    func clusterView(_ pool: HostPoolSpec) -> ClusterView {
        let platform = spec.platform
        let pod = ClusterView.Pod(cpu: platform.cpuRequest, memoryMiB: platform.memoryRequestMiB + platform.memoryOverheadMiB)
        let allocatable = ClusterView.Capacity(cpu: pool.cpu - pool.reservedCpu,
                                               memoryMiB: pool.memoryMiB - pool.reservedMemoryMiB, pods: pool.maxInstances)
        var nodes: [ClusterView.Node] = []
        for (h, host) in hosts.enumerated() where host.state != .gone {
            let cpuUse = allocatable.cpu > 0 ? (allocatable.cpu - host.freeCpu) / allocatable.cpu : 0
            let memoryUse = allocatable.memoryMiB > 0 ? (allocatable.memoryMiB - host.freeMemoryMiB) / allocatable.memoryMiB : 0
            nodes.append(ClusterView.Node(
                id: h, booting: host.state == .booting, draining: host.state == .draining, since: host.addedAt,
                free: ClusterView.Capacity(cpu: host.freeCpu, memoryMiB: host.freeMemoryMiB,
                                           pods: pool.maxInstances.map { $0 - host.instances }),
                utilization: Swift.max(cpuUse, memoryUse),
                pods: Array(repeating: pod, count: host.instances)))
        }
        return ClusterView(nodes: nodes, pendingPods: Array(repeating: pod, count: unplaced.count), template: allocatable)
    }

    /// Removes a node: a booting or empty one at once; otherwise it is
    /// cordoned, its instances are evicted (terminated and replaced by the
    /// ReplicaSet elsewhere), and it is gone when the last one has left.
    mutating func drainHost(_ h: Int, _ engine: inout Engine<SimEvent>) {
        guard hosts[h].state != .gone else { return }
        if hosts[h].state == .booting || hosts[h].instances == 0 { return removeHost(h, engine.now) }
        hosts[h].state = .draining
        // Evictions are disruptions the Deployment did not decide (no PodDisruptionBudget here).
        deployment.rollout?.guarded = false
        let evicted = instances.indices.filter { instances[$0].host == Int32(h) && instances[$0].isLive }
        for i in evicted {
            note(engine.now, "pod/\(instances[i].pod)", "Evicted", "node/\(h) drained")
            terminate(Int32(i), &engine)
        }
        reconcile(&engine)
    }

    /// The host is gone: it stops costing and takes no instance.
    mutating func removeHost(_ h: Int, _ now: Double) {
        hosts[h].state = .gone
        gauges.activeHosts.add(-1, at: now)
    }

    // MARK: VM scale group

    mutating func groupPeriod(_ engine: inout Engine<SimEvent>) {
        guard var group = scaleGroup else { return }
        let now = engine.now, spec = group.spec
        if groupMarks.count < instances.count { groupMarks += Array(repeating: .nan, count: instances.count - groupMarks.count) }
        var used = 0.0, capacity = 0.0, warm = 0, warming = 0
        for (i, inst) in instances.enumerated() {
            let area = inst.busyArea(at: now)
            defer { groupMarks[i] = area }
            guard inst.isLive else { continue }
            guard inst.state == .ready, inst.warm || inst.readyAt + spec.defaultInstanceWarmup <= now else {
                warming += 1
                continue
            }
            warm += 1
            let span = Swift.min(spec.period, now - inst.readyAt)
            used += (area - (groupMarks[i].isNaN ? 0 : groupMarks[i])) * self.spec.autoscaling.metrics.cpuPerRequest
            capacity += span * self.spec.platform.cpuRequest
        }
        let cpu = capacity > 0 ? 100 * used / capacity : nil
        let decision = group.evaluate(.init(cpu: cpu, warm: warm, warming: warming, desired: desired), now: now)
        scaleGroup = group
        if let decision { setDesired(decision.desired, controller: "scale-group", reason: decision.reason, &engine) }
        if now + spec.period <= self.spec.duration { engine.schedule(.groupPeriod, after: spec.period) }
    }
}
