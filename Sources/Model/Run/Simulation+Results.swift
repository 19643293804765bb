import Foundation
import SimCore

/// The timeseries rows and the per-run metrics.
extension Simulation {
    /// Closes the current timeseries interval and schedules the next sample.
    mutating func sample(_ engine: inout Engine<SimEvent>) {
        let now = engine.now
        let width = now - interval.start
        var counts = [InstanceState: Int]()
        for inst in instances { counts[inst.state, default: 0] += 1 }
        let booting = (counts[.starting] ?? 0) + (counts[.booting] ?? 0) + (counts[.initializing] ?? 0)
        let offered: Double
        if case .timestamps = spec.traffic {
            offered = width > 0 ? Double(interval.arrivals) / width : 0
        } else {
            offered = arrivals.currentRate(at: interval.start + width / 2)
        }
        let queued = balancer.endpoints.reduce(0) { $0 + instances[Int($1)].queue.count }
        gauges.busySlots.settle(at: now)
        gauges.readySlots.settle(at: now)
        let readyArea = gauges.readySlots.intervalArea
        let utilization = readyArea > 0 ? gauges.busySlots.intervalArea / readyArea : 0
        // The first interval whose expected offered work exceeds its Ready capacity.
        if scaling.firstOverload.isNaN, width > 0, offered * meanService > readyArea / width + 1e-9 {
            scaling.firstOverload = interval.start
        }
        let row = TimeSeriesRow(
            start: interval.start,
            offeredRate: offered,
            arrivals: interval.arrivals,
            completions: interval.completions,
            rejections: interval.rejections,
            desired: desired,
            pending: counts[.pending] ?? 0,
            booting: booting,
            ready: counts[.ready] ?? 0,
            terminating: counts[.terminating] ?? 0,
            hosts: hosts.reduce(0) { $0 + ($1.state == .gone ? 0 : 1) },
            nodes: hosts.reduce(0) { $0 + ($1.state == .ready ? 1 : 0) },
            cpuUtilization: utilization,
            queueLength: queued,
            latencyP95: interval.latency.percentile(95) / 1e6,
            hpaMetric: hpaMetricSeen)
        if let onRow { onRow(row) } else { series.append(row) }
        interval.arrivals = 0
        interval.completions = 0
        interval.rejections = 0
        interval.latency.clear()
        interval.start = now
        gauges.busySlots.resetInterval(at: now)
        gauges.readySlots.resetInterval(at: now)
        if now < spec.duration {
            engine.schedule(.sample, at: Swift.min(now + spec.timeseriesInterval, spec.duration), urgent: true)
        }
    }

    func result(events: UInt64) -> RunResult {
        let window = spec.duration - spec.warmup
        let c = counters
        let completed = Double(c.completed)
        let requests = Double(c.requests)
        func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
        func percentile(_ p: Double) -> Double {
            c.completed > 0 ? Double(latency.valueAtPercentile(p)) / 1e6 : .nan
        }
        let verdict = stabilityVerdict()
        let boots = bootRecords()
        let bootTimes = boots.compactMap(\.bootTime).sorted()
        let readyTimes = boots.compactMap(\.timeToReady)
        let startTimes = boots.compactMap(\.startTime)
        let pullShares = boots.compactMap(\.pullShare)
        func mean(_ xs: [Double]) -> Double { xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count) }
        let hostPrice = spec.cluster.hosts?.pricePerHour ?? 0
        let placedSeconds = gauges.liveInstances.area - gauges.pendingInstances.area
        let cost = gauges.activeHosts.area / 3600 * hostPrice + placedSeconds / 3600 * spec.platform.pricePerHour
        let slo: Double = spec.sloLatency == nil
            ? .nan : ratio(Double(c.sloViolations + c.rejected + c.dropped), requests)
        let values: [String: Double] = [
            "requests": requests,
            "completed": completed,
            "rejected": Double(c.rejected),
            "dropped": Double(c.dropped),
            "unfinished": Double(verdict.unfinished),
            "rejected_ratio": ratio(Double(c.rejected), requests),
            "throughput_rps": Double(c.completionsInWindow) / window,
            "wait_mean_s": ratio(c.waitSum, completed),
            "latency_mean_s": ratio(c.latencySum, completed),
            "latency_p50_s": percentile(50),
            "latency_p95_s": percentile(95),
            "latency_p99_s": percentile(99),
            "utilization_mean": ratio(gauges.busySlots.area, gauges.readySlots.area),
            "in_system_mean": gauges.inSystem.area / window,
            "offered_load": verdict.offeredLoad,
            "stable": verdict.stable ? 1 : 0,
            "slo_violation_ratio": slo,
            "boots": Double(bootTimes.count),
            "boot_mean_s": mean(bootTimes),
            "boot_p95_s": bootTimes.isEmpty ? .nan : bootTimes[Swift.min(bootTimes.count - 1, Int((0.95 * Double(bootTimes.count)).rounded(.up)) - 1)],
            "time_to_ready_mean_s": mean(readyTimes),
            "start_mean_s": mean(startTimes),
            "pull_share_mean": mean(pullShares),
            "instances_mean": gauges.liveInstances.area / window,
            "hosts_mean": gauges.activeHosts.area / window,
            "pending_instance_seconds": gauges.pendingInstances.area,
            "cost_total": cost,
            "cost_per_million_requests": ratio(cost, completed) * 1e6,
            "memory_overhead_mib_mean": placedSeconds * spec.platform.memoryOverheadMiB / window,
            "layer_cache_excess_bytes_max": hosts.reduce(0) { Swift.max($0, $1.cache.maxExcess) },
            "scale_ups": Double(scaling.scaleUps),
            "scale_downs": Double(scaling.scaleDowns),
            "replicas_max": Double(scaling.replicasMax),
            "nodes_added": Double(scaling.nodesAdded),
            "time_to_scale_s": timeToScale(),
            "overprovision_ratio": ratio(gauges.readySlots.area, gauges.busySlots.area),
            "errors": Double(c.errors),
            "availability": ratio(completed, requests),
            "downtime_s": availability.downtime(window: spec.warmup...spec.duration),
            "recoveries": Double(availability.recoveries),
            "mttr_s": ratio(availability.recoveryTimeSum, Double(availability.recoveries)),
            "rollouts": Double(deployment.completed),
            "rollout_duration_s": ratio(deployment.durationSum, Double(deployment.completed)),
            "rollout_errors": Double(deployment.errors),
            "rollout_rejected": Double(deployment.rejected),
            "rollout_extra_instance_seconds": deployment.extraArea,
            "restarts": Double(deployment.restarts),
        ]
        return RunResult(
            metrics: RunResult.metricNames.map { values[$0]! },
            boots: boots, timeseries: series, scaling: scaling.records, timeline: timeline, events: events,
            arrivalsSimulated: c.arrivalsSimulated)
    }

    /// From the first interval whose offered load exceeded the Ready capacity
    /// to the first new instance (not a restarted container) Ready after it (NaN: never both).
    func timeToScale() -> Double {
        let t0 = scaling.firstOverload
        guard !t0.isNaN else { return .nan }
        let firstReady = instances.lazy.filter { !$0.warm && !$0.isRestart && $0.readyAt > t0 }.map(\.readyAt).min()
        return firstReady.map { $0 - t0 } ?? .nan
    }

    /// One record per instance that went through a boot (not the warm fleet).
    func bootRecords() -> [BootRecord] {
        instances.enumerated().compactMap { id, inst in
            guard !inst.warm, !inst.isRestart else { return nil }
            var phases: [String: Double] = [:]
            for (k, name) in phaseNames.enumerated() where !inst.phaseDurations[k].isNaN {
                phases[name] = inst.phaseDurations[k]
            }
            // Pending ends at placement, or at removal for an instance never placed.
            let pendingEnd = !inst.placedAt.isNaN ? inst.placedAt : !inst.goneAt.isNaN ? inst.goneAt : spec.duration
            let pending = pendingEnd - inst.requestedAt
            return BootRecord(
                instance: id, platform: spec.platform.kind, host: Int(inst.host),
                requested: inst.requestedAt, ready: inst.readyAt.isNaN ? nil : inst.readyAt,
                pending: pending, phases: phases, pullBytes: inst.pullBytes, cachedBytes: inst.cachedBytes,
                terminating: inst.terminatingAt.isNaN ? nil : inst.terminatingAt,
                gone: inst.goneAt.isNaN ? nil : inst.goneAt)
        }
    }
}
