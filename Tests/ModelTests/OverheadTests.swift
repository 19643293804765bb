import Model
import SimRandom
import TestSupport
import XCTest

/// Virtualization overhead stretches service times: an M/M/1 whose
/// platform has CPU overhead f behaves as an M/M/1 with mean demand (1 + f).
final class OverheadTests: XCTestCase {
    func testCPUOverheadGivesTheMM1AnswerForTheStretchedDemand() {
        let f = 0.25
        let platform = PlatformSpec(kind: .vm, cpuOverhead: f)
        let spec = Specs.scenario(rate: 0.5, meanDemand: 1, duration: 40_000, warmup: 2000, platform: platform)
        let runs = Specs.run(spec, replications: 10, seed: 21)
        let s = 1 + f, rho = 0.5 * s
        let theory = rho * s / (1 - rho)          // M/M/1 Wq = ρ·E[S]/(1 − ρ)
        let check = Check(runs, "wait_mean_s")
        XCTAssertTrue(check.contains(theory), "wait \(check.estimate.mean), 99% CI \(check.interval), theory \(theory)")
        XCTAssertTrue(Check(runs, "utilization_mean").contains(rho))
        // Without overhead the same arrivals wait clearly less.
        let bare = Specs.run(Specs.scenario(rate: 0.5, meanDemand: 1, duration: 40_000, warmup: 2000),
                             replications: 10, seed: 21)
        XCTAssertLessThan(Check(bare, "wait_mean_s").interval.high, check.interval.low)
    }

    func testIOOverheadAppliesOnlyToTheIOPart() {
        let platform = PlatformSpec(kind: .vm, cpuOverhead: 0.1, ioOverhead: 1.0)
        let demand = DemandSpec(cpu: .deterministic(value: 0.2), io: .deterministic(value: 0.3))
        // Requests 10 s apart, each served in 0.82 s: none ever waits (by
        // construction), so the latency is exactly the stretched service time.
        let times = stride(from: 1.0, to: 10_000, by: 10).map { $0 }
        let spec = Specs.scenario(duration: 10_000, platform: platform, traffic: .timestamps(times), demand: demand)
        let run = Specs.run(spec)[0]
        XCTAssertEqual(run.value("completed"), Double(times.count))
        XCTAssertEqual(run.value("wait_mean_s"), 0)
        XCTAssertEqual(run.value("latency_mean_s"), 0.2 * 1.1 + 0.3 * 2.0, accuracy: 1e-9)
    }

    func testMemoryOverheadIsCountedPerPlacedInstance() {
        let platform = PlatformSpec(kind: .vm, memoryOverheadMiB: 256, cpuRequest: 1)
        let spec = Specs.scenario(duration: 100, platform: platform, replicas: 3)
        XCTAssertEqual(Specs.run(spec)[0].value("memory_overhead_mib_mean"), 768, accuracy: 1e-9)
    }
}
