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
    public var scenarios: [ScenarioSpec]
    /// The merged config (presets applied) as canonical JSON, and its hash.
    public var resolvedJSON: String
    public var configHash: String
    /// Runs, expected arrivals and events, timeseries rows.
    public var work: WorkEstimate
}
