import Foundation

/// One metric's replica proposal, as Kubernetes' `ReplicaCalculator`
/// computes it (RC `Get*Replicas`): usage ratio = current / target, then
/// ceil(ratio × pods counted), unless the ratio is inside the tolerance.
/// No min/max and no behavior here: `HPA.decide` applies those.
public enum HPAReplicaCalculator {
    /// The proposal of `metric` for `input` (H `computeReplicasForMetric`).
    public static func evaluate(_ metric: HPAMetricSpec, input: HPAInput, tolerances: HPATolerances,
                                config: HPAControllerConfig, now: Double) -> HPAMetricEvaluation {
        let name = metric.name
        guard let target = metric.target else {
            return .failure(name, "invalid \(metric.source.typeName) metric source: no target was set")
        }
        switch (metric.source, target) {
        case (.resource, .utilization(let percent)):
            return utilization(name, target: percent, input: input, tolerances: tolerances, config: config, now: now)
        case (.resource, .averageValue(let v)), (.pods, .averageValue(let v)):
            let isResource: Bool = { if case .resource = metric.source { return true } else { return false } }()
            return plain(name, target: v, resource: isResource, input: input, tolerances: tolerances, config: config, now: now)
        case (.object, .value(let v)):
            guard let usage = input.objectMetrics[name] else {
                return .failure(name, "unable to get metric \(name): no value for the object")
            }
            return total(name, usage: usage, target: v, input: input, tolerances: tolerances)
        case (.object, .averageValue(let v)):
            guard let usage = input.objectMetrics[name] else {
                return .failure(name, "unable to get metric \(name): no value for the object")
            }
            return perPod(name, usage: usage, target: v, input: input, tolerances: tolerances)
        case (.external, .value(let v)):
            guard let series = input.externalMetrics[name] else {
                return .failure(name, "unable to get external metric \(name): no metrics returned from external metrics API")
            }
            return total(name, usage: series.reduce(0, +), target: v, input: input, tolerances: tolerances)
        case (.external, .averageValue(let v)):
            guard let series = input.externalMetrics[name] else {
                return .failure(name, "unable to get external metric \(name): no metrics returned from external metrics API")
            }
            return perPod(name, usage: series.reduce(0, +), target: v, input: input, tolerances: tolerances)
        case (.unsupported(let type), _):
            return .failure(name, "unknown metric source type \"\(type)\"")
        default:
            return .failure(name, "invalid \(metric.source.typeName) metric source: target type not supported")
        }
    }

    /// Object/External `Value` (RC `getUsageRatioReplicaCount`): ratio ×
    /// the Running and Ready pods; from zero replicas, ceil(ratio) with no
    /// tolerance.
    static func total(_ name: String, usage: Int64, target: Int64, input: HPAInput,
                      tolerances: HPATolerances) -> HPAMetricEvaluation {
        let ratio = Double(usage) / Double(target)
        var steps = ["value \(HPAText.milli(usage)) / target \(HPAText.milli(target)) = ratio \(HPAText.ratio(ratio))"]
        let current = input.specReplicas
        if current == 0 {
            let replicas = Int(ceil(ratio))
            steps.append("from 0 replicas: ceil(ratio) = \(replicas) (no tolerance)")
            return HPAMetricEvaluation(metric: name, replicas: replicas, average: usage, steps: steps)
        }
        if tolerances.contains(ratio) {
            steps.append("ratio within tolerance [\(HPAText.ratio(1 - tolerances.scaleDown)), \(HPAText.ratio(1 + tolerances.scaleUp))]: keep \(current)")
            return HPAMetricEvaluation(metric: name, replicas: current, average: usage, heldByTolerance: true, steps: steps)
        }
        if input.pods.isEmpty {
            return .failure(name, "unable to calculate ready pods: no pods returned by selector while calculating replica count", steps: steps)
        }
        let ready = input.pods.filter { $0.phase == .running && $0.ready }.count
        let replicas = Int(ceil(ratio * Double(ready)))
        steps.append("ceil(\(HPAText.ratio(ratio)) × \(ready) Running and Ready pods) = \(replicas)")
        return HPAMetricEvaluation(metric: name, replicas: replicas, average: usage, steps: steps)
    }

    /// Object/External `AverageValue` (RC `Get*PerPodMetricReplicas`): the
    /// ratio is value / (target × status.replicas); outside the tolerance
    /// the proposal is ceil(value / target), inside it status.replicas.
    static func perPod(_ name: String, usage: Int64, target: Int64, input: HPAInput,
                       tolerances: HPATolerances) -> HPAMetricEvaluation {
        let status = input.statusReplicas
        let ratio = Double(usage) / (Double(target) * Double(status))
        var steps = ["value \(HPAText.milli(usage)) / (target \(HPAText.milli(target)) × \(status) status replicas) = ratio \(HPAText.ratio(ratio))"]
        let average = status > 0 ? Int64(ceil(Double(usage) / Double(status))) : usage
        if tolerances.contains(ratio) {
            steps.append("ratio within tolerance: keep the status replicas, \(status)")
            return HPAMetricEvaluation(metric: name, replicas: status, average: average, heldByTolerance: true, steps: steps)
        }
        let replicas = Int(ceil(Double(usage) / Double(target)))
        steps.append("ceil(value / target) = \(replicas)")
        return HPAMetricEvaluation(metric: name, replicas: replicas, average: average, steps: steps)
    }
}
