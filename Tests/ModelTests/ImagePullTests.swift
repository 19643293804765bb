import Model
import TestSupport
import XCTest

/// Image pulls: registry latency + missing bytes / bandwidth, layers shared
/// between images and cached per node, concurrent downloads sharing bandwidth.
final class ImagePullTests: XCTestCase {
    /// One node, 10 MB/s, 1 s registry latency, no cache at start.
    func boots(scale: [ScaleStep], prepulled: [ImageSpec] = [], cache: Double = .infinity) -> [BootRecord] {
        var pool = Specs.nodes(count: 1, prepulled: prepulled)
        pool.cacheBytes = cache
        let spec = Specs.scenario(platform: Specs.container(), replicas: 0, cluster: ClusterSpec(hosts: pool), scale: scale)
        return Specs.run(spec)[0].boots.sorted { $0.instance < $1.instance }
    }

    func testColdPullCostsRegistryLatencyPlusBytesOverBandwidth() {
        let b = boots(scale: [ScaleStep(at: 10, replicas: 1)])
        XCTAssertEqual(b[0].phases["pull"]!, 1 + 200e6 / 10e6, accuracy: 1e-6)
        XCTAssertEqual(b[0].pullBytes, 200e6)
        XCTAssertEqual(b[0].cachedBytes, 0)
    }

    func testSecondPodOnANodePullsNothing() {
        let b = boots(scale: [ScaleStep(at: 10, replicas: 1), ScaleStep(at: 100, replicas: 2)])
        XCTAssertEqual(b[1].phases["pull"], 0)
        XCTAssertEqual(b[1].pullBytes, 0)
        XCTAssertEqual(b[1].cachedBytes, 200e6)
    }

    func testPodsStartingTogetherShareOneDownload() {
        let b = boots(scale: [ScaleStep(at: 10, replicas: 2)])
        // Both wait for the same layers: 200 MB once at 10 MB/s, not twice.
        XCTAssertEqual(b[0].phases["pull"]!, 21, accuracy: 1e-6)
        XCTAssertEqual(b[1].phases["pull"]!, 21, accuracy: 1e-6)
    }

    func testLayersSharedWithACachedImageAreNotPulled() {
        let old = ImageSpec(name: "web-v1", layers: [
            .init(name: "base", bytes: 100e6), .init(name: "runtime", bytes: 60e6), .init(name: "app-v1", bytes: 40e6),
        ])
        let b = boots(scale: [ScaleStep(at: 10, replicas: 1)], prepulled: [old])
        XCTAssertEqual(b[0].pullBytes, 40e6)            // only the app layer differs
        XCTAssertEqual(b[0].cachedBytes, 160e6)
        XCTAssertEqual(b[0].phases["pull"]!, 1 + 4, accuracy: 1e-6)
    }

    func testEvictedLayersArePulledAgain() {
        var cache = LayerCache(capacity: 250)
        cache.insert("a", bytes: 100)
        cache.insert("b", bytes: 100)
        cache.touch("a")
        cache.insert("c", bytes: 100)   // evicts b, the least recently used
        XCTAssertTrue(cache.contains("a"))
        XCTAssertFalse(cache.contains("b"))
        XCTAssertTrue(cache.contains("c"))
        XCTAssertEqual(cache.bytes, 200)
        cache.insert("huge", bytes: 300) // larger than the cache: not kept
        XCTAssertFalse(cache.contains("huge"))
    }

    func testConcurrentDownloadsShareBandwidthEqually() {
        var set = DownloadSet(bandwidth: 10)
        set.advance(to: 0)
        set.request("small", bytes: 50, for: 0)
        set.request("large", bytes: 150, for: 1)
        // Two downloads at 5 B/s each: the small one ends at t = 10.
        XCTAssertEqual(set.timeToNextCompletion!, 10, accuracy: 1e-12)
        set.advance(to: 10)
        XCTAssertEqual(set.takeCompleted().map(\.layer), ["small"])
        // The large one has 100 B left, now alone at 10 B/s: ends at t = 20.
        XCTAssertEqual(set.timeToNextCompletion!, 10, accuracy: 1e-12)
        set.advance(to: 15)
        set.request("third", bytes: 25, for: 2)
        // At t = 15: 50 B and 25 B left, 5 B/s each: the third ends at t = 20.
        XCTAssertEqual(set.timeToNextCompletion!, 5, accuracy: 1e-12)
        set.advance(to: 20)
        XCTAssertEqual(set.takeCompleted().map(\.layer), ["third"])
        XCTAssertEqual(set.timeToNextCompletion!, 2.5, accuracy: 1e-12)
    }
}
