import SimRandom

/// What runs the service: how it boots and what virtualization costs.
public enum PlatformKind: String, Sendable, CaseIterable, Codable {
    /// No virtualization: ready at once, no overhead (validation).
    case bare
    /// provision → guest OS boot → application init → readiness.
    case vm
    /// scheduling → image pull → create/start → application init → readiness probe.
    case container
    /// Firecracker-like: VMM start → guest boot → application init → readiness.
    case microvm

    /// The boot phases in order. `pull` and `readiness` on a container are
    /// computed (layer downloads, probe times), the others are drawn.
    public var phaseNames: [String] {
        switch self {
        case .bare: return []
        case .vm: return ["provision", "boot", "init", "readiness"]
        case .container: return ["schedule", "pull", "create", "init", "readiness"]
        case .microvm: return ["vmm", "boot", "init", "readiness"]
        }
    }

    /// The phases that make up the platform's own start, before the
    /// application runs: what figures.md compares across platforms
    /// (API call to SSH-ready, pod create to running, VMM to guest init).
    public var startPhases: Set<String> {
        switch self {
        case .bare: return []
        case .vm: return ["provision", "boot"]
        case .container: return ["schedule", "pull", "create"]
        case .microvm: return ["vmm", "boot"]
        }
    }
}

/// The lifecycle states of an instance, in the order they are passed.
public enum InstanceState: Int, Sendable, Comparable, CaseIterable {
    case pending, starting, booting, initializing, ready, terminating, gone

    public static func < (a: InstanceState, b: InstanceState) -> Bool { a.rawValue < b.rawValue }

    /// The state an instance is in while a boot phase runs.
    static func during(phase: String) -> InstanceState {
        switch phase {
        case "boot": return .booting
        case "init", "readiness": return .initializing
        default: return .starting
        }
    }
}

/// A Kubernetes readiness probe (or a load balancer's health check, for
/// VMs and microVMs): readiness is observed only at probe times
/// `start + initialDelaySeconds + k·periodSeconds`, where start is when the
/// application process starts (the init phase begins), and needs
/// `successThreshold` consecutive successes.
public struct ReadinessProbe: Sendable, Equatable {
    public var initialDelay: Double
    public var period: Double
    public var successThreshold: Int
    public init(initialDelay: Double = 0, period: Double = 10, successThreshold: Int = 1) {
        self.initialDelay = initialDelay
        self.period = period
        self.successThreshold = successThreshold
    }

    /// When the probe first reports Ready for a container started at
    /// `started` whose application is ready at `appReady`.
    public func readyTime(started: Double, appReady: Double) -> Double {
        let first = started + initialDelay
        let k = appReady <= first ? 0 : ((appReady - first) / period).rounded(.up)
        return first + (k + Double(successThreshold - 1)) * period
    }
}

/// A container image: layers by name and compressed size in bytes. Layers
/// with the same name in two images are the same layer (a shared base).
public struct ImageSpec: Sendable, Equatable {
    public var name: String
    public var layers: [Layer]
    public struct Layer: Sendable, Equatable {
        public var name: String
        public var bytes: Double
        public init(name: String, bytes: Double) {
            self.name = name
            self.bytes = bytes
        }
    }
    public init(name: String, layers: [Layer]) {
        self.name = name
        self.layers = layers
    }
    public var bytes: Double { layers.reduce(0) { $0 + $1.bytes } }
}

/// A platform as configured for one scenario.
public struct PlatformSpec: Sendable {
    public var kind: PlatformKind
    /// Drawn phase durations by phase name (every phase of `kind` but a
    /// container's `pull`, and `readiness` when a probe decides it). A
    /// missing phase takes no time.
    public var phases: [String: Distribution]
    public var probe: ReadinessProbe?
    public var image: ImageSpec?
    /// Service time of the CPU part is multiplied by 1 + cpuOverhead, the
    /// I/O part by 1 + ioOverhead.
    public var cpuOverhead: Double
    public var ioOverhead: Double
    /// Memory each instance costs beyond its own request (guest OS, VMM, runtime).
    public var memoryOverheadMiB: Double
    /// What an instance requests of its host for placement.
    public var cpuRequest: Double
    public var memoryRequestMiB: Double
    /// Price of one instance-hour (public-cloud VMs are billed per instance).
    public var pricePerHour: Double
    /// After this long a terminating instance drops what it still holds.
    public var terminationGrace: Double

    public init(kind: PlatformKind, phases: [String: Distribution] = [:], probe: ReadinessProbe? = nil,
                image: ImageSpec? = nil, cpuOverhead: Double = 0, ioOverhead: Double = 0,
                memoryOverheadMiB: Double = 0, cpuRequest: Double = 1, memoryRequestMiB: Double = 0,
                pricePerHour: Double = 0, terminationGrace: Double = 30) {
        self.kind = kind
        self.phases = phases
        self.probe = probe
        self.image = image
        self.cpuOverhead = cpuOverhead
        self.ioOverhead = ioOverhead
        self.memoryOverheadMiB = memoryOverheadMiB
        self.cpuRequest = cpuRequest
        self.memoryRequestMiB = memoryRequestMiB
        self.pricePerHour = pricePerHour
        self.terminationGrace = terminationGrace
    }

    public static let bare = PlatformSpec(kind: .bare, cpuRequest: 0)
}
