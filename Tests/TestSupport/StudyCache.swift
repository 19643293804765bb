import Experiment
import Foundation
import Model
import Synchronization

/// Whole-experiment runs shared by every test of the process: the study and
/// the validation files are each simulated once (with `jobs: 2`), however
/// many tests read them. Results are a pure function of the file, so sharing
/// them changes no assertion.
public enum StudyCache {
    private static let cache = Mutex<[String: [Runner.Run]]>([:])

    /// The ordered runs of an experiment file of the repository (relative to
    /// its root), simulated on first use.
    public static func runs(_ relative: String) throws -> (experiment: Experiment, runs: [Runner.Run]) {
        let experiment = try Fixtures.load(relative)
        if let runs = cache.withLock({ $0[relative] }) { return (experiment, runs) }
        // Simulated outside the lock: tests run one at a time, and a second
        // caller at worst repeats the same deterministic work.
        let runs = try Runner.run(experiment, jobs: 2)
        cache.withLock { $0[relative] = runs }
        return (experiment, runs)
    }

    /// Each scenario's results in replication order, by scenario name.
    public static func results(_ relative: String) throws -> [String: [RunResult]] {
        let (experiment, runs) = try runs(relative)
        var out: [String: [RunResult]] = [:]
        for run in runs { out[experiment.scenarios[run.scenario].name, default: []].append(run.result) }
        return out
    }

    /// Per-scenario, per-metric estimates (as summary.csv has them).
    public static func estimates(_ relative: String) throws -> [String: [String: Estimate]] {
        let (experiment, runs) = try runs(relative)
        var out: [String: [String: Estimate]] = [:]
        for (scenario, metric, e) in ResultFiles(experiment: experiment, runs: runs).estimates() {
            out[scenario, default: [:]][metric] = e
        }
        return out
    }
}
