/// The buckets Kubernetes sorts a metric's pods into before computing a
/// ratio (RC `groupPods`), checked in this order:
/// 1. ignored: terminating (deletionTimestamp) or Failed: dropped entirely;
/// 2. unready: Pending (any metric);
/// 3. missing: no sample for this metric;
/// 4. unready, CPU only: no start time; inside the CPU initialization
///    period, not Ready or sampled before readiness + one sample window;
///    after it, not Ready and never Ready since start (last transition
///    within the initial readiness delay of the start);
/// 5. ready: everything else.
public struct HPAPodGroups: Sendable, Equatable {
    public var ready: [String] = []
    public var unready: [String] = []
    public var missing: [String] = []
    public var ignored: [String] = []

    /// Why each unready or ignored pod was set aside, for explanations.
    public var notes: [String] = []

    public init(pods: [HPAPod], metric: String, cpuRules: Bool, config: HPAControllerConfig, now: Double) {
        for pod in pods {
            if pod.deleting || pod.phase == .failed {
                ignored.append(pod.name)
                notes.append("\(pod.name): ignored (\(pod.deleting ? "terminating" : "Failed"))")
                continue
            }
            if pod.phase == .pending {
                unready.append(pod.name)
                notes.append("\(pod.name): unready (Pending)")
                continue
            }
            guard let sample = pod.samples[metric] else {
                missing.append(pod.name)
                continue
            }
            if cpuRules, let why = Self.cpuUnready(pod, sample, config, now) {
                unready.append(pod.name)
                notes.append("\(pod.name): unready (\(why))")
                continue
            }
            ready.append(pod.name)
        }
    }

    /// Why a CPU sample of a Running pod is not trusted, or nil if it is.
    static func cpuUnready(_ pod: HPAPod, _ sample: HPAMetricSample, _ config: HPAControllerConfig, _ now: Double) -> String? {
        guard let start = pod.startTime else { return "no start time" }
        if start + config.cpuInitializationPeriod > now {
            if !pod.ready { return "not Ready, inside the CPU initialization period" }
            if sample.timestamp < pod.readyTransitionTime + sample.window {
                return "sample window overlaps its start-up, inside the CPU initialization period"
            }
            return nil
        }
        if !pod.ready && start + config.initialReadinessDelay > pod.readyTransitionTime {
            return "not Ready and never Ready since start"
        }
        return nil
    }
}
