import Experiment
import Model
import TestSupport
import XCTest

/// Presets: every shipped preset loads, and a scenario overrides any field
/// of its preset, nested mappings merging key by key.
final class PresetTests: XCTestCase {
    func load(_ scenario: String) throws -> ScenarioSpec {
        let path = Fixtures.path("experiments/.preset-test-\(UUID().uuidString).yaml")
        try """
            name: t
            duration: 10m
            traffic: {arrivals: poisson, rate: 10}
            service:
              demand: {distribution: exponential, mean: 10ms}
            scenarios:
            \(scenario)
            """.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ExperimentLoader.load(path: path).scenarios[0]
    }

    func testEveryShippedPresetLoads() throws {
        let expected: [String: PlatformKind] = [
            "public-cloud-vm": .vm, "local-kvm-vm": .vm, "firecracker-microvm": .microvm,
            "container-cached": .container, "container-cold": .container,
        ]
        for (name, kind) in expected {
            let s = try load("  - {name: a, preset: \(name)}")
            XCTAssertEqual(s.platform.kind, kind, name)
            XCTAssertFalse(s.platform.phases.isEmpty, name)
        }
    }

    func testScenarioOverridesPresetFieldsAndNestedKeys() throws {
        let s = try load("""
              - name: a
                preset: container-cached
                replicas: 7
                hosts: {count: 9}
                overhead: {cpu: 0.5}
            """)
        XCTAssertEqual(s.replicas, 7)
        XCTAssertEqual(s.cluster.hosts?.count, 9)          // overridden
        XCTAssertEqual(s.cluster.hosts?.cpu, 8)            // kept from the preset
        XCTAssertEqual(s.platform.cpuOverhead, 0.5)
        XCTAssertEqual(s.platform.memoryOverheadMiB, 7)    // kept from the preset
        XCTAssertEqual(s.cluster.hosts?.prepulled.map(\.name), ["web"])
    }

    func testColdPresetStartsWithEmptyCaches() throws {
        let s = try load("  - {name: a, preset: container-cold}")
        XCTAssertEqual(s.cluster.hosts?.prepulled.count, 0)
        XCTAssertEqual(s.platform.image?.bytes, 150e6)
    }

    func testUnknownBootPhaseIsRejected() {
        XCTAssertThrowsError(try load("""
              - name: a
                platform: vm
                boot: {guest: 30s}
            """)) { e in
            guard let error = e as? ConfigError else { return XCTFail("not a ConfigError: \(e)") }
            XCTAssertEqual(error.path, "scenarios[0].boot.guest")
            XCTAssertTrue(error.message.hasPrefix("unknown key"), error.message)
        }
    }
}
