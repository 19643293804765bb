import Model
import SimRandom
import TestSupport
import XCTest

/// The same readiness rule on every platform that boots: the probe (or the
/// load balancer's health check) starts with the application process, so a
/// comparison between platforms is not skewed by one of them skipping it.
final class ProbeOnEveryPlatformTests: XCTestCase {
    func readyAfterRequest(_ kind: PlatformKind, phases: [String: Distribution]) throws -> Double {
        let probe = ReadinessProbe(initialDelay: 1, period: 10, successThreshold: 2)
        let platform = PlatformSpec(kind: kind, phases: phases, probe: probe, cpuRequest: 0)
        let run = Specs.run(Specs.scenario(platform: platform, replicas: 0, scale: [ScaleStep(at: 100, replicas: 1)]))[0]
        let boot = try XCTUnwrap(run.boots.first)
        return try XCTUnwrap(boot.timeToReady)
    }

    func testVMAndMicroVMWaitForTheProbeLikeContainers() throws {
        // Process starts after 3 s of boot; app ready 2 s later; probes at 3+1, 14, 24, ...:
        // first success at 14 (app ready at 5), second at 24.
        XCTAssertEqual(try readyAfterRequest(.vm, phases: ["provision": .deterministic(value: 1), "boot": .deterministic(value: 2),
                                                         "init": .deterministic(value: 2)]), 24, accuracy: 1e-9)
        XCTAssertEqual(try readyAfterRequest(.microvm, phases: ["vmm": .deterministic(value: 1), "boot": .deterministic(value: 2),
                                                              "init": .deterministic(value: 2)]), 24, accuracy: 1e-9)
    }
}
