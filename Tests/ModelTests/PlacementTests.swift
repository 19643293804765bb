import Model
import SimRandom
import TestSupport
import XCTest

/// Placement on hosts: capacity, policies, Pending instances and nodes
/// added at run time.
final class PlacementTests: XCTestCase {
    let vm = PlatformSpec(kind: .vm, phases: ["boot": .deterministic(value: 5)], cpuRequest: 2, memoryRequestMiB: 1024)

    func spec(hosts: Int, replicas: Int, scale: [ScaleStep], placement: PlacementPolicy = .firstFit,
              hostSchedule: [HostStep] = [], duration: Double = 1000) -> ScenarioSpec {
        var pool = HostPoolSpec(count: hosts, cpu: 4, memoryMiB: 8192)
        pool.boot = .deterministic(value: 60)
        return Specs.scenario(duration: duration, platform: vm, replicas: replicas,
                              cluster: ClusterSpec(hosts: pool, placement: placement, hostSchedule: hostSchedule),
                              scale: scale)
    }

    func testInstancesThatFitNowhereStayPending() throws {
        // 2 hosts × 4 CPUs hold four 2-CPU instances; asking for 6 leaves 2 Pending.
        let run = Specs.run(spec(hosts: 2, replicas: 1, scale: [ScaleStep(at: 100, replicas: 6)]))[0]
        XCTAssertEqual(run.value("pending_instance_seconds"), 2 * 900, accuracy: 1e-6)
        XCTAssertEqual(run.boots.filter { $0.ready == nil }.count, 2)
        let last = try XCTUnwrap(run.timeseries.last)
        XCTAssertEqual(last.pending, 2)
        XCTAssertEqual(last.ready, 4)
    }

    func testAPendingInstanceStartsWhenANodeIsAdded() throws {
        let run = Specs.run(spec(hosts: 1, replicas: 2, scale: [ScaleStep(at: 100, replicas: 3)],
                                 hostSchedule: [HostStep(at: 100, hosts: 2)]))[0]
        let b = try XCTUnwrap(run.boots.first)
        XCTAssertEqual(b.pending, 60, accuracy: 1e-9)        // the node's VM boot
        XCTAssertEqual(try XCTUnwrap(b.timeToReady), 65, accuracy: 1e-9)   // then its own 5 s boot
        XCTAssertEqual(b.host, 1)
    }

    func testPoliciesChooseDifferentHosts() {
        func hosts(_ p: PlacementPolicy) -> [Int] {
            Specs.run(spec(hosts: 3, replicas: 0, scale: [ScaleStep(at: 10, replicas: 3)], placement: p))[0]
                .boots.sorted { $0.instance < $1.instance }.map(\.host)
        }
        XCTAssertEqual(hosts(.firstFit), [0, 0, 1])
        XCTAssertEqual(hosts(.spread), [0, 1, 2])
    }

    /// Host 0 is full (two warm VMs); hosts 1 and 2 are added at t = 0 and
    /// boot for uniform(10, 100) s each. With a seed where host 2 is ready
    /// first, the Pending instance asked for at t = 1 lands there. At t = 300
    /// one more: firstFit takes host 1 (the first that fits, empty), bestFit
    /// host 2 (the fullest that still fits: 2 CPUs left), spread host 1
    /// (fewest instances).
    func testBestFitPacksTheFullestHostWhereFirstFitTakesTheFirst() throws {
        let boot = Distribution.uniform(min: 10, max: 100)
        // The hosts stream draws one boot time per added host, in order.
        let seed = try XCTUnwrap((1...50 as ClosedRange<UInt64>).first { s in
            let stream = RandomStream(seed: s, replication: 0, name: "hosts")
            let host1 = boot.sample(stream), host2 = boot.sample(stream)
            return host2 < host1
        })
        func hosts(_ p: PlacementPolicy) -> [Int] {
            var s = spec(hosts: 1, replicas: 2, scale: [ScaleStep(at: 1, replicas: 3), ScaleStep(at: 300, replicas: 4)],
                         placement: p, hostSchedule: [HostStep(at: 0, hosts: 3)])
            s.cluster.hosts?.boot = boot
            return Specs.run(s, seed: seed)[0].boots.sorted { $0.instance < $1.instance }.map(\.host)
        }
        XCTAssertEqual(hosts(.firstFit), [2, 1])
        XCTAssertEqual(hosts(.bestFit), [2, 2])
        XCTAssertEqual(hosts(.spread), [2, 1])
    }

    func testMemoryOverheadCountsAgainstHostMemory() {
        var heavy = vm
        heavy.cpuRequest = 0.5
        heavy.memoryOverheadMiB = 3072        // 1 GiB request + 3 GiB guest: two per 8 GiB host
        var s = spec(hosts: 1, replicas: 0, scale: [ScaleStep(at: 10, replicas: 3)])
        s.platform = heavy
        let run = Specs.run(s)[0]
        XCTAssertEqual(run.boots.filter { $0.ready != nil }.count, 2)
    }

    func testScaleDownTerminatesNewestAndFreesCapacity() throws {
        let run = Specs.run(spec(hosts: 1, replicas: 2, scale: [ScaleStep(at: 100, replicas: 1),
                                                                 ScaleStep(at: 200, replicas: 2)]))[0]
        // The instance started at 200 fits because the one removed at 100 freed its CPUs.
        XCTAssertEqual(run.boots.count, 1)
        XCTAssertEqual(try XCTUnwrap(run.boots.first).pending, 0)
        XCTAssertEqual(try XCTUnwrap(run.timeseries.last).ready, 2)
    }
}
