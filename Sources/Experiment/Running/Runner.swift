import Dispatch
import Model
import Synchronization

/// Runs every (scenario, replication) of an experiment, in parallel, one
/// simulation per task. Results come back in run order (scenario-major),
/// so nothing downstream depends on how many jobs ran them. This keeps every
/// result in memory (tests, small studies); `Study` streams to a directory.
public enum Runner {
    public struct Run: Sendable {
        /// The sweep point (0 without a sweep).
        public var point: Int
        public var scenario: Int
        public var replication: Int
        public var result: RunResult
    }

    /// The runs of an experiment in order: point-major, then scenario, then
    /// replication (without a sweep, the one point: scenario-major).
    public static func plan(_ experiment: Experiment) -> [(point: Int, scenario: Int, replication: Int)] {
        experiment.allPoints.indices.flatMap { p in
            experiment.scenarios.indices.flatMap { s in (0..<experiment.replications).map { (p, s, $0) } }
        }
    }

    /// With `checkInvariants`, every run checks the model's invariants after
    /// every event and the first violation is thrown (`RunFailure`).
    public static func run(_ experiment: Experiment, jobs: Int, checkInvariants: Bool = false) throws -> [Run] {
        let plan = plan(experiment)
        let points = experiment.allPoints
        let results = Mutex<[RunResult?]>(Array(repeating: nil, count: plan.count))
        try forEachRun(count: plan.count, jobs: jobs) { index, _ in
            let (p, s, r) = plan[index]
            let result = try simulate(points[p], scenario: s, replication: r, checkInvariants: checkInvariants)
            results.withLock { $0[index] = result }
        }
        let all = results.withLock { $0 }
        return plan.indices.map { i in Run(point: plan[i].0, scenario: plan[i].1, replication: plan[i].2, result: all[i]!) }
    }

    /// One run of a point, checked or not; a violation becomes a `RunFailure`.
    /// Its streams derive from (the point's seed, replication, name).
    static func simulate(_ point: ExperimentPoint, scenario s: Int, replication r: Int, checkInvariants: Bool,
                         onRow: ((TimeSeriesRow) -> Void)? = nil) throws -> RunResult {
        let spec = point.scenarios[s]
        guard checkInvariants else { return Simulation.run(spec, seed: point.seed, replication: r, onRow: onRow) }
        do {
            return try Simulation.runChecked(spec, seed: point.seed, replication: r, onRow: onRow)
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
