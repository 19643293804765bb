import ArgumentParser
import Experiment
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run an experiment and judge its `expect:` section; exit 1 on any failed expectation.",
        discussion: """
            Each expectation is judged on the 95% confidence interval over replications: pass (wholly on \
            the right side of the bound), fail (wholly on the wrong side) or inconclusive (it straddles \
            the bound: more replications needed). Inconclusive verdicts do not fail the check.
            """)

    @OptionGroup var options: RunCommand

    func validate() throws {
        try options.validate()
        if options.shard != nil { throw ValidationError("check judges a whole study: --shard is for `capsim run`") }
    }

    func run() throws {
        let probe = try failOnConfigError { try ExperimentLoader.load(path: options.config) }
        guard !probe.expectations.isEmpty else {
            FileHandle.standardError.write(Data("error: \(options.config): no `expect:` section, nothing to check\n".utf8))
            throw ExitCode(2)
        }
        guard let (experiment, summary) = try options.runStudy(printSummary: false) else { return }
        let study = StudyDescription(experiment)
        let verdicts = Verdict.judge(experiment.expectations, summary.table)
        for v in verdicts { print(v.line(pointLabel: study.pointLabel(v.point))) }
        let count = { (o: Verdict.Outcome) in verdicts.filter { $0.outcome == o }.count }
        let (failed, open) = (count(.fail), count(.inconclusive))
        print("\(verdicts.count) verdict(s): \(count(.pass)) pass, \(failed) fail, \(open) inconclusive")
        if open > 0 {
            print("note: an inconclusive verdict's interval straddles its bound; more replications would decide it")
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
