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
