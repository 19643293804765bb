import Experiment
import Foundation
import Model
import SimRandom
import XCTest

/// `workload:` and `faults:` load into the spec, and a bad entry gets one
/// located sentence like every other config error.
final class FaultConfigTests: XCTestCase {
    /// A valid file; `EXTRA` is replaced by the scenario keys under test (line 11 on).
    func config(_ extra: String) -> String {
        ValidConfig.text + "\n" + extra.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
    }

    func testWorkloadAndFaultsAreRead() throws {
        let e = try loadConfig(config("""
            workload: pods
            hosts: {count: 2, cpu: 8, memory: 32Gi}
            faults: [{at: 20s, kill: pod}, {at: 30s, kill: pod, instance: 3}, {at: 40s, kill: node, host: 1}]
            """))
        let s = e.scenarios[0]
        XCTAssertEqual(s.workload, .pods)
        XCTAssertEqual(s.faults, [FaultSpec(at: 20, target: .pod(instance: nil)), FaultSpec(at: 30, target: .pod(instance: 3)),
                                  FaultSpec(at: 40, target: .node(host: 1))])
    }

    func testTheDefaultWorkloadIsADeploymentWithNoFaults() throws {
        let s = try loadConfig(config("")).scenarios[0]
        XCTAssertEqual(s.workload, .deployment)
        XCTAssertEqual(s.faults, [])
    }

    func testAnUnknownWorkloadIsRejected() throws {
        let e = try configError(config("workload: pod"))
        XCTAssertEqual(e.line, 11)
        XCTAssertEqual(e.path, "scenarios[0].workload")
        XCTAssertTrue(e.message.hasPrefix("unknown workload 'pod'"), e.message)
    }

    func testAnUnknownFaultIsRejectedWithASuggestion() throws {
        try assertConfigError(config("faults: [{at: 20s, kill: nodes}]"), line: 11, path: "scenarios[0].faults[0].kill",
                              "'nodes' is not a fault (did you mean 'node'?); use pod, node or container")
    }

    func testAnUnknownFaultKeyIsRejected() throws {
        let e = try configError(config("faults: [{at: 20s, kill: pod, instnce: 2}]"))
        XCTAssertEqual(e.path, "scenarios[0].faults[0].instnce")
        XCTAssertTrue(e.message.hasPrefix("unknown key"), e.message)
    }

    func testAFaultNeedsItsTime() throws {
        try assertConfigError(config("faults: [{kill: pod}]"), line: 11, path: "scenarios[0].faults[0].at",
                              "missing required key")
    }

    func testFaultsMustBeInTimeOrder() throws {
        try assertConfigError(config("faults: [{at: 20s, kill: pod}, {at: 10s, kill: pod}]"), line: 11,
                              path: "scenarios[0].faults[1]", "faults must be in time order")
    }

    func testANodeKillNeedsAHostPool() throws {
        try assertConfigError(config("faults: [{at: 20s, kill: node}]"), line: 11, path: "scenarios[0].faults[0].kill",
                              "kill: node needs a host pool (hosts:); this scenario has unlimited hosts")
    }

    func testBarePodsCannotBeScaled() throws {
        try assertConfigError(config("workload: pods\nscaleSchedule: [{at: 10s, replicas: 2}]"), line: 11,
                              path: "scenarios[0].workload", "bare pods cannot follow a scaleSchedule: use workload: deployment")
    }

    func testFailuresAreRead() throws {
        let s = try loadConfig(config("failures: {timeToFailure: {distribution: exponential, mean: 30m}, recovery: replace}")).scenarios[0]
        XCTAssertNotNil(s.failures)
    }

    /// A time to failure is at least 1 s, so failures cannot recur within one instant.
    func testTimesToFailureAreAtLeastOneSecond() throws {
        let s = try loadConfig(config("failures: {timeToFailure: 0s}")).scenarios[0]
        let draw = try XCTUnwrap(s.failures).timeToFailure.sample(RandomStream(seed: 1, replication: 0, name: "failures"))
        XCTAssertEqual(draw, 1)
    }

    func testAnUnknownRecoveryIsRejected() throws {
        try assertConfigError(config("failures: {timeToFailure: 30m, recovery: replce}"), line: 11,
                              path: "scenarios[0].failures.recovery",
                              "'replce' is not a recovery (did you mean 'replace'?); use replace or restart")
    }

    func testFailuresNeedATimeToFailure() throws {
        try assertConfigError(config("failures: {recovery: replace}"), line: 11,
                              path: "scenarios[0].failures.timeToFailure", "missing required key")
    }
}
