import Model
import SimRandom
import TestSupport
import XCTest

/// Boot pipelines: every instance's time to Ready is the sum of its
/// phases, each platform passes its own phases, probes see readiness only
/// at probe times.
final class BootPipelineTests: XCTestCase {
    func platforms() throws -> [PlatformSpec] {
        let ln = try Distribution.makeLognormal(median: 2, sigma: 0.5)
        return [
            PlatformSpec(kind: .vm, phases: ["provision": ln, "boot": ln, "init": ln, "readiness": ln], cpuRequest: 1),
            Specs.container(probe: ReadinessProbe(initialDelay: 1, period: 3, successThreshold: 2)),
            PlatformSpec(kind: .microvm, phases: ["vmm": ln, "boot": ln, "init": ln], cpuRequest: 1),
        ]
    }

    func testTimeToReadyIsTheSumOfPhaseDurations() throws {
        for platform in try platforms() {
            let spec = Specs.scenario(platform: platform, replicas: 1,
                                      cluster: ClusterSpec(hosts: Specs.nodes(count: 2)),
                                      scale: [ScaleStep(at: 100, replicas: 5), ScaleStep(at: 400, replicas: 8)])
            let boots = Specs.run(spec, replications: 3).flatMap(\.boots)
            XCTAssertEqual(boots.count, 3 * 7, "\(platform.kind)")
            for b in boots {
                let ready = try XCTUnwrap(b.ready)
                XCTAssertEqual(Set(b.phases.keys), Set(platform.kind.phaseNames), "\(platform.kind)")
                let sum = b.pending + b.phases.values.reduce(0, +)
                XCTAssertEqual(ready - b.requested, sum, accuracy: 1e-9, "\(platform.kind) instance \(b.instance)")
                XCTAssertEqual(b.timeToReady!, sum, accuracy: 1e-9)
            }
        }
    }

    func testReadinessIsObservedOnlyAtProbeTimes() throws {
        let probe = ReadinessProbe(initialDelay: 1, period: 3, successThreshold: 2)
        let spec = Specs.scenario(platform: Specs.container(probe: probe), replicas: 0,
                                  cluster: ClusterSpec(hosts: Specs.nodes(count: 1, prepulled: [Specs.image])),
                                  scale: [ScaleStep(at: 10, replicas: 2)])
        for b in Specs.run(spec).flatMap(\.boots) {
            // Container started when create ended; app ready 2 s (init) later.
            let started = b.requested + b.pending + b.phases["schedule"]! + b.phases["pull"]! + b.phases["create"]!
            let sinceFirstProbe = b.ready! - (started + probe.initialDelay)
            let periods = sinceFirstProbe / probe.period
            XCTAssertEqual(periods, periods.rounded(), accuracy: 1e-9, "ready between probes")
            // Probes at +1 (app not ready until +2), +4 (success), +7 (second success).
            XCTAssertEqual(b.ready!, started + 1 + 2 * 3, accuracy: 1e-9)
        }
    }

    func testProbeArithmetic() {
        let p = ReadinessProbe(initialDelay: 5, period: 10, successThreshold: 1)
        XCTAssertEqual(p.readyTime(started: 0, appReady: 2), 5)     // ready before the first probe
        XCTAssertEqual(p.readyTime(started: 0, appReady: 5), 5)     // exactly at a probe
        XCTAssertEqual(p.readyTime(started: 0, appReady: 5.1), 15)  // just missed it
        let three = ReadinessProbe(initialDelay: 0, period: 2, successThreshold: 3)
        XCTAssertEqual(three.readyTime(started: 0, appReady: 3), 8) // probes at 4, 6, 8
    }

    func testBarePlatformIsReadyAtOnce() {
        let spec = Specs.scenario(replicas: 1, scale: [ScaleStep(at: 50, replicas: 3)])
        let boots = Specs.run(spec).flatMap(\.boots)
        XCTAssertEqual(boots.count, 2)
        XCTAssertTrue(boots.allSatisfy { $0.timeToReady == 0 })
    }

    func testTimeseriesCountsBootingAndReadyInstances() {
        let platform = PlatformSpec(kind: .vm, phases: ["provision": .deterministic(value: 25)], cpuRequest: 1)
        let spec = Specs.scenario(platform: platform, replicas: 1, scale: [ScaleStep(at: 100, replicas: 3)])
        let rows = Specs.run(spec)[0].timeseries
        let at = { (t: Double) in rows.first { $0.start == t }! }
        XCTAssertEqual(at(90).ready, 1)
        XCTAssertEqual(at(100).booting, 2)   // sampled at 110, 10 s into the 25 s boot
        XCTAssertEqual(at(120).ready, 3)     // sampled at 130, after Ready at 125
        XCTAssertEqual(at(120).desired, 3)
    }
}
