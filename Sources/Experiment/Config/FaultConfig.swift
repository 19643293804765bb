import Model
import SimRandom

/// `workload:` and `faults:` of a scenario (failures and self-healing).
enum FaultConfig {
    /// `workload: deployment | pods` (default `deployment`). Bare pods are
    /// never replaced, so no controller may set their count.
    static func workload(_ m: ConfigMap, autoscaling: AutoscalingSpec, scaleSchedule: [ScaleStep]) throws -> WorkloadKind {
        guard let value = m.optional("workload") else { return .deployment }
        let kind = try value.choice(WorkloadKind.self, what: "workload")
        if kind == .pods {
            if autoscaling.hpa != nil { throw value.error("bare pods cannot be scaled by an HPA: use workload: deployment") }
            if autoscaling.scaleGroup != nil { throw value.error("bare pods cannot belong to a scale group: use workload: deployment") }
            if !scaleSchedule.isEmpty { throw value.error("bare pods cannot follow a scaleSchedule: use workload: deployment") }
        }
        return kind
    }

    /// `faults: [{at: 20m, kill: pod}, {at: 40m, kill: node, host: 0}, {at: 1h, kill: pod, instance: 3}]`,
    /// in time order; `kill: node` needs a host pool (`hosts:`).
    static func faults(_ m: ConfigMap, cluster: ClusterSpec) throws -> [FaultSpec] {
        var faults: [FaultSpec] = []
        for item in try m.optional("faults")?.list() ?? [] {
            let f = try item.map()
            let at = try f.required("at").duration()
            if let last = faults.last, at < last.at { throw item.error("faults must be in time order") }
            let killValue = try f.required("kill")
            let target: FaultSpec.Target
            switch try killValue.string() {
            case "pod":
                target = .pod(instance: try f.optional("instance")?.int(min: 0, max: InputLimits.maxReplicas))
            case "node":
                guard cluster.hosts != nil else {
                    throw killValue.error("kill: node needs a host pool (hosts:); this scenario has unlimited hosts")
                }
                target = .node(host: try f.optional("host")?.int(min: 0, max: InputLimits.maxHosts))
            case let other:
                throw killValue.error("'\(Echo.value(other))' is not a fault\(Suggestion.hint(other, ["pod", "node"])); use pod or node")
            }
            try f.finish()
            faults.append(FaultSpec(at: at, target: target))
        }
        return faults
    }

    /// `failures: {timeToFailure: DISTRIBUTION, recovery: replace}`. Draws
    /// are clipped to at least 1 s, so that a failure cannot recur within
    /// the same instant. `restart` (CrashLoopBackOff) is not built yet.
    static func failures(_ m: ConfigMap) throws -> FailureSpec? {
        guard let f = try m.map("failures") else { return nil }
        let ttf = try DistributionConfig.read(f.required("timeToFailure"), .duration)
        if let recovery = f.optional("recovery") {
            let name = try recovery.string()
            if name == "restart" {
                throw recovery.error("recovery: restart (CrashLoopBackOff) is not built yet; use replace")
            }
            guard name == "replace" else {
                throw recovery.error("'\(Echo.value(name))' is not a recovery\(Suggestion.hint(name, ["replace", "restart"])); use replace")
            }
        }
        try f.finish()
        return FailureSpec(timeToFailure: try .makeClipped(ttf, min: 1, max: InputLimits.maxNumber))
    }
}
