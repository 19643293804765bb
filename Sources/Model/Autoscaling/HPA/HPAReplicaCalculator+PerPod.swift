import Foundation

/// Per-pod metrics: Resource (`Utilization`, `AverageValue`) and Pods
/// (`AverageValue`), with Kubernetes' treatment of unready and missing pods.
extension HPAReplicaCalculator {
    /// Samples by pod name, plus the extraneous ones under private keys.
    typealias Samples = [String: Int64]

    /// Resource `Utilization` (RC `GetResourceReplicas`): utilization % =
    /// floor(100 · Σusage / Σrequest) over the pods counted.
    static func utilization(_ name: String, target: Int, input: HPAInput, tolerances: HPATolerances,
                            config: HPAControllerConfig, now: Double) -> HPAMetricEvaluation {
        let prepared = prepare(name, resource: true, input: input, config: config, now: now)
        guard case .success(let groups, let metrics, var steps) = prepared else { return prepared.failure(name) }
        var requests: [String: Int64] = [:]
        for pod in input.pods {
            guard let r = pod.requests[name] else {
                return .failure(name, "missing request for \(name) in Pod \(pod.name)", steps: steps)
            }
            requests[pod.name] = r
        }
        func measure(_ m: Samples) -> (ratio: Double, percent: Int, raw: Int64)? {
            var used: Int64 = 0, requested: Int64 = 0, n: Int64 = 0
            for (pod, value) in m {
                guard let r = requests[pod] else { continue }
                used += value
                requested += r
                n += 1
            }
            guard requested > 0 else { return nil }
            let percent = Int(used * 100 / requested)
            return (Double(percent) / Double(target), percent, used / n)
        }
        guard let first = measure(metrics) else {
            return .failure(name, "no metrics returned matched known pods", steps: steps)
        }
        steps.append("utilization \(first.percent)% of requests (average \(HPAText.milli(first.raw))) / target \(target)% = ratio \(HPAText.ratio(first.ratio)) over \(groups.ready.count) ready pods")
        let fallback = Int64(max(100, target))
        let result = rebalance(current: input.specReplicas, ratio: first.ratio, groups: groups, metrics: metrics,
                               scaleDownFill: { requests[$0, default: 0] * fallback / 100 },
                               fillNote: "\(fallback)% of its request", recompute: { measure($0)?.ratio },
                               tolerances: tolerances, steps: &steps)
        guard let (replicas, held) = result else {
            return .failure(name, "no metrics returned matched known pods", steps: steps)
        }
        return HPAMetricEvaluation(metric: name, replicas: replicas, utilizationPercent: first.percent,
                                   average: first.raw, heldByTolerance: held, steps: steps)
    }

    /// Resource or Pods `AverageValue` (RC `calcPlainMetricReplicas`): the
    /// integer average of the samples counted, divided by the target.
    static func plain(_ name: String, target: Int64, resource: Bool, input: HPAInput, tolerances: HPATolerances,
                      config: HPAControllerConfig, now: Double) -> HPAMetricEvaluation {
        let prepared = prepare(name, resource: resource, input: input, config: config, now: now)
        guard case .success(let groups, let metrics, var steps) = prepared else { return prepared.failure(name) }
        func measure(_ m: Samples) -> (ratio: Double, average: Int64) {
            let average = m.values.reduce(0, +) / Int64(m.count)
            return (Double(average) / Double(target), average)
        }
        let first = measure(metrics)
        steps.append("average \(HPAText.milli(first.average)) / target \(HPAText.milli(target)) = ratio \(HPAText.ratio(first.ratio)) over \(metrics.count) samples, \(groups.ready.count) ready pods")
        let result = rebalance(current: input.specReplicas, ratio: first.ratio, groups: groups, metrics: metrics,
                               scaleDownFill: { _ in target }, fillNote: "the target",
                               recompute: { measure($0).ratio }, tolerances: tolerances, steps: &steps)
        guard let (replicas, held) = result else { return .failure(name, "no samples", steps: steps) }
        return HPAMetricEvaluation(metric: name, replicas: replicas, average: first.average,
                                   heldByTolerance: held, steps: steps)
    }

    enum Prepared {
        case success(HPAPodGroups, Samples, [String])
        case failed(String, [String])

        func failure(_ name: String) -> HPAMetricEvaluation {
            if case .failed(let message, let steps) = self { return .failure(name, message, steps: steps) }
            return .failure(name, "internal error")
        }
    }

    /// Fetches the samples, groups the pods and drops ignored and unready
    /// samples (RC `groupPods`, `removeMetricsForPods`).
    static func prepare(_ name: String, resource: Bool, input: HPAInput, config: HPAControllerConfig, now: Double) -> Prepared {
        let extraneous = input.extraneousSamples[name] ?? []
        var metrics: Samples = [:]
        for pod in input.pods { if let s = pod.samples[name] { metrics[pod.name] = s.value } }
        for (i, v) in extraneous.enumerated() { metrics["\u{0}extraneous-\(i)"] = v }
        if metrics.isEmpty {
            return .failed(resource ? "unable to get metrics for resource \(name): no metrics returned from resource metrics API"
                                    : "unable to get metric \(name): no metrics returned from custom metrics API", [])
        }
        if input.pods.isEmpty { return .failed("no pods returned by selector while calculating replica count", []) }
        let groups = HPAPodGroups(pods: input.pods, metric: name, cpuRules: resource && name == "cpu", config: config, now: now)
        var steps = groups.notes
        if !groups.missing.isEmpty { steps.append("missing samples: \(groups.missing.joined(separator: ", "))") }
        if !extraneous.isEmpty { steps.append("\(extraneous.count) samples of pods outside the selector's list") }
        for pod in groups.ignored + groups.unready { metrics[pod] = nil }
        if metrics.isEmpty { return .failed("did not receive metrics for targeted pods (pods might be unready)", steps) }
        return .success(groups, metrics, steps)
    }

    /// The fast path and the rebalancing rule shared by both per-pod paths.
    /// Returns nil when the recomputed ratio cannot be formed.
    static func rebalance(current: Int, ratio: Double, groups: HPAPodGroups, metrics: Samples,
                          scaleDownFill: (String) -> Int64, fillNote: String, recompute: (Samples) -> Double?,
                          tolerances: HPATolerances, steps: inout [String]) -> (Int, Bool)? {
        let scaleUpWithUnready = !groups.unready.isEmpty && ratio > 1
        if !scaleUpWithUnready && groups.missing.isEmpty {
            if tolerances.contains(ratio) {
                steps.append("ratio within tolerance [\(HPAText.ratio(1 - tolerances.scaleDown)), \(HPAText.ratio(1 + tolerances.scaleUp))]: keep \(current)")
                return (current, true)
            }
            let replicas = Int(ceil(ratio * Double(groups.ready.count)))
            steps.append("ceil(\(HPAText.ratio(ratio)) × \(groups.ready.count) ready pods) = \(replicas)")
            return (replicas, false)
        }
        var filled = metrics
        if !groups.missing.isEmpty && ratio < 1 {
            for pod in groups.missing { filled[pod] = scaleDownFill(pod) }
            steps.append("scale-down: \(groups.missing.count) pod(s) without samples assumed at \(fillNote)")
        } else if !groups.missing.isEmpty && ratio > 1 {
            for pod in groups.missing { filled[pod] = 0 }
            steps.append("scale-up: \(groups.missing.count) pod(s) without samples assumed at 0")
        }
        if scaleUpWithUnready {
            for pod in groups.unready { filled[pod] = 0 }
            steps.append("scale-up: \(groups.unready.count) unready pod(s) assumed at 0")
        }
        guard let newRatio = recompute(filled) else { return nil }
        steps.append("recomputed ratio \(HPAText.ratio(newRatio)) over \(filled.count) samples")
        if tolerances.contains(newRatio) {
            steps.append("recomputed ratio within tolerance: keep \(current)")
            return (current, true)
        }
        if (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1) {
            steps.append("recomputed ratio reverses the direction: keep \(current)")
            return (current, true)
        }
        let replicas = Int(ceil(newRatio * Double(filled.count)))
        if (newRatio < 1 && replicas > current) || (newRatio > 1 && replicas < current) {
            steps.append("ceil(\(HPAText.ratio(newRatio)) × \(filled.count)) = \(replicas) moves against the ratio: keep \(current)")
            return (current, true)
        }
        steps.append("ceil(\(HPAText.ratio(newRatio)) × \(filled.count) samples) = \(replicas)")
        return (replicas, false)
    }
}
