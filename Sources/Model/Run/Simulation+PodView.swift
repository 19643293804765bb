/// A pod as the Kubernetes API shows it to a controller: phase, readiness,
/// start and readiness-transition times, requests; what metrics-server last
/// reported for it. Built from the model's instances on demand, never read
/// by the request path.
struct PodView {
    enum Phase { case pending, running }
    var id: Int
    var phase: Phase
    var ready: Bool
    /// Terminating pods carry a deletion timestamp.
    var deleting: Bool
    /// When the kubelet started it (placement); nil while unscheduled.
    var startTime: Double?
    /// The last change of its Ready condition (creation time if never ready).
    var readyTransition: Double
    var cpuRequest: Double
    var memoryRequestMiB: Double
    var sample: PodSample?
}

extension Simulation {
    /// Every pod not gone: Pending until its application process runs
    /// (scheduling, pull and create happen in phase Pending, as in
    /// Kubernetes), Running after; Ready as the probe says; terminating ones
    /// marked deleting.
    func podViews() -> [PodView] {
        instances.enumerated().compactMap { i, inst in
            guard inst.state < .gone else { return nil }
            let placed = !inst.placedAt.isNaN
            // A restarting container's pod stays Running, not Ready since its crash.
            let notReadySince = inst.isRestart ? inst.recovers : placed ? inst.placedAt : inst.requestedAt
            return PodView(
                id: i,
                phase: inst.runningAt.isNaN && !inst.isRestart ? .pending : .running,
                ready: inst.state == .ready,
                deleting: inst.state == .terminating,
                startTime: placed ? inst.placedAt : nil,
                readyTransition: inst.state == .ready ? inst.readyAt : notReadySince,
                cpuRequest: spec.platform.cpuRequest,
                memoryRequestMiB: spec.platform.memoryRequestMiB,
                sample: i < metricsServer.samples.count ? metricsServer.samples[i] : nil)
        }
    }
}
