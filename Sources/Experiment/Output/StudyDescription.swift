import Model

/// What the writers need to know of an experiment to assemble its result
/// files: enough to merge shards without the config file. A shard saves it
/// as `shard.json`.
public struct StudyDescription: Codable, Sendable, Equatable {
    public var name: String
    public var file: String
    public var configHash: String
    public var seed: UInt64
    public var replications: Int
    public var scenarios: [String]
    /// Phase columns of boots.csv, in pipeline order.
    public var phases: [String]
    public var resolvedJSON: String

    static let phaseOrder = ["provision", "schedule", "vmm", "pull", "create", "boot", "init", "readiness"]

    public init(_ e: Experiment) {
        name = e.name
        file = e.file
        configHash = e.configHash
        seed = e.seed
        replications = e.replications
        scenarios = e.scenarios.map(\.name)
        let used = Set(e.scenarios.flatMap { $0.platform.kind.phaseNames })
        phases = Self.phaseOrder.filter(used.contains)
        resolvedJSON = e.resolvedJSON
    }

    /// Runs in order: scenario-major, then replication.
    public var runCount: Int { scenarios.count * replications }
}
