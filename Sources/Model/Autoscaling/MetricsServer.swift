/// One pod's metrics as metrics-server reports them: usage averaged over
/// the scrape window that ends at `timestamp`.
public struct PodSample: Sendable, Equatable {
    public var cpuCores: Double
    public var memoryMiB: Double
    /// Requests the pod accepted per second over the window (`http_requests`).
    public var requestsPerSecond: Double
    /// Requests it held (in service and queued) at the scrape (`inflight_requests`).
    public var inflightRequests: Double
    public var timestamp: Double
    public var window: Double
}

/// metrics-server in simulated time: every `resolution` seconds it turns
/// each running pod's busy time since the last scrape into a CPU rate. A pod
/// gets its first sample one full window after its process started (the
/// rate needs two readings), so a pod that started since the last scrape is
/// missing, as Kubernetes sees it.
struct MetricsServer {
    private var busyMarks: [Double] = []
    private var acceptedMarks: [Int] = []
    /// The latest sample of each instance, by id (nil: missing).
    private(set) var samples: [PodSample?] = []
    /// Service-wide values for Object and External metrics, by name.
    private(set) var external: [String: Double] = [:]
    private var arrivalsMark = 0

    /// Reads every instance at `now`.
    mutating func scrape(_ instances: [Instance], arrivals: Int, now: Double, _ spec: MetricsPipelineSpec,
                         memoryRequestMiB: Double) {
        let window = spec.resolution
        if busyMarks.count < instances.count {
            let grow = instances.count - busyMarks.count
            busyMarks += Array(repeating: .nan, count: grow)
            acceptedMarks += Array(repeating: 0, count: grow)
            samples += Array(repeating: nil, count: grow)
        }
        var queued = 0, inflight = 0
        for (i, inst) in instances.enumerated() {
            guard inst.state < .gone, !inst.runningAt.isNaN else {
                samples[i] = nil
                continue
            }
            let area = inst.busyArea(at: now)
            if inst.runningAt <= now - window, !busyMarks[i].isNaN {
                let busy = (area - busyMarks[i]) / window
                let base = spec.memoryBaseMiB ?? memoryRequestMiB
                samples[i] = PodSample(
                    cpuCores: busy * spec.cpuPerRequest,
                    memoryMiB: base + spec.memoryPerRequestMiB * Double(inst.outstanding),
                    requestsPerSecond: Double(inst.accepted - acceptedMarks[i]) / window,
                    inflightRequests: Double(inst.outstanding), timestamp: now, window: window)
            } else {
                samples[i] = nil
            }
            busyMarks[i] = area
            acceptedMarks[i] = inst.accepted
            queued += inst.queue.count
            inflight += inst.outstanding
        }
        external = [
            "queue_length": Double(queued),
            "inflight_requests": Double(inflight),
            "requests_per_second": Double(arrivals - arrivalsMark) / window,
        ]
        arrivalsMark = arrivals
    }
}

/// The decisions of a run's controllers (scaling.csv) and what they add up to.
struct ScalingLog {
    var records: [ScalingRecord] = []
    var scaleUps = 0
    var scaleDowns = 0
    var replicasMax = 0
    /// Hosts or nodes added during the run (booted, not the initial pool).
    var nodesAdded = 0
    /// Start of the first interval whose offered load exceeded the Ready capacity.
    var firstOverload = Double.nan
}
