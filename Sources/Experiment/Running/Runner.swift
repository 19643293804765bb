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
    }

    public static func run(_ experiment: Experiment, jobs: Int,
                           onFinish: (@Sendable (Int, Int) -> Void)? = nil) -> [Run] {
        let plan = experiment.scenarios.indices.flatMap { s in
            (0..<experiment.replications).map { (s, $0) }
        }
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let results = Mutex<[RunResult?]>(Array(repeating: nil, count: plan.count))
        let workers = Swift.max(1, Swift.min(jobs, plan.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < plan.count else { return }
                let (s, r) = plan[index]
                let result = Simulation.run(experiment.scenarios[s], seed: experiment.seed, replication: r)
                results.withLock { $0[index] = result }
                let finished = done.add(1, ordering: .relaxed).newValue
                onFinish?(finished, plan.count)
            }
        }
        let all = results.withLock { $0 }
        return zip(plan, all).map { Run(scenario: $0.0, replication: $0.1, result: $1!) }
    }
}
