import ArgumentParser
import Experiment
import Foundation

@main
struct Capsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capsim",
        abstract: "Discrete-event simulation of services on VMs, containers and microVMs.",
        version: ResultFiles.version,
        subcommands: [RunCommand.self, ValidateCommand.self, MergeCommand.self, BenchCommand.self, HPACommand.self,
                      RunsCommand.self, CheckCommand.self, CompareCommand.self])
}

/// Prints a config error as its one sentence and exits non-zero.
func failOnConfigError<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as ConfigError {
        FileHandle.standardError.write(Data("error: \(e)\n".utf8))
        throw ExitCode(2)
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check an experiment file without running it.")

    @Argument(help: "The experiment YAML file.") var config: String

    func run() throws {
        let e = try failOnConfigError { try ExperimentLoader.load(path: config) }
        let points = e.swept ? "\(e.allPoints.count) point(s) × " : ""
        let checks = e.expectations.isEmpty ? "" : ", \(e.expectations.count) expectation(s)"
        print("\(config): ok: experiment '\(e.name)', \(points)\(e.scenarios.count) scenario(s) × \(e.replications) replication(s)\(checks)")
    }
}
