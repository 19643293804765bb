import ArgumentParser
import Experiment
import Foundation

@main
struct Capsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capsim",
        abstract: "Discrete-event simulation of services on VMs, containers and microVMs.",
        discussion: ExitStatus.help,
        version: ResultFiles.version,
        subcommands: [RunCommand.self, ValidateCommand.self, MergeCommand.self, BenchCommand.self, HPACommand.self,
                      RunsCommand.self, CheckCommand.self, CompareCommand.self])

    /// ArgumentParser's own `main`, with capsim's exit codes: a usage error
    /// is bad input (2), not EX_USAGE (64); anything unforeseen is one
    /// escaped sentence and 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success { exit(withError: error) }   // --help, --version
            if status == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.badInput)
            }
            FileHandle.standardError.write(Data("error: \(Echo.escape(String(describing: error)))\n".utf8))
            Foundation.exit(ExitStatus.failure)
        }
    }
}

/// capsim's exit codes, as `--help` and the README list them.
enum ExitStatus {
    static let ok: Int32 = 0
    /// A run or a check failed (or an error nobody foresaw).
    static let failure: Int32 = 1
    /// Bad input: the experiment file (or a file it names) or the arguments.
    static let badInput: Int32 = 2
    /// The results could not be written (output directory, disk).
    static let io: Int32 = 3

    static let help = """
        Exit codes: 0 success; 1 a run or check failed; 2 bad input (the experiment \
        file, a file it names, or the arguments), with one sentence naming the file, \
        line and key; 3 the results could not be written (the output directory is a \
        file, not writable, or the disk is full), checked before anything runs where \
        it can be.
        """
}

/// Prints a config error as its one sentence and exits with 2.
func failOnConfigError<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as ConfigError {
        FileHandle.standardError.write(Data("error: \(e)\n".utf8))
        throw ExitCode(ExitStatus.badInput)
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an experiment file without running it; print the runs and events to expect.",
        discussion: ExitStatus.help)

    @Argument(help: "The experiment YAML file.") var config: String
    @Option(help: "Refuse an experiment expected to handle more events than this (a work budget).")
    var maxEvents: Double = InputLimits.defaultMaxEvents

    func validate() throws {
        if !(maxEvents >= 1 && maxEvents <= 1e15) { throw ValidationError("--max-events must be from 1 to 1e15") }
    }

    func run() throws {
        let e = try failOnConfigError { try ExperimentLoader.load(path: config, maxEvents: maxEvents) }
        let w = e.work
        let points = e.swept ? "\(e.allPoints.count) point(s) × " : ""
        let checks = e.expectations.isEmpty ? "" : ", \(e.expectations.count) expectation(s)"
        print("\(Echo.escape(config)): ok: experiment '\(e.name)', \(points)\(e.scenarios.count) scenario(s) × "
              + "\(e.replications) replication(s)\(checks); expect \(w.runs) runs, about \(WorkEstimate.show(w.events)) events "
              + "(\(WorkEstimate.show(w.arrivals)) arrivals), \(WorkEstimate.show(w.timeseriesRows)) timeseries rows")
    }
}
