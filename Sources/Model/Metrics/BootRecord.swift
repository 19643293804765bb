/// One instance started during a run: when it was asked for, where it ran,
/// and how long each phase of its boot took (a row of boots.csv).
public struct BootRecord: Sendable, Codable {
    public var instance: Int
    public var platform: PlatformKind
    public var host: Int
    public var requested: Double
    /// nil when it never became Ready within the run.
    public var ready: Double?
    /// Seconds spent Pending (waiting for a host), then per platform phase.
    public var pending: Double
    public var phases: [String: Double]
    public var pullBytes: Double
    public var cachedBytes: Double
    /// When it stopped taking requests, and when it was gone (nil: never).
    public var terminating: Double?
    public var gone: Double?

    /// Request to Ready.
    public var timeToReady: Double? { ready.map { $0 - requested } }
    /// Placement to Ready: the boot pipeline alone.
    public var bootTime: Double? { ready.map { $0 - requested - pending } }

    /// The platform's own start (see `PlatformKind.startPhases`), once Ready.
    public var startTime: Double? {
        guard ready != nil else { return nil }
        return phases.filter { platform.startPhases.contains($0.key) }.values.reduce(0, +)
    }

    /// Share of the start spent pulling the image, for boots that pulled.
    public var pullShare: Double? {
        guard pullBytes > 0, let start = startTime, start > 0, let pull = phases["pull"] else { return nil }
        return pull / start
    }
}

/// One row of timeseries.csv: an interval [start, start + width).
public struct TimeSeriesRow: Sendable, Codable {
    public var start: Double
    public var offeredRate: Double
    public var arrivals: Int
    public var completions: Int
    public var rejections: Int
    public var desired: Int
    public var pending: Int
    public var booting: Int
    public var ready: Int
    public var terminating: Int
    public var hosts: Int
    /// Ready nodes or hosts (able to take instances).
    public var nodes: Int
    public var cpuUtilization: Double
    public var queueLength: Int
    public var latencyP95: Double
    /// The value the HPA saw last for its first metric (NaN without an HPA).
    public var hpaMetric: Double

    public static let columns = [
        "time_s", "offered_rate", "arrivals", "completions", "rejections", "desired", "pending",
        "booting", "ready", "terminating", "hosts", "nodes", "cpu_utilization", "queue_length", "latency_p95_s",
        "hpa_metric",
    ]
}
