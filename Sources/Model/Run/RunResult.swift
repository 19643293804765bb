/// What one replication of one scenario produced.
public struct RunResult: Sendable, Codable {
    /// Metric values in `RunResult.metricNames` order.
    public var metrics: [Double]
    public var boots: [BootRecord]
    public var timeseries: [TimeSeriesRow]
    /// Controller decisions that changed something (scaling.csv).
    public var scaling: [ScalingRecord]
    /// Lifecycle and controller events in time order (events.csv).
    public var timeline: [TimelineEvent] = []
    /// Engine work, for speed reports: events handled and arrivals generated.
    public var events: UInt64
    public var arrivalsSimulated: Int

    public static let metricNames = [
        "requests", "completed", "rejected", "dropped", "unfinished", "rejected_ratio", "throughput_rps",
        "wait_mean_s", "latency_mean_s", "latency_p50_s", "latency_p95_s", "latency_p99_s",
        "utilization_mean", "in_system_mean", "offered_load", "stable", "slo_violation_ratio",
        "boots", "boot_mean_s", "boot_p95_s", "time_to_ready_mean_s", "start_mean_s", "pull_share_mean",
        "instances_mean", "hosts_mean", "pending_instance_seconds",
        "cost_total", "cost_per_million_requests", "memory_overhead_mib_mean", "layer_cache_excess_bytes_max",
        "scale_ups", "scale_downs", "replicas_max", "nodes_added", "time_to_scale_s", "overprovision_ratio",
        "errors", "availability", "downtime_s", "recoveries", "mttr_s",
        "rollouts", "rollout_duration_s", "rollout_errors", "rollout_rejected", "rollout_extra_instance_seconds",
        "restarts",
    ]

    public func value(_ name: String) -> Double {
        guard let i = Self.metricNames.firstIndex(of: name) else { preconditionFailure("unknown metric \(name)") }
        return metrics[i]
    }
}
