import Model

/// Small builders for hand-computed HPA situations.
enum HPAFixtures {
    /// A Running, Ready pod started long ago with a CPU request and sample (millicores).
    static func cpuPod(_ name: String, request: Int64 = 1000, usage: Int64?, ready: Bool = true,
                       phase: HPAPod.Phase = .running, started: Double = 0, now: Double = 10_000) -> HPAPod {
        var samples: [String: HPAMetricSample] = [:]
        if let usage { samples["cpu"] = HPAMetricSample(value: usage, timestamp: now, window: 60) }
        return HPAPod(name: name, phase: phase, ready: ready, startTime: started, readyTransitionTime: started,
                      requests: ["cpu": request], samples: samples)
    }

    static let cpu50 = HPAMetricSpec(source: .resource("cpu"), target: .utilization(50))

    static func spec(min: Int = 1, max: Int = 100, metrics: [HPAMetricSpec] = [cpu50], behavior: HPABehavior? = nil) -> HPASpec {
        HPASpec(minReplicas: min, maxReplicas: max, metrics: metrics, behavior: behavior)
    }

    /// A history seeded with no recommendations (not a first sync).
    static let seeded = HPAHistory(recommendations: [])
}
