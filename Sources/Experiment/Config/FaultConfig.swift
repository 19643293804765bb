import Model
import SimRandom

/// `workload:`, `faults:`, `failures:` and how losses are noticed and
/// recovered (`backoff:`, `nodeFailure:`, `healthCheck:`, `endpoints:`).
enum FaultConfig {
    /// `workload: deployment | pods` (default `deployment`). Bare pods are
    /// never replaced, so no controller may set their count, and they have
    /// no Deployment (`deployment:`, `rollouts:`).
    static func workload(_ m: ConfigMap, autoscaling: AutoscalingSpec, scaleSchedule: [ScaleStep]) throws -> WorkloadKind {
        guard let value = m.optional("workload") else { return .deployment }
        let kind = try value.choice(WorkloadKind.self, what: "workload")
        if kind == .pods {
            if autoscaling.hpa != nil { throw value.error("bare pods cannot be scaled by an HPA: use workload: deployment") }
            if autoscaling.scaleGroup != nil { throw value.error("bare pods cannot belong to a scale group: use workload: deployment") }
            if !scaleSchedule.isEmpty { throw value.error("bare pods cannot follow a scaleSchedule: use workload: deployment") }
            for key in ["deployment", "rollouts"] {
                if let v = m.peek(key) { throw v.error("bare pods have no Deployment: \(key) needs workload: deployment") }
            }
        }
        return kind
    }

    /// `faults: [{at: 20m, kill: pod}, {at: 40m, kill: node, host: 0}, {at: 1h, kill: pod, instance: 3},
    /// {at: 2h, kill: container}]`, in time order; `kill: node` needs a host pool (`hosts:`).
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
            case "container":
                target = .container(instance: try f.optional("instance")?.int(min: 0, max: InputLimits.maxReplicas))
            case "node":
                guard cluster.hosts != nil else {
                    throw killValue.error("kill: node needs a host pool (hosts:); this scenario has unlimited hosts")
                }
                target = .node(host: try f.optional("host")?.int(min: 0, max: InputLimits.maxHosts))
            case let other:
                throw killValue.error("'\(Echo.value(other))' is not a fault\(Suggestion.hint(other, ["pod", "node", "container"])); use pod, node or container")
            }
            try f.finish()
            faults.append(FaultSpec(at: at, target: target))
        }
        return faults
    }

    /// `failures: {timeToFailure: DISTRIBUTION, recovery: replace | restart}`.
    /// Draws are clipped to at least 1 s, so that a failure cannot recur
    /// within the same instant. `restart` restarts the container in place
    /// after the scenario's `backoff`.
    static func failures(_ m: ConfigMap, backoff: BackoffSpec) throws -> FailureSpec? {
        guard let f = try m.map("failures") else { return nil }
        let ttf = try DistributionConfig.read(f.required("timeToFailure"), .duration)
        var recovery = RecoverySpec.replace
        if let value = f.optional("recovery") {
            switch try value.string() {
            case "replace": recovery = .replace
            case "restart": recovery = .restart(backoff)
            case let name:
                throw value.error("'\(Echo.value(name))' is not a recovery\(Suggestion.hint(name, ["replace", "restart"])); use replace or restart")
            }
        }
        try f.finish()
        return FailureSpec(timeToFailure: try .makeClipped(ttf, min: 1, max: InputLimits.maxNumber), recovery: recovery)
    }

    /// `backoff: {initial: 10s, max: 5m, reset: 10m}`: the kubelet's
    /// CrashLoopBackOff (its defaults); initial > 0, max ≥ initial, reset > 0.
    static func backoff(_ m: ConfigMap) throws -> BackoffSpec {
        var b = BackoffSpec()
        guard let o = try m.map("backoff") else { return b }
        b.initial = try o.optional("initial")?.positiveDuration() ?? b.initial
        let maxValue = o.optional("max")
        b.max = try maxValue?.positiveDuration() ?? b.max
        b.reset = try o.optional("reset")?.positiveDuration() ?? b.reset
        try o.finish()
        if b.max < b.initial {
            throw (maxValue ?? o.top).error("max \(ConfigValue.show(b.max))s must not be below initial \(ConfigValue.show(b.initial))s")
        }
        return b
    }

    /// `nodeFailure: {monitorGracePeriod: 40s, tolerationSeconds: 300s}`
    /// (Kubernetes' defaults), for the container platform.
    static func nodeFailure(_ m: ConfigMap, platform: PlatformKind) throws -> NodeFailureSpec {
        var n = NodeFailureSpec()
        guard let o = try m.map("nodeFailure") else { return n }
        guard platform == .container else {
            throw o.top.error("nodeFailure applies to the container platform (Kubernetes nodes); vm and microvm use healthCheck")
        }
        n.monitorGracePeriod = try o.optional("monitorGracePeriod")?.duration() ?? n.monitorGracePeriod
        n.tolerationSeconds = try o.optional("tolerationSeconds")?.duration() ?? n.tolerationSeconds
        try o.finish()
        return n
    }

    /// `healthCheck: {interval: 30s, unhealthyThreshold: 2, gracePeriod: 300s}`
    /// (AWS' defaults), for the vm and microvm platforms.
    static func healthCheck(_ m: ConfigMap, platform: PlatformKind) throws -> HealthCheckSpec {
        var h = HealthCheckSpec()
        guard let o = try m.map("healthCheck") else { return h }
        guard platform == .vm || platform == .microvm else {
            throw o.top.error("healthCheck applies to the vm and microvm platforms; containers use nodeFailure and the kubelet")
        }
        h.interval = try o.optional("interval")?.interval() ?? h.interval
        h.unhealthyThreshold = try o.optional("unhealthyThreshold")?.int(min: 1, max: InputLimits.maxSuccessThreshold) ?? h.unhealthyThreshold
        h.gracePeriod = try o.optional("gracePeriod")?.duration() ?? h.gracePeriod
        try o.finish()
        return h
    }

    /// `endpoints: {propagationDelay: 1s}` (default 0).
    static func endpoints(_ m: ConfigMap) throws -> EndpointsSpec {
        var e = EndpointsSpec()
        guard let o = try m.map("endpoints") else { return e }
        e.propagationDelay = try o.optional("propagationDelay")?.duration() ?? e.propagationDelay
        try o.finish()
        return e
    }
}
