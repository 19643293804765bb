import Model
import TestSupport
import XCTest

/// The shipped validation experiments against closed-form queueing theory.
/// Each assertion: the theoretical value lies in the 99% Student-t interval
/// of the replication means (fixed seeds, so the outcome is reproducible).
/// Each file is simulated once per test process (`StudyCache`).
final class QueueingTheoryTests: XCTestCase {
    func results(_ file: String) throws -> [String: [RunResult]] {
        try StudyCache.results("experiments/validation/\(file)")
    }

    func assertTheory(_ runs: [RunResult]?, _ metric: String, _ theory: Double, _ label: String,
                      file: StaticString = #filePath, line: UInt = #line) {
        guard let runs else { return XCTFail("no runs for \(label)", file: file, line: line) }
        let check = Check(runs, metric)
        print(String(format: "%@ %@: sim %.5f, theory %.5f, rel. error %.2f%%, 99%% CI [%.5f, %.5f]",
                     label, metric, check.estimate.mean, theory, 100 * check.relativeError(theory),
                     check.interval.low, check.interval.high))
        XCTAssertTrue(check.contains(theory),
                      "\(label) \(metric): \(check.estimate.mean) with 99% CI \(check.interval) misses theory \(theory)",
                      file: file, line: line)
    }

    func testMMcMeanWaitIsErlangC() throws {
        let r = try results("mmc.yaml")
        assertTheory(r["c10-rho90"], "wait_mean_s", QueueingTheory.mmcWait(lambda: 9, mu: 1, servers: 10), "M/M/10")
        assertTheory(r["c4-rho75"], "wait_mean_s", QueueingTheory.mmcWait(lambda: 3, mu: 1, servers: 4), "M/M/4")
        assertTheory(r["c10-rho90"], "utilization_mean", 0.9, "M/M/10")
    }

    func testLossSystemBlockingIsErlangB() throws {
        let r = try results("erlang-b.yaml")
        assertTheory(r["c10-a8"], "rejected_ratio", QueueingTheory.erlangB(servers: 10, load: 8), "M/M/10/10")
        // Insensitivity: a lognormal service with the same mean blocks the same share.
        assertTheory(r["c3-a2-lognormal"], "rejected_ratio", QueueingTheory.erlangB(servers: 3, load: 2), "M/G/3/3")
    }

    func testFiniteQueueBlockingIsMM1K() throws {
        let r = try results("mm1k.yaml")
        assertTheory(r["k5-rho80"], "rejected_ratio", QueueingTheory.mm1kBlocking(rho: 0.8, k: 5), "M/M/1/5")
        assertTheory(r["k3-rho120"], "rejected_ratio", QueueingTheory.mm1kBlocking(rho: 1.2, k: 3), "M/M/1/3")
    }

    func testMG1MeanWaitIsPollaczekKhinchine() throws {
        let r = try results("mg1.yaml")
        assertTheory(r["md1-rho80"], "wait_mean_s",
                     QueueingTheory.pkWait(lambda: 0.8, meanService: 1, secondMoment: 1), "M/D/1")
        assertTheory(r["mg1-uniform-rho80"], "wait_mean_s",
                     QueueingTheory.pkWait(lambda: 0.8, meanService: 1, secondMoment: 1 + 1.0 / 12), "M/U/1")
        assertTheory(r["mg1-erlang2-rho60"], "wait_mean_s",
                     QueueingTheory.pkWait(lambda: 0.6, meanService: 1, secondMoment: 1.5), "M/E2/1")
        assertTheory(r["mg1-gamma-cv15-rho50"], "wait_mean_s",
                     QueueingTheory.pkWait(lambda: 0.5, meanService: 1, secondMoment: 3.25), "M/Gamma/1")
    }

    func testRandomSplitIsIndependentMM1Queues() throws {
        let r = try results("split.yaml")
        // λ_i = 3.2 / 4 = 0.8 per instance: Wq = ρ / (μ − λ_i) = 4.
        assertTheory(r["random-4x1"], "wait_mean_s", 0.8 / (1 - 0.8), "random split")
    }

    func testRoundRobinGivesErlangArrivalQueues() throws {
        let r = try results("split.yaml")
        let theory = QueueingTheory.erlangArrivalsWait(k: 4, phaseRate: 3.2, mu: 1)
        assertTheory(r["roundrobin-4x1"], "wait_mean_s", theory, "round robin (E4/M/1)")
        // Round robin smooths arrivals: on the same arrivals and demands its
        // simulated wait lies wholly below the random split's.
        let rr = Check(try XCTUnwrap(r["roundrobin-4x1"]), "wait_mean_s")
        let random = Check(try XCTUnwrap(r["random-4x1"]), "wait_mean_s")
        XCTAssertLessThan(rr.interval.high, random.interval.low,
                          "round robin \(rr.interval) vs random \(random.interval)")
    }

    /// L = λW in every single run of every validation experiment.
    func testLittlesLawHoldsInEveryRun() throws {
        for file in ["mmc.yaml", "mg1.yaml", "split.yaml", "erlang-b.yaml", "mm1k.yaml"] {
            for (name, runs) in try results(file) {
                for run in runs {
                    let l = run.value("in_system_mean")
                    let lambdaW = run.value("throughput_rps") * run.value("latency_mean_s")
                    XCTAssertEqual(l, lambdaW, accuracy: 0.01 * l, "\(file) \(name): L = \(l), λW = \(lambdaW)")
                }
            }
        }
    }
}
