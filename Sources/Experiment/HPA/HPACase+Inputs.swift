import Model

/// Turns a case's inputs into capsim's own HPA types. Times: "now" is
/// `HPACase.now`; ages become times before it.
extension HPACase {
    /// The simulated "now" of every case; pods with `start: unset` started at 0.
    static let now: Double = 100_000

    func config() -> HPAControllerConfig {
        var c = HPAControllerConfig.kubernetes
        if let t = inputs.tolerance { c.tolerance = HPATolerances(scaleUp: t.scaleUp, scaleDown: t.scaleDown) }
        if let v = inputs.cpuInitializationPeriodSeconds { c.cpuInitializationPeriod = v }
        if let v = inputs.initialReadinessDelaySeconds { c.initialReadinessDelay = v }
        if let v = inputs.downscaleStabilizationWindowSeconds { c.downscaleStabilization = v }
        if let v = inputs.scaleUpLimitFactor { c.scaleUpLimitFactor = v }
        if let v = inputs.scaleUpLimitMinimum { c.scaleUpLimitMinimum = v }
        return c
    }

    static func metricSpec(_ m: Metric) -> HPAMetricSpec {
        let name = m.name ?? ""
        let source: HPAMetricSource
        switch m.sourceType {
        // ContainerResource: the test splits each pod's request and usage evenly
        // over its containers, so one container's ratio is the pod's ratio.
        case "Resource", "ContainerResource": source = .resource(name)
        case "Pods": source = .pods(name)
        case "Object": source = .object(name)
        case "External": source = .external(name)
        default: source = .unsupported(m.sourceType)
        }
        var target: HPAMetricTarget?
        if let t = m.target {
            switch m.targetType {
            case "Utilization": target = .utilization(Int(t))
            case "AverageValue": target = .averageValue(t)
            case "Value": target = .value(t)
            default: target = nil
            }
        }
        return HPAMetricSpec(source: source, target: target)
    }

    /// The snapshot the controller would see: pods, samples and metric values.
    func input(current: Int, status: Int?, metrics: [Metric]) -> HPAInput {
        let now = Self.now
        let window = inputs.metricWindowSeconds ?? 60
        let failing = Set(metrics.filter { $0.fetchError == true }.compactMap(\.name))
        let pods: [HPAPod] = (inputs.pods ?? []).map { p in
            let start: Double = p.start == "hot" ? now : p.start == "cool" ? now - 180 : 0
            var samples: [String: HPAMetricSample] = [:]
            for (metric, value) in p.values where !failing.contains(metric) {
                if let value { samples[metric] = HPAMetricSample(value: value, timestamp: now, window: window) }
            }
            var requests: [String: Int64] = [:]
            if let r = p.requestMilli { requests["cpu"] = r; requests["memory"] = r }
            return HPAPod(name: p.name, phase: HPAPod.Phase(rawValue: p.phase) ?? .running, deleting: p.deleting,
                          ready: p.ready, startTime: start, readyTransitionTime: start, requests: requests, samples: samples)
        }
        var input = HPAInput(specReplicas: current, statusReplicas: status ?? current, pods: pods)
        for m in metrics where m.fetchError != true {
            guard let name = m.name else { continue }
            if let v = m.objectValueMilli { input.objectMetrics[name] = v }
            if let v = m.externalValuesMilli { input.externalMetrics[name] = v }
            if let v = m.extraneousPodValuesMilli { input.extraneousSamples[name] = v }
        }
        return input
    }

    /// Rules as written in the test, with null fields taking the API defaults.
    static func rules(_ r: Rules?, up: Bool) -> HPAScalingRules {
        var rules = up ? HPAScalingRules.defaultScaleUp : HPAScalingRules.defaultScaleDown
        guard let r else { return rules }
        if let w = r.stabilizationWindowSeconds { rules.stabilizationWindowSeconds = w }
        if let s = r.selectPolicy { rules.selectPolicy = HPASelectPolicy(rawValue: s) ?? .max }
        if let p = r.policies {
            rules.policies = p.map {
                HPAScalingPolicy(type: HPAScalingPolicy.Kind(rawValue: $0.type) ?? .pods, value: $0.value, periodSeconds: $0.periodSeconds)
            }
        }
        return rules
    }

    static func behavior(_ b: Behavior?) -> HPABehavior? {
        guard let b else { return nil }
        return HPABehavior(scaleUp: rules(b.scaleUp, up: true), scaleDown: rules(b.scaleDown, up: false))
    }

    func history() -> HPAHistory {
        let now = Self.now
        return HPAHistory(
            recommendations: inputs.recommendationHistory?.map { HPARecommendation(time: now - $0.ageSeconds, replicas: $0.replicas) },
            scaleUpEvents: Self.events(inputs.scaleUpEvents), scaleDownEvents: Self.events(inputs.scaleDownEvents))
    }

    static func events(_ e: [Event]?) -> [HPAScaleEvent] {
        (e ?? []).map { HPAScaleEvent(time: now - $0.ageSeconds, replicaChange: $0.replicaChange) }
    }
}
