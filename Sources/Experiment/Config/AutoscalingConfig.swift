import Model

/// A scenario's autoscaling keys: `metrics`, `clusterAutoscaler`,
/// `scaleGroup` (the `hpa` and `hpaController` keys are read by HPAConfig).
enum AutoscalingConfig {
    static func read(_ m: ConfigMap, platform: PlatformSpec, cluster: ClusterSpec, replicas: Int,
                     scaleSchedule: [ScaleStep], directory: String) throws -> AutoscalingSpec {
        var spec = AutoscalingSpec()
        if let metrics = try m.map("metrics") { spec.metrics = try readMetrics(metrics) }
        let controllerFlags = m.optional("hpaController")
        if let hpaValue = m.optional("hpa") {
            let hpa = HPAController(spec: try HPAConfig.read(hpaValue, directory: directory),
                                    config: try HPAConfig.controller(controllerFlags))
            if let s = m.peek("scaleSchedule"), !scaleSchedule.isEmpty {
                throw s.error("the HPA sets the replicas: remove scaleSchedule")
            }
            if let g = m.peek("scaleGroup") { throw g.error("the HPA sets the replicas: a scenario takes hpa or scaleGroup, not both") }
            if replicas < hpa.spec.minReplicas || replicas > hpa.spec.maxReplicas, let r = m.peek("replicas") ?? m.peek("hpa") {
                throw r.error("replicas \(replicas) must lie within the HPA's minReplicas \(hpa.spec.minReplicas) and maxReplicas \(hpa.spec.maxReplicas)")
            }
            spec.hpa = hpa
        } else if let flags = controllerFlags {
            throw flags.error("hpaController configures an HPA: add hpa")
        }
        if let ca = try m.map("clusterAutoscaler") {
            guard cluster.hosts != nil else { throw ca.top.error("a Cluster Autoscaler needs a node pool (hosts:)") }
            guard platform.kind == .container else {
                throw ca.top.error("the Cluster Autoscaler scales container node pools; use scaleGroup for VMs")
            }
            let caSpec = try readClusterAutoscaler(ca)
            if let s = m.peek("hostSchedule"), !cluster.hostSchedule.isEmpty {
                throw s.error("the Cluster Autoscaler sizes the node pool: remove hostSchedule")
            }
            if let pool = cluster.hosts, pool.count > caSpec.maxNodes {
                throw ca.top.error("maxNodes \(caSpec.maxNodes) is below the pool's \(pool.count) initial nodes")
            }
            spec.clusterAutoscaler = caSpec
        }
        if let group = try m.map("scaleGroup") {
            guard platform.kind == .vm else { throw group.top.error("a scale group applies to the vm platform only") }
            if let s = m.peek("scaleSchedule"), !scaleSchedule.isEmpty {
                throw s.error("a scale group sets the replicas: remove scaleSchedule")
            }
            let g = try readScaleGroup(group)
            if replicas < g.minSize || replicas > g.maxSize, let r = m.peek("replicas") {
                throw r.error("must lie within the scale group's minSize \(g.minSize) and maxSize \(g.maxSize)")
            }
            spec.scaleGroup = g
        }
        return spec
    }

    static func readMetrics(_ m: ConfigMap) throws -> MetricsPipelineSpec {
        var spec = MetricsPipelineSpec()
        spec.resolution = try m.optional("resolution")?.positiveDuration() ?? spec.resolution
        spec.cpuPerRequest = try m.optional("cpuPerRequest")?.positive() ?? spec.cpuPerRequest
        spec.memoryBaseMiB = try m.optional("memoryBase")?.mebibytes()
        spec.memoryPerRequestMiB = try m.optional("memoryPerRequest")?.mebibytes() ?? 0
        try m.finish()
        return spec
    }

    static func readClusterAutoscaler(_ m: ConfigMap) throws -> ClusterAutoscalerSpec {
        let maxValue = try m.required("maxNodes")
        var spec = ClusterAutoscalerSpec(maxNodes: try maxValue.int(min: 1))
        spec.minNodes = try m.optional("minNodes")?.int(min: 0) ?? 0
        if spec.minNodes > spec.maxNodes { throw maxValue.error("must not be below minNodes (\(spec.minNodes))") }
        spec.scanInterval = try m.optional("scanInterval")?.positiveDuration() ?? spec.scanInterval
        if let v = m.optional("scaleDownUtilizationThreshold") {
            let t = try v.double()
            guard t > 0 && t <= 1 else { throw v.error("must lie in (0, 1], got \(CSVFormat.number(t))") }
            spec.scaleDownUtilizationThreshold = t
        }
        spec.scaleDownUnneededTime = try m.optional("scaleDownUnneededTime")?.duration() ?? spec.scaleDownUnneededTime
        spec.scaleDownDelayAfterAdd = try m.optional("scaleDownDelayAfterAdd")?.duration() ?? spec.scaleDownDelayAfterAdd
        spec.maxNodeProvisionTime = try m.optional("maxNodeProvisionTime")?.positiveDuration() ?? spec.maxNodeProvisionTime
        try m.finish()
        return spec
    }

    static func readScaleGroup(_ m: ConfigMap) throws -> ScaleGroupSpec {
        let minSize = try m.required("minSize").int(min: 0)
        let maxValue = try m.required("maxSize")
        let maxSize = try maxValue.int(min: 1)
        if minSize > maxSize { throw maxValue.error("must not be below minSize (\(minSize))") }
        var policies: [ScalingPolicy] = []
        let list = try m.required("policies")
        for item in try list.list() { policies.append(try readPolicy(try item.map())) }
        if policies.isEmpty { throw list.error("must list at least one policy") }
        var spec = ScaleGroupSpec(minSize: minSize, maxSize: maxSize, policies: policies)
        spec.defaultCooldown = try m.optional("defaultCooldown")?.duration() ?? spec.defaultCooldown
        spec.defaultInstanceWarmup = try m.optional("defaultInstanceWarmup")?.duration() ?? spec.defaultInstanceWarmup
        spec.period = try m.optional("period")?.positiveDuration() ?? spec.period
        try m.finish()
        return spec
    }

    static let policyTypes = ["TargetTracking", "StepScaling"]

    static func readPolicy(_ p: ConfigMap) throws -> ScalingPolicy {
        let typeValue = try p.required("type")
        let type = try typeValue.string()
        if let metric = p.optional("metric"), try metric.string() != "cpu" {
            throw metric.error("unknown metric '\(try metric.string())'; scale-group policies track 'cpu' (average utilization in percent)")
        }
        let policy: ScalingPolicy
        switch type {
        case "TargetTracking":
            policy = .targetTracking(
                targetValue: try p.required("targetValue").positive(),
                scaleOutPeriods: try p.optional("scaleOutPeriods")?.int(min: 1) ?? 3,
                scaleInPeriods: try p.optional("scaleInPeriods")?.int(min: 1) ?? 15,
                disableScaleIn: try p.optional("disableScaleIn")?.bool() ?? false)
        case "StepScaling":
            var steps: [ScalingStep] = []
            for item in try p.required("steps").list() {
                let s = try item.map()
                let step = ScalingStep(lower: try s.optional("lower")?.double() ?? -.infinity,
                                       upper: try s.optional("upper")?.double() ?? .infinity,
                                       adjustment: try s.required("adjustment").int(min: Int.min))
                guard step.lower < step.upper else { throw item.error("lower must be below upper") }
                guard step.adjustment != 0 else { throw try s.required("adjustment").error("must not be zero") }
                if steps.contains(where: { $0.lower < step.upper && step.lower < $0.upper }) {
                    throw item.error("overlaps another step")
                }
                steps.append(step)
                try s.finish()
            }
            if steps.isEmpty { throw try p.required("steps").error("must list at least one step") }
            policy = .stepScaling(steps: steps, evaluationPeriods: try p.optional("evaluationPeriods")?.int(min: 1) ?? 1)
        default:
            throw typeValue.error("unknown policy type '\(type)'\(Suggestion.hint(type, policyTypes)); expected one of \(policyTypes.joined(separator: ", "))")
        }
        try p.finish()
        return policy
    }
}
