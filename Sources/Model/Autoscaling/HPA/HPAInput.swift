/// What the HPA controller can see at one sync: the target's replica
/// counts, the pods its selector matches and the metric values the
/// metrics APIs return. Built from plain data; times are simulated seconds.
///
/// Quantities are Kubernetes milli-units (`MilliValue()`): 0.25 cores is
/// 250, a request rate of 12/s is 12000, 256 MiB of memory is
/// 256 × 2^20 × 1000.
public struct HPAInput: Sendable, Equatable {
    /// `scale.spec.replicas`: the "currentReplicas" of a reconcile.
    public var specReplicas: Int
    /// `scale.status.replicas`: used only by Object/External `AverageValue`.
    public var statusReplicas: Int
    public var pods: [HPAPod]
    /// Samples the resource/custom metrics APIs return for pods that are
    /// not in `pods` (by metric name). Kubernetes skips them in utilization
    /// sums but still counts them in some places; usually empty.
    public var extraneousSamples: [String: [Int64]]
    /// Object metric values by metric name; absent: the fetch fails.
    public var objectMetrics: [String: Int64]
    /// External metric series by metric name (summed); absent: the fetch fails.
    public var externalMetrics: [String: [Int64]]

    public init(specReplicas: Int, statusReplicas: Int? = nil, pods: [HPAPod],
                extraneousSamples: [String: [Int64]] = [:], objectMetrics: [String: Int64] = [:],
                externalMetrics: [String: [Int64]] = [:]) {
        self.specReplicas = specReplicas
        self.statusReplicas = statusReplicas ?? specReplicas
        self.pods = pods
        self.extraneousSamples = extraneousSamples
        self.objectMetrics = objectMetrics
        self.externalMetrics = externalMetrics
    }
}

/// One pod matched by the target's selector.
public struct HPAPod: Sendable, Equatable {
    public enum Phase: String, Sendable, CaseIterable, Equatable {
        case pending = "Pending", running = "Running", succeeded = "Succeeded", failed = "Failed"
    }

    public var name: String
    public var phase: Phase
    /// The pod has a deletionTimestamp (terminating): ignored entirely.
    public var deleting: Bool
    /// Status of the Ready condition.
    public var ready: Bool
    /// `status.startTime`; nil: not started (counts as unready for CPU).
    public var startTime: Double?
    /// Last transition time of the Ready condition.
    public var readyTransitionTime: Double
    /// Sum of the containers' requests by resource name (`cpu`, `memory`),
    /// milli-units; a resource absent here has no request.
    public var requests: [String: Int64]
    /// The latest sample of each metric by name; absent: missing.
    public var samples: [String: HPAMetricSample]

    public init(name: String, phase: Phase = .running, deleting: Bool = false, ready: Bool = true,
                startTime: Double?, readyTransitionTime: Double, requests: [String: Int64] = [:],
                samples: [String: HPAMetricSample] = [:]) {
        self.name = name
        self.phase = phase
        self.deleting = deleting
        self.ready = ready
        self.startTime = startTime
        self.readyTransitionTime = readyTransitionTime
        self.requests = requests
        self.samples = samples
    }
}

/// A metric sample as metrics-server reports it: a value averaged over
/// `window` seconds ending at `timestamp`.
public struct HPAMetricSample: Sendable, Equatable {
    public var value: Int64
    public var timestamp: Double
    public var window: Double

    public init(value: Int64, timestamp: Double, window: Double) {
        self.value = value
        self.timestamp = timestamp
        self.window = window
    }

    /// Milli-units of a plain quantity (cores, requests per second, bytes),
    /// rounded up as Kubernetes' `MilliValue()` rounds: 0.2504 cores → 251.
    public static func milli(_ quantity: Double) -> Int64 {
        Int64((quantity * 1000).rounded(.up))
    }
}
