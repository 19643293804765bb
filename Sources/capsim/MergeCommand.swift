import ArgumentParser
import Experiment
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the shard directories of `capsim run --shard K/N` into the files an unsharded run writes.")

    @Argument(help: "The shard directories, one per shard.") var shards: [String]
    @Option(help: "Output directory.") var out: String

    func run() throws {
        do {
            let runs = try Study.merge(shards, into: out)
            print("merged \(shards.count) shard(s), \(runs.count) run(s): \(out)/summary.csv "
                  + "(also runs.csv, boots.csv, timeseries.csv, scaling.csv, events.csv, manifest.json)")
        } catch let error as MergeError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
