import SimRandom

/// How the scheduler picks a host for a new instance among those it fits on.
public enum PlacementPolicy: String, Sendable, CaseIterable, Codable {
    /// The first host in order that fits.
    case firstFit
    /// The host left with the least free CPU (then memory): packs tightly.
    case bestFit
    /// The host with the fewest instances: spreads the service out.
    case spread
}

/// The hosts (for VMs and microVMs) or nodes (for containers) of a scenario.
public struct HostPoolSpec: Sendable {
    /// Hosts present and ready at t = 0.
    public var count: Int
    public var cpu: Double
    public var memoryMiB: Double
    /// Capacity kept for the hypervisor or kubelet, not for instances.
    public var reservedCpu: Double
    public var reservedMemoryMiB: Double
    /// At most this many instances per host (Kubernetes' maxPods), if set.
    public var maxInstances: Int?
    public var pricePerHour: Double
    /// Time for a host added at run time to become usable (a node is a VM).
    public var boot: Distribution
    /// Image pull: fixed registry latency (auth, manifest), then the missing
    /// layers at the node's bandwidth in bytes/s, drawn once per node.
    public var registryLatency: Distribution
    public var pullBandwidth: Distribution
    /// Layer cache size per node in bytes (LRU eviction).
    public var cacheBytes: Double
    /// Images every node starts with in its cache (pre-pulled, as a
    /// DaemonSet or a baked node image would do).
    public var prepulled: [ImageSpec]

    public init(count: Int, cpu: Double, memoryMiB: Double, reservedCpu: Double = 0, reservedMemoryMiB: Double = 0,
                maxInstances: Int? = nil, pricePerHour: Double = 0, boot: Distribution = .deterministic(value: 0),
                registryLatency: Distribution = .deterministic(value: 0),
                pullBandwidth: Distribution = .deterministic(value: 50e6),
                cacheBytes: Double = .infinity, prepulled: [ImageSpec] = []) {
        self.count = count
        self.cpu = cpu
        self.memoryMiB = memoryMiB
        self.reservedCpu = reservedCpu
        self.reservedMemoryMiB = reservedMemoryMiB
        self.maxInstances = maxInstances
        self.pricePerHour = pricePerHour
        self.boot = boot
        self.registryLatency = registryLatency
        self.pullBandwidth = pullBandwidth
        self.cacheBytes = cacheBytes
        self.prepulled = prepulled
    }
}

/// A change of the host count at a given time (manual node scaling).
public struct HostStep: Sendable, Equatable {
    public var at: Double
    public var hosts: Int
    public init(at: Double, hosts: Int) {
        self.at = at
        self.hosts = hosts
    }
}

/// The hosts of a scenario and how instances are placed on them.
public struct ClusterSpec: Sendable {
    /// nil: capacity is unlimited and placement is instant (validation runs).
    public var hosts: HostPoolSpec?
    public var placement: PlacementPolicy
    public var hostSchedule: [HostStep]

    public init(hosts: HostPoolSpec?, placement: PlacementPolicy = .firstFit, hostSchedule: [HostStep] = []) {
        self.hosts = hosts
        self.placement = placement
        self.hostSchedule = hostSchedule
    }

    public static let unlimited = ClusterSpec(hosts: nil)
}
