/// The Horizontal Pod Autoscaler's decision at one sync, as Kubernetes'
/// `HorizontalController.reconcileAutoscaler` makes it (autoscaling/v2):
/// pre-checks, one proposal per metric, the maximum, then normalization
/// (legacy or `behavior`), then the scale-event record.
///
/// A pure function: the simulation, `capsim hpa check-cases` and
/// `capsim hpa explain` all call `decide`.
public enum HPA {
    public static func decide(spec: HPASpec, config: HPAControllerConfig, input: HPAInput,
                              history: HPAHistory, now: Double) -> HPADecision {
        var history = history
        let current = input.specReplicas
        var steps = ["current replicas \(current) (spec), \(input.statusReplicas) (status); min \(spec.minReplicas), max \(spec.maxReplicas)"]
        if history.recommendations == nil {
            history.recommendations = [HPARecommendation(time: now, replicas: current)]
            steps.append("no history yet: recorded \(current) as the initial recommendation")
        }
        func done(_ desired: Int, _ reason: String, metrics: [HPAMetricEvaluation] = [], proposal: Int? = nil,
                  stabilized: Int? = nil, conditions: [String: String] = [:]) -> HPADecision {
            var conditions = conditions
            if desired != current {
                history.storeScaleEvent(behavior: spec.behavior, from: current, to: desired, now: now)
                conditions["AbleToScale"] = "SucceededRescale"
            }
            steps.append("desired replicas \(desired) (reason: \(reason))")
            return HPADecision(desired: desired, current: current, reason: reason, steps: steps, metrics: metrics,
                               proposal: proposal, stabilized: stabilized, conditions: conditions, history: history)
        }
        if current == 0 && spec.minReplicas != 0 {
            steps.append("the target has 0 replicas and minReplicas is not 0: scaling is disabled")
            return done(0, "disabled", conditions: ["ScalingActive": "ScalingDisabled"])
        }
        if current > spec.maxReplicas {
            steps.append("current is above maxReplicas: set \(spec.maxReplicas) without reading metrics")
            return done(spec.maxReplicas, "maxReplicas")
        }
        if current < spec.minReplicas {
            steps.append("current is below minReplicas: set \(spec.minReplicas) without reading metrics")
            return done(spec.minReplicas, "minReplicas")
        }

        let tolerances = config.tolerances(for: spec)
        let evaluations = spec.metrics.map {
            HPAReplicaCalculator.evaluate($0, input: input, tolerances: tolerances, config: config, now: now)
        }
        var best: HPAMetricEvaluation?
        for e in evaluations {
            steps.append("metric \(e.metric):")
            steps += e.steps.map { "  " + $0 }
            if let r = e.replicas {
                steps.append("  proposal \(r)")
                if best?.replicas.map({ r > $0 }) ?? true { best = e }
            }
        }
        let failed = evaluations.count - evaluations.filter { $0.replicas != nil }.count
        guard let best, let proposal = best.replicas, failed < evaluations.count,
              !(failed > 0 && proposal < current) else {
            steps.append(failed == evaluations.count
                ? "no metric gave a proposal: keep \(current)"
                : "\(failed) metric(s) failed and the others would scale down: keep \(current)")
            let firstFailure = zip(spec.metrics, evaluations).first { $0.1.replicas == nil }?.0.source
            return done(current, "metricError", metrics: evaluations,
                        conditions: ["ScalingActive": firstFailure.map(failureCondition) ?? "FailedGetMetrics"])
        }
        steps.append("largest proposal: \(proposal) from \(best.metric)")

        let stabilized: Int
        let limit: HPARateLimiter.Outcome
        if let behavior = spec.behavior {
            let up = Double(behavior.scaleUp.stabilizationWindowSeconds ?? 0)
            let down = behavior.scaleDown.stabilizationWindowSeconds.map(Double.init) ?? config.downscaleStabilization
            stabilized = HPAStabilizer.withBehavior(current: current, proposal: proposal, upWindow: up,
                                                    downWindow: down, history: &history, now: now)
            steps.append("stabilization (up window \(up.formatted0) s, down window \(down.formatted0) s): \(stabilized)")
            limit = HPARateLimiter.withBehavior(current: current, desired: stabilized, min: spec.minReplicas,
                                                max: spec.maxReplicas, behavior: behavior, history: history, now: now)
        } else {
            stabilized = HPAStabilizer.legacy(proposal: proposal, window: config.downscaleStabilization,
                                              history: &history, now: now)
            steps.append("downscale stabilization (largest recommendation of the last \(config.downscaleStabilization.formatted0) s): \(stabilized)")
            limit = HPARateLimiter.legacy(current: current, desired: stabilized, min: spec.minReplicas,
                                          max: spec.maxReplicas, config: config)
        }
        steps.append("limits: \(limit.step)")
        let desired = limit.replicas
        let reason = limit.reason
            ?? (stabilized != proposal ? "stabilization"
                : best.heldByTolerance && desired == current ? "tolerance" : "metric:\(best.metric)")
        let able = desired != current ? "SucceededRescale"
            : stabilized < proposal ? "ScaleUpStabilized" : stabilized > proposal ? "ScaleDownStabilized" : "ReadyForNewScale"
        return done(desired, reason, metrics: evaluations, proposal: proposal, stabilized: stabilized,
                    conditions: ["AbleToScale": able, "ScalingLimited": limit.condition, "ScalingActive": "ValidMetricFound"])
    }

    /// The ScalingActive reason Kubernetes sets when a metric of this source fails.
    static func failureCondition(_ source: HPAMetricSource) -> String {
        if case .unsupported = source { return "InvalidMetricSourceType" }
        return "FailedGet\(source.typeName)Metric"
    }
}
