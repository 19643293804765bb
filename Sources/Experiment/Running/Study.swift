import Dispatch
import Foundation
import Model
import Synchronization

/// Runs an experiment into a results directory, streaming: each run writes
/// its rows to the journal as it produces them (time series rows in chunks,
/// never all held), finished runs of an interrupted attempt are reused, and
/// the result files are assembled from the journal in run order, whatever
/// `jobs` is. What `capsim run` does.
public enum Study {
    public struct Outcome: Sendable {
        /// Every run's metrics, in run order (`RunResult.metricNames` order).
        public var runs: [RunMetrics]
        public var simulated: Int
        public var reused: Int
        /// Engine work of the runs simulated now, for speed reports.
        public var arrivals: Int
        public var events: UInt64
    }

    /// Time series rows are written to the journal in chunks of about this many bytes.
    static let chunkBytes = 1 << 18

    /// With a `shard`, only the runs whose index is `shard.index` mod
    /// `shard.count` are run; their records stay in the journal, with a
    /// `shard.json`, for `merge` to assemble (no result files are written).
    public static func run(_ experiment: Experiment, directory: String, jobs: Int, checkInvariants: Bool = false,
                           shard: Shard? = nil,
                           onFinish: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> Outcome {
        let plan = Runner.plan(experiment)
        let points = experiment.allPoints
        let journal = Journal(outputDirectory: directory, configHash: experiment.configHash)
        let earlier = try journal.index()
        let mine = plan.indices.filter { i in shard.map { i % $0.count == $0.index } ?? true }
        let todo = mine.filter { earlier.finished[$0] == nil }
        let attempt = journal.nextAttempt()
        let records = RunRecords(StudyDescription(experiment))
        let work = Mutex<(arrivals: Int, events: UInt64, done: Int)>((0, 0, mine.count - todo.count))
        let writers = Mutex<[Int: SegmentWriter]>([:])
        do {
            // Segments are closed (flushed) before the journal is read back, on errors too.
            defer { writers.withLock { $0.values.forEach { $0.close() } } }
            try Runner.forEachRun(count: todo.count, jobs: jobs) { k, worker in
                let index = todo[k]
                let (p, s, r) = plan[index]
                let segment = try writers.withLock { w in
                    if let existing = w[worker] { return existing }
                    let created = try journal.segment(attempt: attempt, worker: worker)
                    w[worker] = created
                    return created
                }
                var chunk = ""
                var writeError: (any Error)?
                let prefix = records.prefix(p, s, r)
                let result = try Runner.simulate(points[p], scenario: s, replication: r, checkInvariants: checkInvariants) { row in
                    records.appendTimeseriesRow(prefix, row, to: &chunk)
                    if chunk.utf8.count >= chunkBytes, writeError == nil {
                        do { try segment.append([(index, .timeseries, chunk)]) } catch { writeError = error }
                        chunk = ""
                    }
                }
                if let writeError { throw writeError }
                try segment.append([
                    (index, .timeseries, chunk), (index, .boots, records.bootsRows(p, s, r, result.boots)),
                    (index, .scaling, records.scalingRows(p, s, r, result.scaling)),
                    (index, .events, records.eventsRows(p, s, r, result.timeline)),
                    (index, .runs, records.runsRow(p, s, r, metrics: result.metrics)),
                ])
                let done = work.withLock { w -> Int in
                    w.arrivals += result.arrivalsSimulated
                    w.events += result.events
                    w.done += 1
                    return w.done
                }
                onFinish?(done, mine.count)
            }
        }
        let index = try journal.index()
        let metrics = try mine.map { i -> RunMetrics in
            guard let row = index.runsRow(i) else { throw OutputError(path: journal.directory.path, action: "find run \(i) in the journal") }
            return (plan[i].point, plan[i].scenario, Self.metrics(inRow: row))
        }
        if let shard {
            try ShardFile(shard: shard, study: records.study).write(to: directory)
        } else {
            try StudyFiles(study: records.study, records: records, index: index, runs: metrics).write(to: directory)
            journal.remove()
        }
        let w = work.withLock { $0 }
        return Outcome(runs: metrics, simulated: todo.count, reused: mine.count - todo.count, arrivals: w.arrivals, events: w.events)
    }

    /// The metrics of a runs.csv row: its last fields (no metric holds a comma).
    static func metrics(inRow row: String) -> [Double] {
        let fields = row.dropLast().split(separator: ",", omittingEmptySubsequences: false)
        return fields.suffix(RunResult.metricNames.count).map { Double($0) ?? .nan }
    }
}
