import ArgumentParser
import Experiment
import Foundation
import Model

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run an experiment and write CSV results.", discussion: ExitStatus.help)

    @Argument(help: "The experiment YAML file.") var config: String
    @Option(help: "Output directory (default: results/<name>/).") var out: String?
    @Option(help: "Parallel simulations (default: all cores). Outputs do not depend on it.") var jobs: Int?
    @Flag(help: "Print only the paths of the files written: no progress, no summary.") var quiet = false
    @Flag(help: "Check the model's invariants after every event (slow); stop at the first violation.")
    var checkInvariants = false
    @Option(help: "Run only the runs whose index is K mod N (K/N, from 0); combine shards with `capsim merge`.")
    var shard: String?
    @Option(help: "Refuse an experiment expected to handle more events than this (a work budget).")
    var maxEvents: Double = InputLimits.defaultMaxEvents

    func validate() throws {
        if let jobs, jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be from 1 to 1024") }
        if !(maxEvents >= 1 && maxEvents <= 1e15) { throw ValidationError("--max-events must be from 1 to 1e15") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 0 ≤ K < N, got '\(Echo.value(shard))'") }
    }

    func run() throws {
        _ = try runStudy(printSummary: !quiet)
    }

    /// Runs the study as `run` does; its experiment and summary, or nil for a
    /// shard (whose summary waits for `capsim merge`).
    func runStudy(printSummary: Bool) throws -> (Experiment, StudySummary)? {
        let experiment = try failOnConfigError { try ExperimentLoader.load(path: config, maxEvents: maxEvents) }
        let directory = out ?? "results/\(experiment.name)"
        try OutputDirectory.prepare(directory)
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let started = DispatchTime.now().uptimeNanoseconds
        let outcome: Study.Outcome
        let progress = quiet ? nil : Progress()
        defer { progress?.finish() }
        var onFinish: (@Sendable (Int, Int) -> Void)?
        if let progress { onFinish = { done, total in progress.update(done: done, total: total) } }
        do {
            outcome = try Study.run(experiment, directory: directory, jobs: jobs, checkInvariants: checkInvariants,
                                    shard: shard.flatMap(Shard.init), onFinish: onFinish)
        } catch let failure as RunFailure {
            FileHandle.standardError.write(Data("error: \(Echo.escape(failure.description))\n".utf8))
            throw ExitCode(ExitStatus.failure)
        } catch let error as OutputError {
            throw OutputDirectory.fail(Echo.escape(error.description))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let summary = StudySummary(StudyDescription(experiment), runs: outcome.runs)
        let warnings = summary.warnings
        // A big sweep can warn at many points: the first few, then a count (all are in manifest.json).
        for warning in warnings.prefix(5) { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        if warnings.count > 5 {
            FileHandle.standardError.write(Data("warning: \(warnings.count - 5) more overload warning(s) in \(directory)/manifest.json\n".utf8))
        }
        if let shard {
            print("shard \(shard): \(outcome.runs.count) run(s) of \(StudyDescription(experiment).runCount) in \(directory); "
                  + "combine the shards with `capsim merge DIR... --out DIR`")
            return nil
        }
        if printSummary {
            print(SummaryTable.render(experiment: experiment, summary: summary))
            print(String(format: "%d runs, %d customers in %.2f s on %d job(s): %.3g customers/s, %.3g events/s; peak memory %.0f MiB",
                         outcome.simulated, outcome.arrivals, seconds, jobs, Double(outcome.arrivals) / seconds,
                         Double(outcome.events) / seconds, PeakMemory.mebibytes()))
            if outcome.reused > 0 {
                print("\(outcome.reused) finished run(s) reused from an interrupted attempt (\(Echo.escape(directory))/.journal)")
            }
        }
        let comparison = experiment.baseline == nil ? "" : ", comparison.csv"
        print("results: \(Echo.escape(directory))/summary.csv (also runs.csv, boots.csv, timeseries.csv, scaling.csv, events.csv\(comparison), manifest.json)")
        return (experiment, summary)
    }
}

enum PeakMemory {
    /// Peak resident set size of this process (Linux reports KiB).
    static func mebibytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
