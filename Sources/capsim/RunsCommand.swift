import ArgumentParser
import Experiment
import Foundation

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the runs of an experiment (index, point, scenario, replication, parameters) without running them.")

    @Argument(help: "The experiment YAML file.") var config: String

    func run() throws {
        let experiment = try failOnConfigError { try ExperimentLoader.load(path: config) }
        print(RunsCommand.listing(experiment), terminator: "")
    }

    /// A CSV listing in run order: the index `--shard K/N` selects by, the
    /// point and its seed, then the same point columns as the result files.
    static func listing(_ experiment: Experiment) -> String {
        let study = StudyDescription(experiment)
        let config = study.hasConfigs ? ["config"] : []
        var out = (["index", "point"] + config + study.parameters + ["scenario", "replication", "seed"])
            .map(field).joined(separator: ",") + "\n"
        for i in 0..<study.runCount {
            let (p, s, r) = study.run(i)
            let cells = [String(i), String(p)] + (study.hasConfigs ? [study.pointConfigs[p]] : []) + study.pointValues[p]
                + [study.scenarios[s], String(r), String(study.pointSeeds[p])]
            out += cells.map(field).joined(separator: ",") + "\n"
        }
        return out
    }

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
