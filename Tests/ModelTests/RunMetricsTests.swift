import Model
import TestSupport
import XCTest

/// Whole-run metrics in deterministic setups where every value is known:
/// latency percentiles and the SLO ratio, boot-time percentiles, cost,
/// instances and hosts.
final class RunMetricsTests: XCTestCase {
    /// 20 requests at t = 10 on one slot with room for 15 in the queue,
    /// 1 s each: one served at once, 15 queued (latencies 1, 2, ..., 16 s),
    /// 4 rejected. Nearest-rank p50 of 16 is the 8th (8 s), p95 and p99 the
    /// 16th; the SLO of 5.5 s is missed by 11 completions and 4 rejections.
    func testLatencyPercentilesAndSLORatio() {
        var spec = Specs.scenario(duration: 100, traffic: .timestamps(Array(repeating: 10, count: 20)),
                                  demand: DemandSpec(cpu: .deterministic(value: 1)))
        spec.queueLimit = 15
        spec.sloLatency = 5.5
        let r = Specs.run(spec)[0]
        XCTAssertEqual(r.value("requests"), 20)
        XCTAssertEqual(r.value("completed"), 16)
        XCTAssertEqual(r.value("rejected"), 4)
        XCTAssertEqual(r.value("rejected_ratio"), 0.2)
        XCTAssertEqual(r.value("latency_p50_s"), 8, accuracy: 8e-3)     // HdrHistogram: 3 significant digits
        XCTAssertEqual(r.value("latency_p95_s"), 16, accuracy: 16e-3)
        XCTAssertEqual(r.value("latency_p99_s"), 16, accuracy: 16e-3)
        XCTAssertEqual(r.value("latency_mean_s"), 8.5, accuracy: 1e-9)
        XCTAssertEqual(r.value("wait_mean_s"), 7.5, accuracy: 1e-9)
        XCTAssertEqual(r.value("slo_violation_ratio"), 15.0 / 20, accuracy: 1e-12)
        XCTAssertEqual(r.value("throughput_rps"), 16.0 / 100, accuracy: 1e-12)
        // L = λW: 136 request-seconds in the system over 100 s.
        XCTAssertEqual(r.value("in_system_mean"), 1.36, accuracy: 1e-9)
        XCTAssertEqual(r.value("utilization_mean"), 16.0 / 100, accuracy: 1e-9)
    }

    /// Pod k (k = 0...19) is asked for at 10 + k on one node and reaches the
    /// registry at 11.5 + k; every pull ends with the base layer at 31.5 (see
    /// ImagePullTests), so pull k takes 21 − k s and the boot 24.5 − k s:
    /// 5.5, 6.5, ..., 24.5. boot_p95 is the 19th of 20 (23.5), the mean 15.
    func testBootTimePercentileAndMean() {
        var pool = Specs.nodes(count: 1, cpu: 32)
        pool.boot = .deterministic(value: 0)
        let scale = (0..<20).map { ScaleStep(at: 10 + Double($0), replicas: $0 + 1) }
        let spec = Specs.scenario(duration: 100, platform: Specs.container(), replicas: 0,
                                  cluster: ClusterSpec(hosts: pool), scale: scale, traffic: .timestamps([]))
        let r = Specs.run(spec)[0]
        XCTAssertEqual(r.value("boots"), 20)
        XCTAssertEqual(r.value("boot_p95_s"), 23.5, accuracy: 1e-9)
        XCTAssertEqual(r.value("boot_mean_s"), 15, accuracy: 1e-9)
        XCTAssertEqual(r.value("time_to_ready_mean_s"), 15, accuracy: 1e-9)
        // Start = schedule + pull + create = 22.5 − k: mean 13.
        XCTAssertEqual(r.value("start_mean_s"), 13, accuracy: 1e-9)
    }

    /// Two hosts at 3.6 per hour for 1000 s cost 2; three warm VMs at 0.36
    /// per hour run 1000 s, a fourth from 500 s, a fifth stays Pending (it
    /// costs nothing): 3500 placed seconds cost 0.35. 10 requests served.
    func testCostCountsHostsAndPlacedInstancesOnly() {
        var pool = HostPoolSpec(count: 2, cpu: 4, memoryMiB: 8192, pricePerHour: 3.6)
        pool.boot = .deterministic(value: 0)
        var vm = PlatformSpec(kind: .vm, phases: ["boot": .deterministic(value: 5)], cpuRequest: 2, memoryRequestMiB: 1024)
        vm.pricePerHour = 0.36
        let spec = Specs.scenario(duration: 1000, platform: vm, replicas: 3, cluster: ClusterSpec(hosts: pool),
                                  scale: [ScaleStep(at: 500, replicas: 5)],
                                  traffic: .timestamps((1...10).map { Double($0) }),
                                  demand: DemandSpec(cpu: .deterministic(value: 0.1)))
        let r = Specs.run(spec)[0]
        XCTAssertEqual(r.value("completed"), 10)
        XCTAssertEqual(r.value("cost_total"), 2.35, accuracy: 1e-9)
        XCTAssertEqual(r.value("cost_per_million_requests"), 2.35 / 10 * 1e6, accuracy: 1e-3)
        XCTAssertEqual(r.value("hosts_mean"), 2, accuracy: 1e-12)
        XCTAssertEqual(r.value("instances_mean"), (3 * 1000 + 2 * 500) / 1000, accuracy: 1e-9)
        XCTAssertEqual(r.value("pending_instance_seconds"), 500, accuracy: 1e-9)
    }
}
