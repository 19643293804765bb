import Dispatch
import Model
import Synchronization

/// Runs every (scenario, replication) of an experiment, in parallel, one
/// simulation per task. Results come back in run order (scenario-major),
/// so nothing downstream depends on how many jobs ran them. This keeps every
/// result in memory (tests, small studies); `Study` streams to a directory.
public enum Runner {
    public struct Run: Sendable {
        public var scenario: Int
        public var replication: Int
        public var result: RunResult
    }

    /// The runs of an experiment in order: (scenario, replication) pairs.
    public static func plan(_ experiment: Experiment) -> [(scenario: Int, replication: Int)] {
        experiment.scenarios.indices.flatMap { s in (0..<experiment.replications).map { (s, $0) } }
    }

    /// With `checkInvariants`, every run checks the model's invariants after
    /// every event and the first violation is thrown (`RunFailure`).
    public static func run(_ experiment: Experiment, jobs: Int, checkInvariants: Bool = false) throws -> [Run] {
        let plan = plan(experiment)
        let results = Mutex<[RunResult?]>(Array(repeating: nil, count: plan.count))
        try forEachRun(count: plan.count, jobs: jobs) { index, _ in
            let (s, r) = plan[index]
            let result = try simulate(experiment, scenario: s, replication: r, checkInvariants: checkInvariants)
            results.withLock { $0[index] = result }
        }
        let all = results.withLock { $0 }
        return plan.indices.map { i in Run(scenario: plan[i].0, replication: plan[i].1, result: all[i]!) }
    }

    /// One run, checked or not; a violation becomes a `RunFailure`.
    static func simulate(_ experiment: Experiment, scenario s: Int, replication r: Int, checkInvariants: Bool,
                         onRow: ((TimeSeriesRow) -> Void)? = nil) throws -> RunResult {
        let spec = experiment.scenarios[s]
        guard checkInvariants else { return Simulation.run(spec, seed: experiment.seed, replication: r, onRow: onRow) }
        do {
            return try Simulation.runChecked(spec, seed: experiment.seed, replication: r, onRow: onRow)
        } catch let violation as InvariantViolation {
            throw RunFailure(scenario: spec.name, replication: r, violation: violation)
        }
    }

    /// Calls `body(index, worker)` for every index in 0..<count on up to
    /// `jobs` workers, each taking the next index when free. The first error
    /// stops every worker at its next index and is rethrown.
    static func forEachRun(count: Int, jobs: Int, _ body: @Sendable (Int, Int) throws -> Void) throws {
        let next = Atomic<Int>(0)
        let failure = Mutex<(any Error)?>(nil)
        let workers = Swift.max(1, Swift.min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while failure.withLock({ $0 == nil }) {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                do {
                    try body(index, worker)
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

/// A run stopped by an invariant violation: which run, and what failed.
public struct RunFailure: Error, CustomStringConvertible {
    public var scenario: String
    public var replication: Int
    public var violation: InvariantViolation
    public var description: String { "scenario '\(scenario)' replication \(replication): \(violation)" }
}
