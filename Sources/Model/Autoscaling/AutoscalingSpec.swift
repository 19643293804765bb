/// What a scenario's autoscalers watch and how they act, all optional:
/// an HPA on the replicas, a Cluster Autoscaler on the node pool, or a
/// cloud VM scale group on the instances.
public struct AutoscalingSpec: Sendable {
    public var metrics: MetricsPipelineSpec
    public var hpa: HPAController?
    public var clusterAutoscaler: ClusterAutoscalerSpec?
    public var scaleGroup: ScaleGroupSpec?

    public init(metrics: MetricsPipelineSpec = MetricsPipelineSpec(), hpa: HPAController? = nil,
                clusterAutoscaler: ClusterAutoscalerSpec? = nil, scaleGroup: ScaleGroupSpec? = nil) {
        self.metrics = metrics
        self.hpa = hpa
        self.clusterAutoscaler = clusterAutoscaler
        self.scaleGroup = scaleGroup
    }

    public static let none = AutoscalingSpec()

    /// Whether a controller reads metrics-server's samples (the HPA).
    public var needsMetricsServer: Bool { hpa != nil }
}

/// One HorizontalPodAutoscaler and the controller-manager flags it runs under.
public struct HPAController: Sendable, Equatable {
    public var spec: HPASpec
    public var config: HPAControllerConfig
    public init(spec: HPASpec, config: HPAControllerConfig = .kubernetes) {
        self.spec = spec
        self.config = config
    }
}

/// metrics-server as the HPA sees it: every `resolution` seconds each pod's
/// CPU usage averaged over the last `resolution` seconds. A pod's CPU usage
/// is its busy service slots × `cpuPerRequest` cores, stretched by the
/// platform's CPU overhead (a slower platform burns more CPU per request).
public struct MetricsPipelineSpec: Sendable, Equatable {
    /// Scrape interval and averaging window (metrics-server `--metric-resolution`,
    /// 15 s in current releases; 60 s upstream default of older ones).
    public var resolution: Double
    /// Cores one request in service keeps busy, before overhead.
    public var cpuPerRequest: Double
    /// A pod's memory working set: a fixed part plus a part per request it holds.
    public var memoryBaseMiB: Double?
    public var memoryPerRequestMiB: Double

    public init(resolution: Double = 15, cpuPerRequest: Double = 1, memoryBaseMiB: Double? = nil,
                memoryPerRequestMiB: Double = 0) {
        self.resolution = resolution
        self.cpuPerRequest = cpuPerRequest
        self.memoryBaseMiB = memoryBaseMiB
        self.memoryPerRequestMiB = memoryPerRequestMiB
    }
}

/// The Cluster Autoscaler's flags for one node pool (defaults as in
/// kubernetes/autoscaler's FAQ: scan every 10 s, scale-down after 10 min
/// below 50% requested, 10 min after a scale-up, 15 min provision timeout).
public struct ClusterAutoscalerSpec: Sendable, Equatable {
    public var minNodes: Int
    public var maxNodes: Int
    public var scanInterval: Double
    public var scaleDownUtilizationThreshold: Double
    public var scaleDownUnneededTime: Double
    public var scaleDownDelayAfterAdd: Double
    public var maxNodeProvisionTime: Double

    public init(minNodes: Int = 0, maxNodes: Int, scanInterval: Double = 10, scaleDownUtilizationThreshold: Double = 0.5,
                scaleDownUnneededTime: Double = 600, scaleDownDelayAfterAdd: Double = 600,
                maxNodeProvisionTime: Double = 900) {
        self.minNodes = minNodes
        self.maxNodes = maxNodes
        self.scanInterval = scanInterval
        self.scaleDownUtilizationThreshold = scaleDownUtilizationThreshold
        self.scaleDownUnneededTime = scaleDownUnneededTime
        self.scaleDownDelayAfterAdd = scaleDownDelayAfterAdd
        self.maxNodeProvisionTime = maxNodeProvisionTime
    }
}

/// A cloud VM scale group (an AWS Auto Scaling group, an Azure scale set):
/// size bounds, cooldown, instance warm-up and its scaling policies.
public struct ScaleGroupSpec: Sendable, Equatable {
    public var minSize: Int
    public var maxSize: Int
    /// After a scaling activity, simple/step scale-ins wait this long.
    public var defaultCooldown: Double
    /// A new instance's metrics join the group's aggregate this long after it is Ready.
    public var defaultInstanceWarmup: Double
    public var policies: [ScalingPolicy]
    /// Length of one metric period (CloudWatch's 1-minute metrics).
    public var period: Double

    public init(minSize: Int, maxSize: Int, defaultCooldown: Double = 300, defaultInstanceWarmup: Double = 300,
                policies: [ScalingPolicy], period: Double = 60) {
        self.minSize = minSize
        self.maxSize = maxSize
        self.defaultCooldown = defaultCooldown
        self.defaultInstanceWarmup = defaultInstanceWarmup
        self.policies = policies
        self.period = period
    }
}

/// One scaling policy of a scale group, on the group's average CPU
/// utilization in percent.
public enum ScalingPolicy: Sendable, Equatable {
    /// Keep the average near `targetValue`: scale out after
    /// `scaleOutPeriods` consecutive periods above it, in after
    /// `scaleInPeriods` below it (the alarms target tracking creates),
    /// to ceil(capacity × metric / target).
    case targetTracking(targetValue: Double, scaleOutPeriods: Int, scaleInPeriods: Int, disableScaleIn: Bool)
    /// Add or remove a fixed number of instances by the step the metric
    /// falls in, after `evaluationPeriods` consecutive periods in a step.
    case stepScaling(steps: [ScalingStep], evaluationPeriods: Int)
}

/// One step of a step-scaling policy: metric in [lower, upper) → adjustment.
public struct ScalingStep: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var adjustment: Int
    public init(lower: Double = -.infinity, upper: Double = .infinity, adjustment: Int) {
        self.lower = lower
        self.upper = upper
        self.adjustment = adjustment
    }
}

/// One row of scaling.csv: a controller decision that changed something.
public struct ScalingRecord: Sendable, Codable, Equatable {
    public var time: Double
    public var controller: String
    public var from: Int
    public var to: Int
    public var reason: String
    public init(time: Double, controller: String, from: Int, to: Int, reason: String) {
        self.time = time
        self.controller = controller
        self.from = from
        self.to = to
        self.reason = reason
    }
}
