import Model
import SimRandom
import TestSupport
import XCTest

/// Boot pipelines: each platform passes its own phases in order, each phase
/// taking its own time; probes see readiness only at probe times.
final class BootPipelineTests: XCTestCase {
    /// Every phase a distinct duration (powers of two, so any two sums differ):
    /// a phase drawing another's distribution, or a phase skipped or run
    /// twice, changes the recorded durations or the time to Ready.
    func testEachPhaseTakesItsOwnDurationInOrder() throws {
        let vm = PlatformSpec(kind: .vm, phases: ["provision": .deterministic(value: 1), "boot": .deterministic(value: 2),
                                                  "init": .deterministic(value: 4), "readiness": .deterministic(value: 8)],
                              cpuRequest: 1)
        let microvm = PlatformSpec(kind: .microvm, phases: ["vmm": .deterministic(value: 0.125),
                                                            "boot": .deterministic(value: 0.25),
                                                            "init": .deterministic(value: 0.5),
                                                            "readiness": .deterministic(value: 16)], cpuRequest: 1)
        let expected: [(PlatformSpec, [String: Double])] = [
            (vm, ["provision": 1, "boot": 2, "init": 4, "readiness": 8]),
            (microvm, ["vmm": 0.125, "boot": 0.25, "init": 0.5, "readiness": 16]),
        ]
        for (platform, phases) in expected {
            let spec = Specs.scenario(duration: 200, platform: platform, replicas: 1,
                                      scale: [ScaleStep(at: 100, replicas: 3)])
            let boots = Specs.run(spec)[0].boots
            XCTAssertEqual(boots.count, 2, "\(platform.kind)")
            let total = phases.values.reduce(0, +)
            for b in boots {
                XCTAssertEqual(b.phases, phases, "\(platform.kind) instance \(b.instance)")
                XCTAssertEqual(b.pending, 0)
                XCTAssertEqual(try XCTUnwrap(b.ready), 100 + total, "\(platform.kind) instance \(b.instance)")
            }
        }
    }

    /// Time to Ready = Pending + the phases, for random phases, every
    /// platform and instances that wait for a host.
    func testTimeToReadyIsPendingPlusThePhases() throws {
        let ln = try Distribution.makeLognormal(median: 2, sigma: 0.5)
        let platforms = [
            PlatformSpec(kind: .vm, phases: ["provision": ln, "boot": ln, "init": ln, "readiness": ln], cpuRequest: 1),
            Specs.container(probe: ReadinessProbe(initialDelay: 1, period: 3, successThreshold: 2)),
            PlatformSpec(kind: .microvm, phases: ["vmm": ln, "boot": ln, "init": ln], cpuRequest: 1),
        ]
        for platform in platforms {
            let spec = Specs.scenario(platform: platform, replicas: 1,
                                      cluster: ClusterSpec(hosts: Specs.nodes(count: 2)),
                                      scale: [ScaleStep(at: 100, replicas: 5), ScaleStep(at: 400, replicas: 8)])
            let boots = Specs.run(spec, replications: 3).flatMap(\.boots)
            XCTAssertEqual(boots.count, 3 * 7, "\(platform.kind)")
            for b in boots {
                XCTAssertEqual(Set(b.phases.keys), Set(platform.kind.phaseNames), "\(platform.kind)")
                let sum = b.pending + b.phases.values.reduce(0, +)
                XCTAssertEqual(try XCTUnwrap(b.timeToReady), sum, accuracy: 1e-9, "\(platform.kind) instance \(b.instance)")
            }
            // Two 4-CPU nodes hold eight 1-CPU instances: none waits.
            XCTAssertTrue(boots.allSatisfy { $0.pending == 0 }, "\(platform.kind)")
        }
    }

    func testReadinessIsObservedOnlyAtProbeTimes() throws {
        let probe = ReadinessProbe(initialDelay: 1, period: 3, successThreshold: 2)
        let spec = Specs.scenario(platform: Specs.container(probe: probe), replicas: 0,
                                  cluster: ClusterSpec(hosts: Specs.nodes(count: 1, prepulled: [Specs.image])),
                                  scale: [ScaleStep(at: 10, replicas: 2)])
        let boots = Specs.run(spec)[0].boots
        XCTAssertEqual(boots.count, 2)
        for b in boots {
            // Cached image: no pull. Container started at 10 + 0.5 + 1 = 11.5,
            // app ready 2 s (init) later at 13.5. Probes at 12.5 (not ready),
            // 15.5 (first success), 18.5 (second success): Ready at 18.5.
            XCTAssertEqual(b.phases["schedule"], 0.5)
            XCTAssertEqual(b.phases["pull"], 0)
            XCTAssertEqual(b.phases["create"], 1)
            XCTAssertEqual(b.phases["init"], 2)
            XCTAssertEqual(try XCTUnwrap(b.phases["readiness"]), 5, accuracy: 1e-9)
            XCTAssertEqual(try XCTUnwrap(b.ready), 18.5, accuracy: 1e-9)
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

    func testTimeseriesCountsBootingAndReadyInstances() throws {
        let platform = PlatformSpec(kind: .vm, phases: ["provision": .deterministic(value: 25)], cpuRequest: 1)
        let spec = Specs.scenario(platform: platform, replicas: 1, scale: [ScaleStep(at: 100, replicas: 3)])
        let rows = Specs.run(spec)[0].timeseries
        func at(_ t: Double) throws -> TimeSeriesRow { try XCTUnwrap(rows.first { $0.start == t }, "no row at \(t)") }
        XCTAssertEqual(try at(90).ready, 1)
        XCTAssertEqual(try at(100).booting, 2)   // sampled at 110, 10 s into the 25 s boot
        XCTAssertEqual(try at(100).ready, 1)
        XCTAssertEqual(try at(120).ready, 3)     // sampled at 130, after Ready at 125
        XCTAssertEqual(try at(120).booting, 0)
        XCTAssertEqual(try at(120).desired, 3)
    }
}
