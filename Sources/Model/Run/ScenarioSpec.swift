import SimRandom

/// How the load balancer picks among Ready instances.
public enum LoadBalancerPolicy: String, Sendable, CaseIterable, Codable {
    case roundRobin, random, leastOutstanding, powerOfTwoChoices
}

/// What one request asks of an instance: CPU seconds at native speed, and
/// optionally an I/O part. Overhead factors stretch each part separately.
public struct DemandSpec: Sendable {
    public var cpu: Distribution
    public var io: Distribution?
    public init(cpu: Distribution, io: Distribution? = nil) {
        self.cpu = cpu
        self.io = io
    }
}

/// Everything one simulation run needs, already validated. A run is a pure
/// function of (spec, seed, replication).
public struct ScenarioSpec: Sendable {
    public var name: String
    /// Simulated seconds per replication, and the statistics cut-off.
    public var duration: Double
    public var warmup: Double
    public var traffic: TrafficSpec
    public var demand: DemandSpec
    /// Latency objective for `slo_violation_ratio`, if any.
    public var sloLatency: Double?
    public var platform: PlatformSpec
    public var replicas: Int
    public var concurrency: Int
    /// nil: unlimited queue; 0: reject when every slot is busy.
    public var queueLimit: Int?
    public var loadBalancer: LoadBalancerPolicy
    public var cluster: ClusterSpec
    public var scaleSchedule: [ScaleStep]
    /// Width of a row of timeseries.csv, in seconds.
    public var timeseriesInterval: Double
    /// HPA, Cluster Autoscaler, scale group and the metrics they read.
    public var autoscaling: AutoscalingSpec = .none
    /// Whether a lost instance is replaced (`deployment`) or not (`pods`).
    public var workload: WorkloadKind = .deployment
    /// Scripted faults, in time order.
    public var faults: [FaultSpec] = []
    /// Random instance failures, if any.
    public var failures: FailureSpec?
    /// Strategy, rollouts and controller delay of `workload: deployment`.
    public var deployment = DeploymentSpec()
    /// Restart back-off of `kill: container` faults (and `recovery: restart`).
    public var backoff = BackoffSpec()
    /// How a dead node is noticed (containers).
    public var nodeFailure = NodeFailureSpec()
    /// How a dead VM or microVM is noticed and replaced.
    public var healthCheck = HealthCheckSpec()
    /// The Service's endpoint propagation.
    public var endpoints = EndpointsSpec()

    public init(name: String, duration: Double, warmup: Double, traffic: TrafficSpec, demand: DemandSpec,
                sloLatency: Double? = nil, platform: PlatformSpec = .bare, replicas: Int, concurrency: Int,
                queueLimit: Int? = nil, loadBalancer: LoadBalancerPolicy = .roundRobin,
                cluster: ClusterSpec = .unlimited, scaleSchedule: [ScaleStep] = [],
                timeseriesInterval: Double = 10) {
        self.name = name
        self.duration = duration
        self.warmup = warmup
        self.traffic = traffic
        self.demand = demand
        self.sloLatency = sloLatency
        self.platform = platform
        self.replicas = replicas
        self.concurrency = concurrency
        self.queueLimit = queueLimit
        self.loadBalancer = loadBalancer
        self.cluster = cluster
        self.scaleSchedule = scaleSchedule
        self.timeseriesInterval = timeseriesInterval
    }
}

/// A change of the desired replica count at a given time.
public struct ScaleStep: Sendable, Equatable {
    public var at: Double
    public var replicas: Int
    public init(at: Double, replicas: Int) {
        self.at = at
        self.replicas = replicas
    }
}
