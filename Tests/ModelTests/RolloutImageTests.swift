import Model
import TestSupport
import XCTest

/// A rollout puts a second image on each node: the layer cache holds both
/// while the old pods run (their layers are in use), then evicts the old
/// image's own layers when space is needed. Invariants checked throughout.
final class RolloutImageTests: XCTestCase {
    /// A 200 MB cache holds `web` (base 100 + runtime 60 + app 40 MB) for two
    /// warm pods. The rollout to `web2` at 100 pulls only app2 (40 MB): the
    /// cache reaches 240 MB, 40 MB over, all of it in use. Once the old pods
    /// are gone, app is evicted for room, so the rollout back to `web` at 300
    /// pulls app again (40 MB) while the shared layers stay cached.
    func testTheCacheKeepsLayersInUseAcrossImagesAndEvictsTheOldImageAfter() throws {
        var pool = Specs.nodes(count: 1, cpu: 16)
        pool.cacheBytes = 200e6
        var spec = Specs.scenario(duration: 500, platform: Specs.container(), replicas: 2,
                                  cluster: ClusterSpec(hosts: pool), traffic: .timestamps([]))
        spec.deployment.strategy = .rollingUpdate(maxSurge: .count(1), maxUnavailable: .count(0))
        spec.deployment.rollouts = [RolloutSpec(at: 100, image: RolloutTests.web2), RolloutSpec(at: 300, image: Specs.image)]
        let r = try Simulation.runChecked(spec, seed: 1, replication: 0)
        XCTAssertEqual(r.value("rollouts"), 2)
        XCTAssertEqual(r.value("layer_cache_excess_bytes_max"), 40e6)
        XCTAssertEqual(r.boots.map(\.pullBytes), [40e6, 0, 40e6, 0])
        XCTAssertEqual(r.boots.map(\.cachedBytes), [160e6, 200e6, 160e6, 200e6])
    }
}
