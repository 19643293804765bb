import SimCore

/// The HPA in the simulation: every `syncPeriod` (the first at an offset of
/// its own, drawn from the `hpa` stream) the controller builds what
/// Kubernetes would show it (pods with phase, readiness, start and
/// readiness-transition times and requests; metrics-server's latest
/// samples; service-wide Object/External values) and applies `HPA.decide`,
/// the same function `capsim hpa check-cases` and `explain` run. Its history
/// is a value carried from sync to sync.
extension Simulation {
    mutating func startHPA(_ hpa: HPAController, _ engine: inout Engine<SimEvent>) {
        let offset = hpaStream.uniform() * hpa.config.syncPeriod
        if offset <= spec.duration { engine.schedule(.hpaSync, at: offset) }
    }

    mutating func hpaSync(_ engine: inout Engine<SimEvent>) {
        guard let hpa = spec.autoscaling.hpa else { return }
        let now = engine.now
        let input = hpaInput()
        let decision = HPA.decide(spec: hpa.spec, config: hpa.config, input: input, history: hpaHistory, now: now)
        hpaHistory = decision.history
        if let first = decision.metrics.first {
            if let percent = first.utilizationPercent {
                hpaMetricSeen = Double(percent)
            } else if let average = first.average {
                hpaMetricSeen = Double(average) / 1000
            }
        }
        setDesired(decision.desired, controller: "hpa", reason: decision.reason, &engine)
        if now + hpa.config.syncPeriod <= spec.duration { engine.schedule(.hpaSync, after: hpa.config.syncPeriod) }
    }

    /// What the HPA controller sees now. Quantities are milli-units, as
    /// Kubernetes' `MilliValue()`: CPU in millicores, memory in milli-bytes,
    /// rates in milli-requests per second.
    func hpaInput() -> HPAInput {
        func milli(_ x: Double) -> Int64 { Int64((x * 1000).rounded()) }
        let bytesPerMiB = 1_048_576.0
        let pods = podViews().map { p -> HPAPod in
            var requests: [String: Int64] = [:]
            if p.cpuRequest > 0 { requests["cpu"] = milli(p.cpuRequest) }
            if p.memoryRequestMiB > 0 { requests["memory"] = milli(p.memoryRequestMiB * bytesPerMiB) }
            var samples: [String: HPAMetricSample] = [:]
            if let s = p.sample {
                let sample = { (v: Double) in HPAMetricSample(value: milli(v), timestamp: s.timestamp, window: s.window) }
                samples["cpu"] = sample(s.cpuCores)
                samples["memory"] = sample(s.memoryMiB * bytesPerMiB)
                samples["http_requests"] = sample(s.requestsPerSecond)
                samples["inflight_requests"] = sample(s.inflightRequests)
            }
            return HPAPod(name: "pod-\(p.id)", phase: p.phase == .running ? .running : .pending, deleting: p.deleting,
                          ready: p.ready, startTime: p.startTime, readyTransitionTime: p.readyTransition,
                          requests: requests, samples: samples)
        }
        let service = metricsServer.external.mapValues(milli)
        return HPAInput(specReplicas: desired, statusReplicas: instances.filter(\.isLive).count, pods: pods,
                        objectMetrics: service, externalMetrics: service.mapValues { [$0] })
    }
}
