import SimCore

/// A model invariant that failed: the run stops at the first one.
public struct InvariantViolation: Error, CustomStringConvertible, Sendable {
    public var time: Double
    public var event: String
    public var invariant: String
    public var description: String { "invariant violated at t = \(time) after event \(event): \(invariant)" }
}

/// The model's invariants, checked after every event by `Simulation.runChecked`
/// (`capsim run --check-invariants`). Plain runs never call any of this.
extension Simulation {
    /// The first invariant that does not hold, or nil. `previous` holds each
    /// instance's state before the event (lifecycle order).
    func violatedInvariant(_ engine: Engine<SimEvent>, previous: [InstanceState]) -> String? {
        if !engine.queueIsHeapOrdered { return "the pending-event set is not heap-ordered" }
        if let t = engine.nextEventTime, t < engine.now { return "an event is pending at \(t), before now" }
        return requestInvariant() ?? instanceInvariant(previous) ?? hostInvariant() ?? gaugeInvariant()
            ?? controllerInvariant() ?? deploymentInvariant(engine.now)
    }

    /// arrived = completed + rejected + dropped + failed + queued + in service.
    func requestInvariant() -> String? {
        let queued = instances.reduce(0) { $0 + $1.queue.count }
        let inService = instances.reduce(0) { $0 + Int($1.busy) }
        let a = counters.all
        if counters.arrivalsSimulated != a.completed + a.rejected + a.dropped + a.errors + queued + inService {
            return "arrivals \(counters.arrivalsSimulated) ≠ completed \(a.completed) + rejected \(a.rejected) "
                + "+ dropped \(a.dropped) + failed \(a.errors) + queued \(queued) + in service \(inService)"
        }
        if requests.inUse != queued + inService {
            return "\(requests.inUse) requests in the pool but \(queued + inService) queued or in service"
        }
        return nil
    }

    func instanceInvariant(_ previous: [InstanceState]) -> String? {
        for (i, inst) in instances.enumerated() {
            if inst.busy < 0 || inst.busy > concurrency {
                return "instance \(i) has \(inst.busy) busy slots of \(concurrency)"
            }
            if inst.state >= .gone && inst.outstanding > 0 {
                return "instance \(i) is gone but holds \(inst.outstanding) request(s)"
            }
            if inst.state < .ready && inst.outstanding > 0 {
                return "instance \(i) is \(inst.state) but holds \(inst.outstanding) request(s)"
            }
            guard i < previous.count else { continue }
            let before = previous[i]
            if inst.state < before { return "instance \(i) went back from \(before) to \(inst.state)" }
            if inst.state == .terminating && before != .terminating && before != .ready {
                return "instance \(i) began terminating from \(before), not from ready"
            }
        }
        let readyIDs = instances.indices.filter { instances[$0].state == .ready }.map { Int32($0) }
        let listedIDs = instances.indices.filter { instances[$0].listed }.map { Int32($0) }
        let endpoints = balancer.endpoints
        if endpoints != listedIDs { return "the load balancer's endpoints \(endpoints) are not the listed instances \(listedIDs)" }
        // Without a propagation delay the balancer knows the Ready set at
        // once; it may still list dead instances nobody has noticed yet.
        if spec.endpoints.propagationDelay == 0 {
            if let missing = readyIDs.first(where: { !instances[Int($0)].listed }) {
                return "instance \(missing) is Ready but not a load-balancer endpoint"
            }
            if let stale = listedIDs.first(where: { instances[Int($0)].state != .ready && instances[Int($0)].state != .gone }) {
                return "instance \(stale) is \(instances[Int(stale)].state) but still a load-balancer endpoint"
            }
        }
        let servingCount = instances.filter { $0.listed && $0.state == .ready }.count
        if serving != servingCount { return "\(serving) endpoints counted as serving, \(servingCount) are listed and Ready" }
        // Rules that read loads keep a count per endpoint: it must match.
        for id in endpoints {
            if let counted = balancer.outstanding(of: id), counted != instances[Int(id)].outstanding {
                return "the load balancer counts \(counted) requests at instance \(id), which holds \(instances[Int(id)].outstanding)"
            }
        }
        return nil
    }

    /// Free capacity = capacity − reserved − what is placed, never negative;
    /// a node's cache exceeds its size only by layers in use.
    func hostInvariant() -> String? {
        guard let pool = spec.cluster.hosts else { return nil }
        let platform = spec.platform
        for (h, host) in hosts.enumerated() {
            let placed = instances.filter { $0.host == Int32(h) && $0.state > .pending && $0.state < .gone }.count
            let cpu = pool.cpu - pool.reservedCpu - Double(placed) * platform.cpuRequest
            let memory = pool.memoryMiB - pool.reservedMemoryMiB
                - Double(placed) * (platform.memoryRequestMiB + platform.memoryOverheadMiB)
            if host.instances != placed { return "host \(h) counts \(host.instances) instances, \(placed) are placed" }
            if abs(host.freeCpu - cpu) > 1e-6 || host.freeCpu < -1e-9 {
                return "host \(h) has \(host.freeCpu) free CPU, capacity minus placed is \(cpu)"
            }
            if abs(host.freeMemoryMiB - memory) > 1e-6 || host.freeMemoryMiB < -1e-9 {
                return "host \(h) has \(host.freeMemoryMiB) MiB free, capacity minus placed is \(memory)"
            }
            if let limit = pool.maxInstances, placed > limit { return "host \(h) runs \(placed) instances, maxPods \(limit)" }
            if (host.state == .booting || host.state == .gone) && placed > 0 {
                return "host \(h) runs instances while \(host.state)"
            }
            let cache = host.cache
            if cache.bytes > Swift.max(cache.capacity, cache.pinnedBytes) * (1 + 1e-12) {
                return "host \(h)'s layer cache holds \(cache.bytes) bytes, capacity \(cache.capacity), in use \(cache.pinnedBytes)"
            }
        }
        return nil
    }

    /// Controllers keep their bounds: an HPA's replicas within [minReplicas,
    /// maxReplicas]; a scale group's size within [minSize, maxSize]; a node
    /// pool never above maxNodes nor scaled down below minNodes.
    func controllerInvariant() -> String? {
        if let h = spec.autoscaling.hpa?.spec, desired != 0, desired < h.minReplicas || desired > h.maxReplicas {
            return "the HPA wants \(desired) replicas, outside [\(h.minReplicas), \(h.maxReplicas)]"
        }
        if let g = spec.autoscaling.scaleGroup, desired < g.minSize || desired > g.maxSize {
            return "the scale group wants \(desired) instances, outside [\(g.minSize), \(g.maxSize)]"
        }
        if let ca = spec.autoscaling.clusterAutoscaler {
            if poolSize > ca.maxNodes { return "the node pool has \(poolSize) nodes, maxNodes \(ca.maxNodes)" }
            if let last = scaling.records.last, last.reason == "unneeded", last.to < ca.minNodes {
                return "the Cluster Autoscaler scaled down to \(last.to) nodes, minNodes \(ca.minNodes)"
            }
        }
        return nil
    }

    /// A Deployment's rollout bounds: never more pods than its ReplicaSets
    /// allow, and those never above replicas + maxSurge; never fewer than
    /// replicas − maxUnavailable available while a rollout that began fully
    /// available runs undisturbed (no loss, no change of replicas); under
    /// Recreate, never a new pod while an old one runs.
    func deploymentInvariant(_ now: Double) -> String? {
        guard spec.workload == .deployment else { return nil }
        let d = deployment
        let live = instances.filter { $0.isLive || $0.unnoticed }.count
        let total = d.sets.reduce(0, +)
        let strategy = spec.deployment.strategy
        let (surge, unavailable) = strategy.bounds(d.annotated)
        if live > total { return "\(live) pods, more than the ReplicaSets' \(total)" }
        if total > d.annotated + surge {
            return "the ReplicaSets ask for \(total) pods, more than replicas \(d.annotated) + maxSurge \(surge)"
        }
        if let r = d.rollout, r.guarded, d.annotated == desired {
            let availableNow = (0..<d.sets.count).reduce(0) { $0 + available(revision: $1, now) }
            if availableNow < d.annotated - unavailable {
                return "\(availableNow) pods available during a rollout, fewer than replicas \(d.annotated) − maxUnavailable \(unavailable)"
            }
        }
        if strategy == .recreate {
            let new = Int32(d.sets.count - 1)
            let oldRunning = instances.contains { $0.revision < new && $0.state != .gone }
            if oldRunning && instances.contains(where: { $0.revision == new && $0.isLive }) {
                return "a new pod exists while an old one runs under Recreate"
            }
        }
        return nil
    }

    /// Each gauge equals the count it stands for.
    func gaugeInvariant() -> String? {
        let count = { (test: (Instance) -> Bool) in Double(instances.filter(test).count) }
        let checks: [(String, Double, Double)] = [
            ("in system", gauges.inSystem.value, Double(requests.inUse)),
            ("busy slots", gauges.busySlots.value, Double(instances.reduce(0) { $0 + Int($1.busy) })),
            ("ready slots", gauges.readySlots.value, count { $0.state == .ready } * Double(concurrency)),
            ("instances not gone", gauges.liveInstances.value, count { $0.state != .gone }),
            ("pending instances", gauges.pendingInstances.value, count { $0.state == .pending }),
            ("active hosts", gauges.activeHosts.value, Double(hosts.filter { $0.state != .gone }.count)),
        ]
        for (name, gauge, actual) in checks where gauge != actual {
            return "gauge '\(name)' is \(gauge) but the count is \(actual)"
        }
        return nil
    }
}

/// Runs the simulation's handler and checks every invariant after each
/// event; on the first violation it records it and empties the queue so
/// that the run ends there.
struct CheckedSimulation: EventHandler {
    var sim: Simulation
    var violation: InvariantViolation?
    var lastTime = 0.0

    mutating func handle(_ event: SimEvent, engine: inout Engine<SimEvent>) {
        let previous = sim.instances.map(\.state)
        sim.handle(event, engine: &engine)
        var problem = engine.now < lastTime ? "time went back from \(lastTime) to \(engine.now)" : nil
        problem = problem ?? sim.violatedInvariant(engine, previous: previous)
        lastTime = engine.now
        if let problem {
            violation = InvariantViolation(time: engine.now, event: "\(event)", invariant: problem)
            engine.cancelAll()
        }
    }
}

extension Simulation {
    /// Runs one replication with every invariant checked after every event
    /// (slow: for tests and `--check-invariants`). Same result as `run`.
    public static func runChecked(_ spec: ScenarioSpec, seed: UInt64, replication: Int,
                                  onRow: ((TimeSeriesRow) -> Void)? = nil) throws -> RunResult {
        var engine = Engine<SimEvent>()
        var sim = Simulation(spec: spec, seed: seed, replication: replication)
        sim.onRow = onRow
        sim.start(&engine)
        var checked = CheckedSimulation(sim: sim)
        if let problem = checked.sim.violatedInvariant(engine, previous: []) {
            throw InvariantViolation(time: 0, event: "start", invariant: problem)
        }
        engine.run(until: spec.duration, &checked)
        if let violation = checked.violation { throw violation }
        checked.sim.gauges.settle(at: spec.duration)
        checked.sim.accrueExtra(spec.duration)
        return checked.sim.result(events: engine.eventsHandled)
    }
}
