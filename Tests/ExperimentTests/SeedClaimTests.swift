import Experiment
import Foundation
import Model
import TestSupport
import XCTest

/// The seed-claim studies (`experiments/seed-claims/`) reproduce what the
/// study notes in `../shared/seeds/` (003 and 004) say every Kubernetes user
/// sees: each study's `expect:` section states the claim, and every one of
/// its expectations must pass, as `capsim check` judges them (the 95%
/// interval over replications wholly on the right side of the bound).
final class SeedClaimTests: XCTestCase {
    /// Runs a study once per test process and judges its expectations.
    func verdicts(_ relative: String) throws -> [Verdict] {
        let (experiment, runs) = try StudyCache.runs(relative)
        let study = StudyDescription(experiment)
        let table = RunTable(study, runs: runs.map { ($0.point, $0.scenario, $0.result.metrics) })
        return Verdict.judge(experiment.expectations, table)
    }

    /// Every expectation of the study passes, and the study still asserts
    /// as many as it was written with (a deleted expectation would weaken
    /// the claim silently).
    func assertEveryExpectationPasses(_ relative: String, count: Int,
                                      file: StaticString = #filePath, line: UInt = #line) throws {
        let verdicts = try verdicts(relative)
        XCTAssertEqual(verdicts.count, count, "\(relative): expectations judged", file: file, line: line)
        for v in verdicts where v.outcome != .pass {
            XCTFail("\(relative): \(v.line(pointLabel: nil))", file: file, line: line)
        }
    }

    /// Seed 003: Recreate leaves the Service without a Ready endpoint for
    /// seconds (termination, then the new pods' start); RollingUpdate with
    /// maxUnavailable 0 for no time at all.
    func testRecreateHasDowntimeAndRollingUpdateHasNone() throws {
        try assertEveryExpectationPasses("experiments/seed-claims/recreate-vs-rolling.yaml", count: 11)
    }

    /// Seed 004: a killed bare pod leaves its Service without endpoints until
    /// the end; a Deployment's ReplicaSet replaces its pod within seconds.
    func testAKilledBarePodStaysDownWhileADeploymentRecovers() throws {
        try assertEveryExpectationPasses("experiments/seed-claims/bare-pod-vs-deployment.yaml", count: 9)
    }

    /// Seed 004: pods that fit on no node wait Pending until the Cluster
    /// Autoscaler's new nodes are Ready; with enough nodes nothing waits.
    func testPodsWaitPendingUntilTheClusterAutoscalerAddsNodes() throws {
        try assertEveryExpectationPasses("experiments/seed-claims/pending-until-node.yaml", count: 10)
    }

    /// Seed 003: on the same hosts, VMs boot slower and fit fewer (each
    /// carries its guest OS) than containers sharing the host's kernel.
    func testVMsBootSlowerAndFitFewerPerHostThanContainers() throws {
        try assertEveryExpectationPasses("experiments/seed-claims/vm-vs-container-density.yaml", count: 9)
    }
}
