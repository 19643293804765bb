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
    /// Sweep columns: whether there is a sweep, its parameter columns, and
    /// per point its config, its values and its seed.
    public var swept: Bool
    public var hasConfigs: Bool
    public var parameters: [String]
    public var pointConfigs: [String]
    public var pointValues: [[String]]
    public var pointSeeds: [UInt64]
    /// `baseline:`: comparison.csv pairs every scenario with this one.
    public var baseline: String?

    static let phaseOrder = ["provision", "schedule", "vmm", "pull", "create", "boot", "init", "readiness"]

    public init(_ e: Experiment) {
        name = e.name
        file = e.file
        configHash = e.configHash
        seed = e.seed
        replications = e.replications
        scenarios = e.scenarios.map(\.name)
        let points = e.allPoints
        let used = Set(points.flatMap { $0.scenarios.flatMap { $0.platform.kind.phaseNames } })
        phases = Self.phaseOrder.filter(used.contains)
        resolvedJSON = e.resolvedJSON
        swept = e.swept
        hasConfigs = e.hasConfigs
        parameters = e.parameters
        pointConfigs = points.map { $0.config ?? "" }
        pointValues = points.map(\.values)
        pointSeeds = points.map(\.seed)
        baseline = e.baseline
    }

    public var pointCount: Int { pointSeeds.count }

    /// Runs in order: point-major, then scenario, then replication.
    public var runCount: Int { pointCount * scenarios.count * replications }

    /// The run at `index`: its point, scenario and replication.
    public func run(_ index: Int) -> (point: Int, scenario: Int, replication: Int) {
        let perPoint = scenarios.count * replications
        return (index / perPoint, index % perPoint / replications, index % replications)
    }

    /// The columns before `scenario` in every per-run file and summary.csv:
    /// `point`, `config` (with `configs:`), then the parameters; none without a sweep.
    var pointHeader: [String] {
        swept ? ["point"] + (hasConfigs ? ["config"] : []) + parameters.map(CSVFormat.field) : []
    }

    /// The cells of `pointHeader` for one point, each followed by a comma.
    func pointPrefix(_ point: Int) -> String {
        guard swept else { return "" }
        let cells = [String(point)] + (hasConfigs ? [CSVFormat.field(pointConfigs[point])] : [])
            + pointValues[point].map(CSVFormat.field)
        return cells.joined(separator: ",") + ","
    }

    /// `point 3 (traffic.rate=5, concurrency=10)`, or nil without a sweep.
    public func pointLabel(_ point: Int) -> String? {
        guard swept else { return nil }
        var parts = hasConfigs ? ["config=\(pointConfigs[point])"] : []
        parts += zip(parameters, pointValues[point]).map { "\($0)=\($1)" }
        return "point \(point)" + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
    }
}
