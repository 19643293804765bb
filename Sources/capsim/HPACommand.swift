import ArgumentParser
import Experiment
import Foundation
import Model

/// `capsim hpa`: the Kubernetes HPA decision outside a simulation.
struct HPACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hpa", abstract: "Check the HPA against Kubernetes' test cases, or explain one decision.",
        subcommands: [CheckCases.self, Explain.self])

    struct CheckCases: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-cases",
            abstract: "Evaluate conformance cases (JSON, schema of shared/hpa/README.md); exit 1 if any fails.")

        @Argument(help: "The JSON case file.") var file: String

        func run() throws {
            let cases = try failOnConfigError { try HPACase.load(path: file) }
            let outcomes = HPACaseRunner.run(cases)
            for o in outcomes where !o.passed {
                print(o.asserted ? "FAIL \(o.name)" : "NOT ASSERTED \(o.name) (its Kubernetes test skips this entry; not counted)")
                for m in o.mismatches { print("  \(m)") }
            }
            let failed = outcomes.filter { !$0.passed && $0.asserted }.count
            let passed = outcomes.filter(\.passed).count
            print("\(passed) passed, \(failed) failed")
            if failed > 0 { throw ExitCode(1) }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Print the desired replicas of one HPA sync and every step of the reasoning.")

        @Argument(help: "The state YAML file (HPA manifest, replicas, pods, history, now).") var state: String

        func run() throws {
            let s = try failOnConfigError { try HPAStateReader.load(path: state) }
            print(HPAExplanation.render(s.decide()))
        }
    }
}
