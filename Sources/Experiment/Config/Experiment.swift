import Foundation
import Model

/// A loaded, validated experiment: its scenarios as run specs, ready to run.
public struct Experiment: Sendable {
    public var name: String
    public var description: String
    /// The file it was read from, as given.
    public var file: String
    public var seed: UInt64
    public var replications: Int
    /// The scenarios of the first point (of the only one without a sweep).
    public var scenarios: [ScenarioSpec]
    /// The merged config (presets applied) as canonical JSON, and its hash.
    public var resolvedJSON: String
    public var configHash: String
    /// Runs, expected arrivals and events, timeseries rows (all points).
    public var work: WorkEstimate
    /// The points of a `sweep:` (or `configs:`), in point order; one point
    /// with today's seed and no parameters without a sweep.
    public var points: [ExperimentPoint] = []
    /// The swept (and `configs: set:`) key paths: the parameter columns.
    public var parameters: [String] = []
    /// Whether the file has a `sweep:` or `configs:` section (outputs then
    /// start with a `point` column).
    public var swept = false
    /// Whether it has `configs:` (outputs then carry a `config` column).
    public var hasConfigs = false
    /// `baseline:`: the scenario every other one is compared with, paired.
    public var baseline: String?
    /// `expect:`: the metric regression checks of `capsim check`.
    public var expectations: [Expectation] = []

    /// The points to run: `points`, or the single implicit one.
    public var allPoints: [ExperimentPoint] {
        points.isEmpty ? [ExperimentPoint(index: 0, config: nil, values: [], seed: seed, scenarios: scenarios)] : points
    }
}

/// One point of a sweep: its parameter values (one per `parameters`
/// column), the seed its runs derive their streams from, and its scenarios.
public struct ExperimentPoint: Sendable {
    public var index: Int
    /// The named config it belongs to, with `configs:`.
    public var config: String?
    /// The value of each parameter column, as written (empty when unset).
    public var values: [String]
    public var seed: UInt64
    public var scenarios: [ScenarioSpec]
}
