import Experiment
import Foundation
import Model
import TestSupport
import XCTest

/// Bad `hpa:` manifests stop with one located sentence; good ones load
/// with the API defaults filled in.
final class HPAConfigErrorTests: XCTestCase {
    let manifest = """
        now: 0s
        currentReplicas: 2
        hpa:
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: web}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            minReplicas: 2
            maxReplicas: 10
            metrics:
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
            behavior:
              scaleDown:
                policies: [{type: Pods, value: 1, periodSeconds: 60}]
        """

    /// Writes `text` (and optional extra files) to a fresh folder, loads it, removes the folder.
    func load(_ text: String, files: [String: String] = [:]) throws -> HPAState {
        let path = try Fixtures.temporaryConfig(text, name: "state.yaml")
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, body) in files { try body.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try HPAStateReader.load(path: path)
    }

    func error(_ text: String) throws -> ConfigError {
        do {
            _ = try load(text)
        } catch let e as ConfigError {
            return e
        }
        XCTFail("expected a ConfigError")
        throw CancellationError()
    }

    func testTheManifestLoadsWithBehaviorDefaultsFilledIn() throws {
        let s = try load(manifest)
        XCTAssertEqual(s.spec.minReplicas, 2)
        XCTAssertEqual(s.spec.behavior?.scaleUp, .defaultScaleUp)
        XCTAssertEqual(s.spec.behavior?.scaleDown.stabilizationWindowSeconds, nil) // the controller's flag decides
        XCTAssertEqual(s.spec.behavior?.scaleDown.selectPolicy, .max)
        XCTAssertEqual(s.spec.behavior?.scaleDown.policies, [HPAScalingPolicy(type: .pods, value: 1, periodSeconds: 60)])
    }

    func testASpecWithoutMetricsWatchesCPUAt80Percent() throws {
        let s = try load("currentReplicas: 1\nhpa: {maxReplicas: 3}\n")
        XCTAssertEqual(s.spec.metrics, [HPAMetricSpec(source: .resource("cpu"), target: .utilization(80))])
        XCTAssertEqual(s.spec.minReplicas, 1)
        XCTAssertNil(s.spec.behavior)
    }

    func testTheManifestCanComeFromAFileBesideTheConfig() throws {
        let body = manifest.components(separatedBy: "\n").dropFirst(3).map { String($0.dropFirst(2)) }.joined(separator: "\n")
        let s = try load("currentReplicas: 2\nhpa: {file: web-hpa.yaml}\n", files: ["web-hpa.yaml": body])
        XCTAssertEqual(s.spec.maxReplicas, 10)
    }

    func testUnknownMetricTypeSuggestsTheNearestName() throws {
        let e = try error(manifest.replacingOccurrences(of: "type: Resource", with: "type: Resorce"))
        XCTAssertEqual(e.line, 12)
        XCTAssertEqual(e.path, "hpa.spec.metrics[0].type")
        XCTAssertEqual(e.message, "unknown metric type 'Resorce' (did you mean 'Resource'?); expected one of Resource, Pods, Object, External, ContainerResource")
    }

    func testAverageUtilizationOnAPodsMetricIsRejected() throws {
        let e = try error(manifest.replacingOccurrences(
            of: "- type: Resource\n        resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}",
            with: "- type: Pods\n        pods: {metric: {name: http_requests}, target: {type: AverageValue, averageUtilization: 50}}"))
        XCTAssertEqual(e.path, "hpa.spec.metrics[0].pods.target.averageUtilization")
        XCTAssertEqual(e.message, "averageUtilization is only allowed on a Resource metric; a Pods metric takes AverageValue")
    }

    func testAPolicyWithAZeroPeriodIsRejected() throws {
        let e = try error(manifest.replacingOccurrences(of: "periodSeconds: 60", with: "periodSeconds: 0"))
        XCTAssertEqual(e.line, 16)
        XCTAssertEqual(e.path, "hpa.spec.behavior.scaleDown.policies[0].periodSeconds")
        XCTAssertEqual(e.message, "must be at least 1, got 0")
    }

    func testMinAboveMaxIsRejected() throws {
        let e = try error(manifest.replacingOccurrences(of: "minReplicas: 2", with: "minReplicas: 12"))
        XCTAssertEqual(e.line, 9)
        XCTAssertEqual(e.path, "hpa.spec.minReplicas")
        XCTAssertEqual(e.message, "minReplicas 12 is greater than maxReplicas 10")
    }

    func testUnknownSpecKeyIsRejectedWithASuggestion() throws {
        let e = try error(manifest.replacingOccurrences(of: "maxReplicas: 10", with: "maxReplicas: 10\n    maxReplica: 3"))
        XCTAssertEqual(e.path, "hpa.spec.maxReplica")
        XCTAssertEqual(e.message, "unknown key (did you mean 'maxReplicas'?)")
    }

    func testOnlyAutoscalingV2HorizontalPodAutoscalersAreRead() throws {
        let version = try error(manifest.replacingOccurrences(of: "autoscaling/v2", with: "autoscaling/v1"))
        XCTAssertEqual(version.path, "hpa.apiVersion")
        XCTAssertEqual(version.message, "unsupported apiVersion 'autoscaling/v1'; capsim reads autoscaling/v2 HorizontalPodAutoscalers")
        let kind = try error(manifest.replacingOccurrences(of: "kind: HorizontalPodAutoscaler", with: "kind: Deployment"))
        XCTAssertEqual(kind.message, "expected kind HorizontalPodAutoscaler, got 'Deployment'")
    }

    func testAResourceMetricCannotTargetAValue() throws {
        let e = try error(manifest.replacingOccurrences(of: "target: {type: Utilization, averageUtilization: 50}", with: "target: {type: Value, value: 5}"))
        XCTAssertEqual(e.path, "hpa.spec.metrics[0].resource.target.type")
        XCTAssertEqual(e.message, "a Resource metric's target type must be Utilization or AverageValue, got Value")
    }

    func testAStabilizationWindowOverAnHourIsRejected() throws {
        let e = try error(manifest.replacingOccurrences(of: "scaleDown:\n", with: "scaleDown:\n        stabilizationWindowSeconds: 3601\n"))
        XCTAssertEqual(e.path, "hpa.spec.behavior.scaleDown.stabilizationWindowSeconds")
        XCTAssertEqual(e.message, "must be at most 3600 (one hour), got 3601")
    }

    func testControllerFlagsTakeDurationsAndPerDirectionTolerances() throws {
        let s = try load(manifest + "\nhpaController: {syncPeriod: 30s, tolerance: {scaleUp: 0.05, scaleDown: 0.2}, cpuInitializationPeriod: 2m, initialReadinessDelay: 10s, downscaleStabilization: 1m}\n")
        XCTAssertEqual(s.config.syncPeriod, 30)
        XCTAssertEqual(s.config.tolerance, HPATolerances(scaleUp: 0.05, scaleDown: 0.2))
        XCTAssertEqual(s.config.cpuInitializationPeriod, 120)
        XCTAssertEqual(s.config.initialReadinessDelay, 10)
        XCTAssertEqual(s.config.downscaleStabilization, 60)
    }

    func testQuantitiesAreReadAsMilliUnits() throws {
        let s = try load("""
            currentReplicas: 1
            hpa: {maxReplicas: 3}
            pods: [{name: a, requests: {cpu: 500m, memory: 256Mi}, metrics: {cpu: "1.5", memory: 1Gi}}]
            externalMetrics: {queue: ["2", 250m]}
            """)
        let pod = try XCTUnwrap(s.input.pods.first)
        XCTAssertEqual(pod.requests, ["cpu": 500, "memory": 256 * 1_048_576 * 1000])
        XCTAssertEqual(pod.samples["cpu"]?.value, 1500)
        XCTAssertEqual(pod.samples["memory"]?.value, 1_073_741_824_000)
        XCTAssertEqual(s.input.externalMetrics["queue"], [2000, 250])
        XCTAssertEqual(try error("currentReplicas: 1\nhpa: {maxReplicas: 3}\nobjectMetrics: {q: 12x}\n").message,
                       "'12x' is not a Kubernetes quantity (such as 500m, 2, 1.5, 256Mi)")
    }
}
