import Model
import TestSupport
import XCTest

/// The host pool: shrinking removes only empty hosts, newest first; the
/// per-host instance limit (maxPods) and the reserved capacity bound what
/// fits on a host.
final class HostPoolTests: XCTestCase {
    /// 2-CPU, 1 GiB VMs (5 s boot) on 4-CPU, 8 GiB hosts, for 1000 s.
    func spec(hosts: Int, replicas: Int, scale: [ScaleStep] = [], hostSchedule: [HostStep] = [],
              configure: (inout HostPoolSpec) -> Void = { _ in }) -> ScenarioSpec {
        var pool = HostPoolSpec(count: hosts, cpu: 4, memoryMiB: 8192)
        configure(&pool)
        let vm = PlatformSpec(kind: .vm, phases: ["boot": .deterministic(value: 5)], cpuRequest: 2, memoryRequestMiB: 1024)
        return Specs.scenario(duration: 1000, platform: vm, replicas: replicas,
                              cluster: ClusterSpec(hosts: pool, hostSchedule: hostSchedule),
                              scale: scale, traffic: .timestamps([]))
    }

    /// Three warm VMs fill host 0 and half of host 1; asking for one host at
    /// 100 removes only host 2, the one empty host.
    func testShrinkingRemovesOnlyEmptyHosts() throws {
        let r = Specs.run(spec(hosts: 3, replicas: 3, hostSchedule: [HostStep(at: 100, hosts: 1)]))[0]
        XCTAssertEqual(r.value("hosts_mean"), (3 * 100 + 2 * 900) / 1000, accuracy: 1e-9)
        XCTAssertEqual(r.timeseries.first?.hosts, 3)
        XCTAssertEqual(try XCTUnwrap(r.timeseries.last).hosts, 2)
        XCTAssertEqual(try XCTUnwrap(r.timeseries.last).ready, 3)
    }

    /// Hosts 1 and 2 are empty; shrinking to two removes host 2 (the newest):
    /// the VM asked for at 200 goes to host 1.
    func testShrinkingRemovesTheNewestEmptyHostFirst() throws {
        let r = Specs.run(spec(hosts: 3, replicas: 2, scale: [ScaleStep(at: 200, replicas: 3)],
                               hostSchedule: [HostStep(at: 100, hosts: 2)]))[0]
        XCTAssertEqual(r.boots.map(\.host), [1])
        XCTAssertEqual(r.boots.map(\.pending), [0])
        XCTAssertEqual(r.value("hosts_mean"), (3 * 100 + 2 * 900) / 1000, accuracy: 1e-9)
    }

    /// At most two instances per host, though CPU and memory would hold more:
    /// of five asked for at 100 on two 64-CPU hosts, one stays Pending.
    func testMaxPodsLimitsInstancesPerHost() throws {
        let r = Specs.run(spec(hosts: 2, replicas: 0, scale: [ScaleStep(at: 100, replicas: 5)]) {
            $0.cpu = 64
            $0.memoryMiB = 65_536
            $0.maxInstances = 2
        })[0]
        XCTAssertEqual(r.boots.sorted { $0.instance < $1.instance }.map(\.host), [0, 0, 1, 1, -1])
        XCTAssertEqual(r.value("pending_instance_seconds"), 900, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(r.timeseries.last).pending, 1)
    }

    /// 8 CPUs with 3 reserved leave 5: two 2-CPU VMs fit, the third waits.
    func testReservedCPUIsNotForInstances() throws {
        let r = Specs.run(spec(hosts: 1, replicas: 0, scale: [ScaleStep(at: 100, replicas: 3)]) {
            $0.cpu = 8
            $0.reservedCpu = 3
        })[0]
        XCTAssertEqual(r.boots.filter { $0.ready != nil }.count, 2)
        XCTAssertEqual(r.value("pending_instance_seconds"), 900, accuracy: 1e-9)
    }

    /// 8 GiB with 5 GiB reserved leave 3 GiB: three 1 GiB VMs fit, the fourth waits.
    func testReservedMemoryIsNotForInstances() throws {
        let r = Specs.run(spec(hosts: 1, replicas: 0, scale: [ScaleStep(at: 100, replicas: 4)]) {
            $0.cpu = 64
            $0.reservedMemoryMiB = 5120
        })[0]
        XCTAssertEqual(r.boots.filter { $0.ready != nil }.count, 3)
        XCTAssertEqual(r.value("pending_instance_seconds"), 900, accuracy: 1e-9)
    }

    /// Memory is what binds here (2 GiB hosts, 1 GiB VMs, CPUs to spare):
    /// the VM removed at 100 gives its memory back, so the one asked for at
    /// 200 is placed at once.
    func testARemovedInstanceGivesItsMemoryBack() throws {
        let r = Specs.run(spec(hosts: 1, replicas: 2, scale: [ScaleStep(at: 100, replicas: 1), ScaleStep(at: 200, replicas: 2)]) {
            $0.cpu = 64
            $0.memoryMiB = 2048
        })[0]
        XCTAssertEqual(r.boots.map(\.pending), [0])
        XCTAssertEqual(r.boots.map(\.ready), [205])
        XCTAssertEqual(r.value("pending_instance_seconds"), 0)
    }
}
