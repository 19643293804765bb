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
    @Flag(help: "Print only the paths of the files written.") var quiet = false
    @Option(help: "Refuse an experiment expected to handle more events than this (a work budget).")
    var maxEvents: Double = InputLimits.defaultMaxEvents

    func validate() throws {
        if let jobs, jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be from 1 to 1024") }
        if !(maxEvents >= 1 && maxEvents <= 1e15) { throw ValidationError("--max-events must be from 1 to 1e15") }
    }

    func run() throws {
        let experiment = try failOnConfigError { try ExperimentLoader.load(path: config, maxEvents: maxEvents) }
        let directory = out ?? "results/\(experiment.name)"
        try OutputDirectory.prepare(directory)
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let started = DispatchTime.now().uptimeNanoseconds
        let journal = RunJournal(outputDirectory: directory, configHash: experiment.configHash)
        let runs = try OutputDirectory.writing("the journal in \(directory)/.journal") {
            try Runner.run(experiment, jobs: jobs, journal: journal)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let files = ResultFiles(experiment: experiment, runs: runs)
        try OutputDirectory.writing("the results in \(directory)") { try files.write(to: directory) }
        journal.remove()
        if !quiet {
            print(SummaryTable.render(experiment: experiment, estimates: files.estimates()))
            let simulated = runs.filter { !$0.reused }
            let arrivals = simulated.reduce(0) { $0 + $1.result.arrivalsSimulated }
            let events = simulated.reduce(0) { $0 + $1.result.events }
            print(String(format: "%d runs, %d customers in %.2f s on %d job(s): %.3g customers/s, %.3g events/s; peak memory %.0f MiB",
                         simulated.count, arrivals, seconds, jobs, Double(arrivals) / seconds, Double(events) / seconds,
                         PeakMemory.mebibytes()))
            if simulated.count < runs.count {
                print("\(runs.count - simulated.count) finished run(s) reused from an interrupted attempt (\(Echo.escape(directory))/.journal)")
            }
        }
        print("results: \(Echo.escape(directory))/summary.csv (also runs.csv, boots.csv, timeseries.csv, manifest.json)")
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
