import Dispatch
import Model
import Synchronization

/// Runs every (scenario, replication) of an experiment, in parallel, one
/// simulation per task. Results come back in run order (scenario-major),
/// so nothing downstream depends on how many jobs ran them.
public enum Runner {
    public struct Run: Sendable {
        public var scenario: Int
        public var replication: Int
        public var result: RunResult
        /// Taken from the journal of an earlier attempt rather than simulated now.
        public var reused: Bool
    }

    /// With a `journal`, runs finished by an earlier, interrupted attempt
    /// are reused and each run is saved as soon as it ends, if it took at
    /// least `journalThreshold` seconds: saving a run costs about 10 ms, more
    /// than rerunning a tiny one.
    /// With `checkInvariants`, every run checks the model's invariants after
    /// every event and the first violation is thrown (`RunFailure`).
    public static func run(_ experiment: Experiment, jobs: Int, journal: RunJournal? = nil,
                           journalThreshold: Double = 0.5, checkInvariants: Bool = false,
                           onFinish: (@Sendable (Int, Int) -> Void)? = nil) throws -> [Run] {
        let plan = experiment.scenarios.indices.flatMap { s in
            (0..<experiment.replications).map { (s, $0) }
        }
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let results = Mutex<[RunResult?]>(plan.indices.map { journal?.load($0) })
        let reused = results.withLock { $0.map { $0 != nil } }
        let failure = Mutex<(any Error)?>(nil)
        let workers = Swift.max(1, Swift.min(jobs, plan.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < plan.count else { return }
                if reused[index] { continue }
                let (s, r) = plan[index]
                let started = DispatchTime.now().uptimeNanoseconds
                let result: RunResult
                if checkInvariants {
                    do {
                        result = try Simulation.runChecked(experiment.scenarios[s], seed: experiment.seed, replication: r)
                    } catch let violation as InvariantViolation {
                        failure.withLock { $0 = $0 ?? RunFailure(scenario: experiment.scenarios[s].name, replication: r,
                                                                  violation: violation) }
                        return
                    } catch {
                        failure.withLock { $0 = $0 ?? error }
                        return
                    }
                } else {
                    result = Simulation.run(experiment.scenarios[s], seed: experiment.seed, replication: r)
                }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                if let journal, seconds >= journalThreshold {
                    do {
                        try journal.save(result, index: index)
                    } catch {
                        failure.withLock { $0 = error }
                    }
                }
                results.withLock { $0[index] = result }
                let finished = done.add(1, ordering: .relaxed).newValue
                onFinish?(finished, plan.count)
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        let all = results.withLock { $0 }
        return plan.indices.map { i in
            Run(scenario: plan[i].0, replication: plan[i].1, result: all[i]!, reused: reused[i])
        }
    }
}

/// A run stopped by an invariant violation: which run, and what failed.
public struct RunFailure: Error, CustomStringConvertible {
    public var scenario: String
    public var replication: Int
    public var violation: InvariantViolation
    public var description: String { "scenario '\(scenario)' replication \(replication): \(violation)" }
}
