import Model
import SimRandom

/// Small scenario specs built in code for the model's mechanism tests.
public enum Specs {
    /// Poisson traffic, exponential CPU demand, a warm fleet of `replicas`.
    public static func scenario(
        rate: Double = 1, meanDemand: Double = 1, duration: Double = 1000, warmup: Double = 0,
        platform: PlatformSpec = .bare, replicas: Int = 1, concurrency: Int = 1,
        cluster: ClusterSpec = .unlimited, scale: [ScaleStep] = [], traffic: TrafficSpec? = nil,
        demand: DemandSpec? = nil, interval: Double = 10
    ) -> ScenarioSpec {
        var spec = ScenarioSpec(
            name: "test", duration: duration, warmup: warmup, traffic: traffic ?? .poisson(rate: rate),
            demand: demand ?? DemandSpec(cpu: .exponential(mean: meanDemand)), platform: platform,
            replicas: replicas, concurrency: concurrency, cluster: cluster, scaleSchedule: scale,
            timeseriesInterval: interval)
        // Mechanism tests see controllers act at once and dead VMs noticed at
        // once; the tests of those delays set them (DeploymentTests, DetectionTests).
        spec.deployment.reconcileDelay = 0
        spec.healthCheck = HealthCheckSpec(interval: 0, unhealthyThreshold: 1, gracePeriod: 0)
        return spec
    }

    /// Runs `replications` of a spec with seeds 1...
    public static func run(_ spec: ScenarioSpec, replications: Int = 1, seed: UInt64 = 1) -> [RunResult] {
        (0..<replications).map { Simulation.run(spec, seed: seed, replication: $0) }
    }

    public static let image = ImageSpec(name: "web", layers: [
        .init(name: "base", bytes: 100e6), .init(name: "runtime", bytes: 60e6), .init(name: "app", bytes: 40e6),
    ])

    /// A container platform with fixed phase times and the image above.
    public static func container(probe: ReadinessProbe? = nil) -> PlatformSpec {
        PlatformSpec(kind: .container,
                     phases: ["schedule": .deterministic(value: 0.5), "create": .deterministic(value: 1),
                              "init": .deterministic(value: 2)],
                     probe: probe, image: image, cpuRequest: 1, memoryRequestMiB: 512)
    }

    /// A node pool with deterministic pull bandwidth and registry latency.
    public static func nodes(count: Int, cpu: Double = 4, bandwidth: Double = 10e6, registry: Double = 1,
                             prepulled: [ImageSpec] = []) -> HostPoolSpec {
        HostPoolSpec(count: count, cpu: cpu, memoryMiB: 16_384, registryLatency: .deterministic(value: registry),
                     pullBandwidth: .deterministic(value: bandwidth), prepulled: prepulled)
    }
}
