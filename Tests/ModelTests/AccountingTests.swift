import Model
import TestSupport
import XCTest

/// Bookkeeping that must stay right when instances leave early: pending
/// time, and the layers a node must keep while containers use them.
final class AccountingTests: XCTestCase {
    func testPendingTimeEndsWhenAPendingInstanceIsRemoved() throws {
        // One 4-CPU host holds two 2-CPU VMs; the third waits from t = 100
        // and is removed (Pending goes first) at t = 300.
        let vm = PlatformSpec(kind: .vm, phases: ["boot": .deterministic(value: 5)], cpuRequest: 2, memoryRequestMiB: 1024)
        let spec = Specs.scenario(duration: 1000, platform: vm, replicas: 2,
                                  cluster: ClusterSpec(hosts: HostPoolSpec(count: 1, cpu: 4, memoryMiB: 8192)),
                                  scale: [ScaleStep(at: 100, replicas: 3), ScaleStep(at: 300, replicas: 2)])
        let run = Specs.run(spec)[0]
        let boot = try XCTUnwrap(run.boots.first)
        XCTAssertEqual(run.boots.count, 1)
        XCTAssertEqual(boot.pending, 200, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(boot.gone), 300, accuracy: 1e-9)
        XCTAssertNil(boot.ready)
        XCTAssertEqual(run.value("pending_instance_seconds"), 200, accuracy: 1e-9)
    }

    /// A 150 MB cache and a 200 MB image: the node keeps all three layers
    /// while the first pod runs, so the second pod pulls nothing.
    func testLayersInUseAreNotEvicted() throws {
        var pool = Specs.nodes(count: 1)
        pool.cacheBytes = 150e6
        let spec = Specs.scenario(platform: Specs.container(), replicas: 0, cluster: ClusterSpec(hosts: pool),
                                  scale: [ScaleStep(at: 10, replicas: 1), ScaleStep(at: 100, replicas: 2)])
        let run = Specs.run(spec)[0]
        let boots = run.boots.sorted { $0.instance < $1.instance }
        XCTAssertEqual(boots[0].pullBytes, 200e6)
        XCTAssertEqual(boots[1].pullBytes, 0)
        XCTAssertEqual(boots[1].cachedBytes, 200e6)
        XCTAssertEqual(run.value("layer_cache_excess_bytes_max"), 50e6, accuracy: 1)
    }

    func testUnpinnedLayersAreEvictedOnceTheirLastUserIsGone() {
        var cache = LayerCache(capacity: 150)
        cache.insert("a", bytes: 100, pinned: true)
        cache.insert("b", bytes: 100, pinned: true)
        XCTAssertEqual(cache.bytes, 200)              // over capacity: both in use
        XCTAssertEqual(cache.maxExcess, 50)
        cache.insert("c", bytes: 10)                  // unpinned and no room: not kept
        XCTAssertFalse(cache.contains("c"))
        cache.pin("a")                                // a second user of a
        cache.unpin("a")
        XCTAssertTrue(cache.contains("a"))            // still used once
        cache.unpin("b")                              // b's last user is gone: GC evicts it
        XCTAssertFalse(cache.contains("b"))
        XCTAssertTrue(cache.contains("a"))
        XCTAssertEqual(cache.bytes, 100)
    }
}

/// A host removed while it boots never comes back when its boot would have ended.
final class HostRemovalTests: XCTestCase {
    func testAHostRemovedWhileBootingStaysGone() throws {
        let vm = PlatformSpec(kind: .vm, cpuRequest: 2)
        var pool = HostPoolSpec(count: 1, cpu: 2, memoryMiB: 8192)
        pool.boot = .deterministic(value: 60)
        let spec = Specs.scenario(duration: 1000, platform: vm, replicas: 1,
                                  cluster: ClusterSpec(hosts: pool, hostSchedule: [HostStep(at: 10, hosts: 2), HostStep(at: 20, hosts: 1)]),
                                  scale: [ScaleStep(at: 100, replicas: 2)])
        let run = Specs.run(spec)[0]
        XCTAssertEqual(try XCTUnwrap(run.timeseries.last).hosts, 1)
        XCTAssertEqual(run.value("hosts_mean"), 1.01, accuracy: 1e-9)
        // The second instance never finds room: it stays Pending to the end.
        XCTAssertEqual(run.value("pending_instance_seconds"), 900, accuracy: 1e-9)
    }
}
