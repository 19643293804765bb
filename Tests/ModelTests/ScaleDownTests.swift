import Model
import TestSupport
import XCTest

/// Scale-down follows a ReplicaSet's preference: Pending instances first,
/// then the least advanced boot, then the newest Ready one. Pending and
/// booting instances go at once and give their host capacity back.
final class ScaleDownTests: XCTestCase {
    /// VMs of 1 CPU on one 4-CPU host; provision 10 s, boot 10 s, init 10 s.
    let vm = PlatformSpec(kind: .vm, phases: ["provision": .deterministic(value: 10), "boot": .deterministic(value: 10),
                                              "init": .deterministic(value: 10)], cpuRequest: 1)

    func run(_ scale: [ScaleStep], duration: Double = 300) -> RunResult {
        var pool = HostPoolSpec(count: 1, cpu: 4, memoryMiB: 8192)
        pool.boot = .deterministic(value: 0)
        let spec = Specs.scenario(duration: duration, platform: vm, replicas: 0, cluster: ClusterSpec(hosts: pool),
                                  scale: scale, traffic: .timestamps([]))
        return Specs.run(spec)[0]
    }

    /// At 116: instances 0 and 1 Ready (since 30), 2 in its boot phase
    /// (110-120), 3 provisioning (115-125), 4 and 5 Pending (the host is
    /// full). One removal at a time then takes 5, 4, 3, 2 and, at 200, 1.
    func testVictimsArePendingThenLeastAdvancedThenNewestReady() throws {
        let r = run([ScaleStep(at: 0, replicas: 2), ScaleStep(at: 100, replicas: 3), ScaleStep(at: 115, replicas: 4),
                     ScaleStep(at: 116, replicas: 6), ScaleStep(at: 117, replicas: 5), ScaleStep(at: 118, replicas: 4),
                     ScaleStep(at: 119, replicas: 3), ScaleStep(at: 119.5, replicas: 2), ScaleStep(at: 200, replicas: 1)])
        let boots = r.boots.sorted { $0.instance < $1.instance }
        guard boots.count == 6 else { return XCTFail("\(boots.count) instances, expected 6") }
        XCTAssertEqual(boots.map(\.gone), [nil, 200, 119.5, 119, 118, 117])
        XCTAssertEqual(boots.map(\.ready), [30, 30, nil, nil, nil, nil])
        // Only the Ready one passed through Terminating.
        XCTAssertEqual(boots.map(\.terminating), [nil, 200, nil, nil, nil, nil])
        // The removed booting ones stopped mid-pipeline: finished phases only.
        XCTAssertEqual(boots[2].phases, ["provision": 10])
        XCTAssertEqual(boots[3].phases, [:])
        // Pending 116 → 118 and 116 → 117: 3 instance-seconds.
        XCTAssertEqual(r.value("pending_instance_seconds"), 3, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(r.timeseries.last).ready, 1)
    }

    /// Removing a booting instance gives its CPU back at once: with the host
    /// full of booting instances, a scale-down then up places the new one
    /// without waiting.
    func testRemovingABootingInstanceFreesItsHostAtOnce() throws {
        let r = run([ScaleStep(at: 0, replicas: 4), ScaleStep(at: 5, replicas: 3), ScaleStep(at: 6, replicas: 4)])
        let boots = r.boots.sorted { $0.instance < $1.instance }
        guard boots.count == 5 else { return XCTFail("\(boots.count) instances, expected 5") }
        XCTAssertEqual(boots[3].gone, 5)
        XCTAssertNil(boots[3].ready)
        XCTAssertEqual(boots[4].requested, 6)
        XCTAssertEqual(boots[4].pending, 0)
        XCTAssertEqual(boots[4].ready, 36)
        XCTAssertEqual(r.value("pending_instance_seconds"), 0)
    }

    /// A pod removed while pulling its image (no other pod waits for it)
    /// is gone at once and never Ready; its node slot is reused.
    func testRemovingAPullingPodStopsIt() throws {
        var pool = Specs.nodes(count: 1, cpu: 1)
        pool.boot = .deterministic(value: 0)
        let spec = Specs.scenario(duration: 300, platform: Specs.container(), replicas: 0, cluster: ClusterSpec(hosts: pool),
                                  scale: [ScaleStep(at: 10, replicas: 1), ScaleStep(at: 20, replicas: 0),
                                          ScaleStep(at: 21, replicas: 1)],
                                  traffic: .timestamps([]))
        let boots = Specs.run(spec)[0].boots.sorted { $0.instance < $1.instance }
        guard boots.count == 2 else { return XCTFail("\(boots.count) instances, expected 2") }
        XCTAssertEqual(boots[0].gone, 20)
        XCTAssertNil(boots[0].ready)
        XCTAssertEqual(boots[0].phases, ["schedule": 0.5])
        // The second pod takes the only CPU at once and becomes Ready.
        XCTAssertEqual(boots[1].pending, 0)
        XCTAssertNotNil(boots[1].ready)
    }
}
