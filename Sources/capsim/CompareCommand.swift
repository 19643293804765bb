import ArgumentParser
import Experiment
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two result directories metric by metric; exit 1 on a significant change beyond the tolerance.",
        discussion: """
            Per point and scenario, every metric of runs.csv: a change is reported when the relative \
            difference of the means exceeds --rel-tol and Welch's t test finds it significant at 95%.
            """)

    @Argument(help: "The new results directory.") var new: String
    @Argument(help: "The baseline results directory.") var baseline: String
    @Option(name: .customLong("rel-tol"), help: "Relative change below which nothing is reported.") var relTol = 0.05

    func validate() throws {
        if !(relTol >= 0) { throw ValidationError("--rel-tol must not be negative") }
    }

    func run() throws {
        let comparison: ResultComparison
        do {
            comparison = try ResultComparison(new: new, baseline: baseline, relativeTolerance: relTol)
        } catch let error as CompareError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        for line in comparison.unmatched { print("missing: \(line)") }
        for change in comparison.changes { print("changed: \(change)") }
        let count = comparison.changes.count + comparison.unmatched.count
        guard count > 0 else {
            print("no significant change beyond \(String(format: "%g", 100 * relTol))% between \(new) and \(baseline)")
            return
        }
        print("\(count) significant change(s) beyond \(String(format: "%g", 100 * relTol))% between \(new) and \(baseline)")
        throw ExitCode(1)
    }
}
