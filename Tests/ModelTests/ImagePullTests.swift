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

    func testColdPullCostsRegistryLatencyPlusBytesOverBandwidth() throws {
        let b = boots(scale: [ScaleStep(at: 10, replicas: 1)])
        guard b.count == 1 else { return XCTFail("\(b.count) boots, expected 1") }
        XCTAssertEqual(try XCTUnwrap(b[0].phases["pull"]), 1 + 200e6 / 10e6, accuracy: 1e-6)
        XCTAssertEqual(b[0].pullBytes, 200e6)
        XCTAssertEqual(b[0].cachedBytes, 0)
    }

    func testSecondPodOnANodePullsNothing() {
        let b = boots(scale: [ScaleStep(at: 10, replicas: 1), ScaleStep(at: 100, replicas: 2)])
        guard b.count == 2 else { return XCTFail("\(b.count) boots, expected 2") }
        XCTAssertEqual(b[1].phases["pull"], 0)
        XCTAssertEqual(b[1].pullBytes, 0)
        XCTAssertEqual(b[1].cachedBytes, 200e6)
    }

    func testPodsStartingTogetherShareOneDownload() {
        let b = boots(scale: [ScaleStep(at: 10, replicas: 2)])
        // Both wait for the same layers: 200 MB once at 10 MB/s, not twice.
        XCTAssertEqual(b.map { $0.phases["pull"] ?? .nan }, [21, 21])
    }

    /// Pod A asks at 10: its three layers (base 100 MB, runtime 60, app 40)
    /// download from 11.5 sharing 10 MB/s: each at 10/3 MB/s until app ends
    /// at 23.5, then 5 MB/s each until runtime ends at 27.5 (20 MB left),
    /// then base alone ends at 31.5 (40 MB left). Pod B asks at 25, reaches
    /// the registry at 26.5: app is cached by then, runtime and base are
    /// joined in progress; B's pull ends with base at 31.5, 6 s after it began.
    func testAPodJoinsADownloadInProgress() throws {
        let b = boots(scale: [ScaleStep(at: 10, replicas: 1), ScaleStep(at: 25, replicas: 2)])
        guard b.count == 2 else { return XCTFail("\(b.count) boots, expected 2") }
        XCTAssertEqual(try XCTUnwrap(b[0].phases["pull"]), 21, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(b[1].phases["pull"]), 6, accuracy: 1e-9)
        XCTAssertEqual(b[1].cachedBytes, 40e6)
        XCTAssertEqual(b[1].pullBytes, 160e6)
        XCTAssertEqual(try XCTUnwrap(b[1].ready), 25 + 0.5 + 6 + 1 + 2, accuracy: 1e-9)
    }

    /// A 150 MB cache holds all 200 MB while the first pod uses them (layers
    /// in use are never evicted). When it is gone at 60 the cache evicts the
    /// least recently used layers, app then runtime, to fit again. A second
    /// pod at 100 finds only base: it pulls runtime and app again (100 MB: 1 + 10 s).
    func testLayersEvictedDuringARunArePulledAgain() throws {
        let b = boots(scale: [ScaleStep(at: 10, replicas: 1), ScaleStep(at: 60, replicas: 0), ScaleStep(at: 100, replicas: 1)],
                      cache: 150e6)
        guard b.count == 2 else { return XCTFail("\(b.count) boots, expected 2") }
        XCTAssertEqual(try XCTUnwrap(b[0].phases["pull"]), 21, accuracy: 1e-9)
        XCTAssertEqual(b[1].cachedBytes, 100e6)
        XCTAssertEqual(b[1].pullBytes, 100e6)
        XCTAssertEqual(try XCTUnwrap(b[1].phases["pull"]), 1 + 100e6 / 10e6, accuracy: 1e-9)
    }

    func testLayersSharedWithACachedImageAreNotPulled() throws {
        let old = ImageSpec(name: "web-v1", layers: [
            .init(name: "base", bytes: 100e6), .init(name: "runtime", bytes: 60e6), .init(name: "app-v1", bytes: 40e6),
        ])
        let b = boots(scale: [ScaleStep(at: 10, replicas: 1)], prepulled: [old])
        guard b.count == 1 else { return XCTFail("\(b.count) boots, expected 1") }
        XCTAssertEqual(b[0].pullBytes, 40e6)            // only the app layer differs
        XCTAssertEqual(b[0].cachedBytes, 160e6)
        XCTAssertEqual(try XCTUnwrap(b.first?.phases["pull"]), 1 + 4, accuracy: 1e-6)
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

    func testConcurrentDownloadsShareBandwidthEqually() throws {
        var set = DownloadSet(bandwidth: 10)
        set.advance(to: 0)
        set.request("small", bytes: 50, for: 0)
        set.request("large", bytes: 150, for: 1)
        // Two downloads at 5 B/s each: the small one ends at t = 10.
        XCTAssertEqual(try XCTUnwrap(set.timeToNextCompletion), 10, accuracy: 1e-12)
        set.advance(to: 10)
        XCTAssertEqual(set.takeCompleted().map(\.layer), ["small"])
        // The large one has 100 B left, now alone at 10 B/s: ends at t = 20.
        XCTAssertEqual(try XCTUnwrap(set.timeToNextCompletion), 10, accuracy: 1e-12)
        set.advance(to: 15)
        set.request("third", bytes: 25, for: 2)
        // At t = 15: 50 B and 25 B left, 5 B/s each: the third ends at t = 20.
        XCTAssertEqual(try XCTUnwrap(set.timeToNextCompletion), 5, accuracy: 1e-12)
        set.advance(to: 20)
        XCTAssertEqual(set.takeCompleted().map(\.layer), ["third"])
        XCTAssertEqual(try XCTUnwrap(set.timeToNextCompletion), 2.5, accuracy: 1e-12)
    }
}
