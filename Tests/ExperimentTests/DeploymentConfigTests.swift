import Experiment
import Foundation
import Model
import TestSupport
import XCTest

/// `deployment:` (a pasted apps/v1 manifest, its spec, or a file), `rollouts:`
/// and the self-healing keys load into the ScenarioSpec, and every manifest
/// the Kubernetes API would refuse gets one located sentence.
final class DeploymentConfigTests: XCTestCase {
    /// Two images for the catalog, sharing a base layer.
    static let images = """
        images:
          web:1.4.2: {layers: [{name: base, size: 50MB}, {name: app-1.4.2, size: 30MB}]}
          web:1.5.0: {layers: [{name: base, size: 50MB}, {name: app-1.5.0, size: 31MB}]}
        """

    /// The valid file with `lines` added to its scenario (line 11 on) and the image catalog.
    func config(_ lines: String) -> String {
        ValidConfig.text + "\n" + lines.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            .joined(separator: "\n") + "\n" + Self.images
    }

    /// The same Deployment's spec, indented by `indent` spaces.
    static func spec(_ indent: Int) -> String {
        let text = """
            replicas: 6
            minReadySeconds: 5
            progressDeadlineSeconds: 120
            strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
            template:
              spec:
                terminationGracePeriodSeconds: 45
                containers:
                  - name: web
                    image: web:1.4.2
                    resources: {requests: {cpu: 500m, memory: 256Mi}}
                    readinessProbe: {httpGet: {path: /ready, port: 8080}, initialDelaySeconds: 2, periodSeconds: 5}
            """
        return text.split(separator: "\n").map { String(repeating: " ", count: indent) + $0 }.joined(separator: "\n")
    }

    static let wholeManifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n" + spec(2)

    /// What a Deployment sets, as one comparable line.
    func fields(_ s: ScenarioSpec) -> String {
        let d = s.deployment
        return "\(s.replicas) \(String(describing: s.platform.image)) \(s.platform.cpuRequest) \(s.platform.memoryRequestMiB) "
            + "\(String(describing: s.platform.probe)) \(s.platform.terminationGrace) \(d.strategy) \(d.minReadySeconds) "
            + "\(d.progressDeadlineSeconds) \(s.platform.phases["readiness"] == nil)"
    }

    func scenario(_ lines: String, files: [String: String] = [:]) throws -> ScenarioSpec {
        try XCTUnwrap(loadConfig(config(lines), files: files).scenarios.first)
    }

    func testEveryFormOfDeploymentGivesTheSameScenario() throws {
        let inline = try scenario("platform: container\ndeployment:\n" + Self.wholeManifest.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        let specOnly = try scenario("platform: container\ndeployment:\n" + Self.spec(2))
        let file = try scenario("platform: container\ndeployment: {file: web.yaml}", files: ["web.yaml": Self.wholeManifest])
        let multi = try scenario("platform: container\ndeployment: {file: all.yaml}", files: [
            "all.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\n" + Self.wholeManifest
                + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config}\n",
        ])
        let reference = fields(inline)
        XCTAssertEqual(fields(specOnly), reference)
        XCTAssertEqual(fields(file), reference)
        XCTAssertEqual(fields(multi), reference)
        XCTAssertEqual(inline.replicas, 6)
        XCTAssertEqual(inline.platform.image?.name, "web:1.4.2")
        XCTAssertEqual(inline.platform.cpuRequest, 0.5)
        XCTAssertEqual(inline.platform.memoryRequestMiB, 256)
        XCTAssertEqual(inline.platform.probe, ReadinessProbe(initialDelay: 2, period: 5, successThreshold: 1))
        XCTAssertEqual(inline.platform.terminationGrace, 45)
        XCTAssertEqual(inline.deployment.strategy, .rollingUpdate(maxSurge: .count(1), maxUnavailable: .count(0)))
        XCTAssertEqual(inline.deployment.minReadySeconds, 5)
        XCTAssertEqual(inline.deployment.progressDeadlineSeconds, 120)
    }

    /// The manifest and the scenario's own keys say the same thing the same way.
    func testTheManifestSetsWhatTheScenarioKeysSet() throws {
        let keys = try scenario("""
            platform: container
            replicas: 6
            image: web:1.4.2
            resources: {cpu: 0.5, memory: 256Mi}
            readinessProbe: {initialDelaySeconds: 2, periodSeconds: 5}
            terminationGracePeriodSeconds: 45
            deployment: {minReadySeconds: 5, progressDeadlineSeconds: 120, strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}}
            """)
        XCTAssertEqual(fields(keys), fields(try scenario("platform: container\ndeployment:\n" + Self.spec(2))))
    }

    func testWithoutAManifestTheDeploymentHasKubernetesDefaults() throws {
        let s = try scenario("platform: container")
        XCTAssertEqual(s.deployment.strategy, .rollingUpdate(maxSurge: .percent(25), maxUnavailable: .percent(25)))
        XCTAssertEqual(s.deployment.minReadySeconds, 0)
        XCTAssertEqual(s.deployment.progressDeadlineSeconds, 600)
        XCTAssertEqual(s.deployment.reconcileDelay, 0.1)
        XCTAssertEqual(s.deployment.rollouts, [])
        XCTAssertEqual(s.replicas, 1)
        XCTAssertEqual(s.backoff, BackoffSpec(initial: 10, max: 300, reset: 600))
        XCTAssertEqual(s.nodeFailure, NodeFailureSpec(monitorGracePeriod: 40, tolerationSeconds: 300))
        XCTAssertEqual(s.healthCheck, HealthCheckSpec(interval: 30, unhealthyThreshold: 2, gracePeriod: 300))
        XCTAssertEqual(s.endpoints, EndpointsSpec(propagationDelay: 0))
    }

    func testPercentagesAndCountsAreRead() throws {
        let cases: [(String, DeploymentStrategy)] = [
            ("{}", .rollingUpdate(maxSurge: .percent(25), maxUnavailable: .percent(25))),
            ("{type: Recreate}", .recreate),
            ("{type: RollingUpdate}", .rollingUpdate(maxSurge: .percent(25), maxUnavailable: .percent(25))),
            ("{rollingUpdate: {maxSurge: 30%}}", .rollingUpdate(maxSurge: .percent(30), maxUnavailable: .percent(25))),
            ("{rollingUpdate: {maxUnavailable: 2}}", .rollingUpdate(maxSurge: .percent(25), maxUnavailable: .count(2))),
            ("{rollingUpdate: {maxSurge: '0%', maxUnavailable: 100%}}", .rollingUpdate(maxSurge: .percent(0), maxUnavailable: .percent(100))),
            ("{rollingUpdate: {maxSurge: 200%, maxUnavailable: 0}}", .rollingUpdate(maxSurge: .percent(200), maxUnavailable: .count(0))),
            ("{rollingUpdate: {maxSurge: '3', maxUnavailable: 1}}", .rollingUpdate(maxSurge: .count(3), maxUnavailable: .count(1))),
        ]
        for (text, strategy) in cases {
            XCTAssertEqual(try scenario("deployment: {strategy: \(text)}").deployment.strategy, strategy, text)
        }
    }

    func testRequestsDefaultToLimitsAndPresetValuesStayWhenTheManifestIsSilent() throws {
        let s = try scenario("""
            preset: container-cold
            deployment:
              template: {spec: {containers: [{name: web, resources: {limits: {cpu: 250m, memory: 1Gi}}}]}}
            """)
        XCTAssertEqual(s.platform.cpuRequest, 0.25)
        XCTAssertEqual(s.platform.memoryRequestMiB, 1024)
        // The preset's image, probe and grace period are kept.
        XCTAssertEqual(s.platform.image?.name, "web")
        XCTAssertEqual(s.platform.probe, ReadinessProbe(initialDelay: 0, period: 10, successThreshold: 1))
        XCTAssertEqual(s.platform.terminationGrace, 30)
        // A manifest's spec.replicas replaces a scenario without replicas' default.
        XCTAssertEqual(try scenario("deployment: {replicas: 4}").replicas, 4)
        XCTAssertEqual(try scenario("replicas: 3\ndeployment: {minReadySeconds: 1}").replicas, 3)
        XCTAssertEqual(try scenario("replicas: 4\ndeployment: {replicas: 4}").replicas, 4)
    }

    /// In a manifest a bare memory number is bytes and `1G` is 10^9 bytes, as
    /// in Kubernetes; a container's image may be a catalog image's `name`.
    func testManifestQuantitiesAreKubernetesQuantitiesAndImagesMayBeCatalogNames() throws {
        let text = ValidConfig.scenario(
            "platform: container",
            "deployment: {template: {spec: {containers: [{name: w, image: registry.example/web:2, "
                + "resources: {requests: {cpu: '2', memory: '1048576'}}}]}}}")
            + "\nimages:\n  two: {name: registry.example/web:2, layers: [{name: base, size: 50MB}]}"
        let s = try XCTUnwrap(loadConfig(text).scenarios.first)
        XCTAssertEqual(s.platform.cpuRequest, 2)
        XCTAssertEqual(s.platform.memoryRequestMiB, 1)
        XCTAssertEqual(s.platform.image?.name, "registry.example/web:2")
        let g = try scenario("deployment: {template: {spec: {containers: [{name: w, resources: {requests: {memory: 1G}}}]}}}")
        XCTAssertEqual(g.platform.memoryRequestMiB, 1e9 / 1_048_576)
    }

    func testAPastedManifestWithManyIgnoredFieldsLoadsFromAMultiDocumentFile() throws {
        let path = Fixtures.path("experiments/examples/deployment-manifest.yaml")
        let s = try scenario("platform: container\nhosts: {count: 2, cpu: 8, memory: 32Gi}\ndeployment: {file: \(path)}")
        XCTAssertEqual(s.replicas, 6)
        XCTAssertEqual(s.platform.image?.name, "web:1.4.2")
        XCTAssertEqual(s.platform.image?.layers.map(\.name), ["base", "app-1.4.2"])
        XCTAssertEqual(s.platform.cpuRequest, 0.5)
        XCTAssertEqual(s.platform.memoryRequestMiB, 256)
        XCTAssertEqual(s.platform.probe, ReadinessProbe(initialDelay: 2, period: 5, successThreshold: 1))
        XCTAssertEqual(s.platform.terminationGrace, 45)
        XCTAssertEqual(s.deployment.strategy, .rollingUpdate(maxSurge: .count(1), maxUnavailable: .count(0)))
        XCTAssertEqual(s.deployment.minReadySeconds, 5)
        XCTAssertEqual(s.deployment.progressDeadlineSeconds, 600)
    }

    func testRolloutsResolveCatalogAndInlineImages() throws {
        let s = try scenario("""
            platform: container
            image: web:1.4.2
            rollouts:
              - {at: 10s, image: web:1.5.0}
              - {at: 30s, image: {name: web:hotfix, layers: [{name: base, size: 50MB}, {name: app-hotfix, size: 1MB}]}}
              - {at: 50s, image: web:1.4.2}
            """)
        XCTAssertEqual(s.deployment.rollouts.map(\.at), [10, 30, 50])
        XCTAssertEqual(s.deployment.rollouts.map(\.image.name), ["web:1.5.0", "web:hotfix", "web:1.4.2"])
        XCTAssertEqual(s.deployment.rollouts[1].image.layers, [.init(name: "base", bytes: 50e6), .init(name: "app-hotfix", bytes: 1e6)])
    }

    func testSelfHealingKeysAreRead() throws {
        let s = try scenario("""
            platform: container
            hosts: {count: 2, cpu: 8, memory: 32Gi}
            reconcileDelay: 250ms
            endpoints: {propagationDelay: 1s}
            backoff: {initial: 5s, max: 1m, reset: 5m}
            nodeFailure: {monitorGracePeriod: 20s, tolerationSeconds: 60s}
            failures: {timeToFailure: 30m, recovery: restart}
            faults: [{at: 10s, kill: container}, {at: 20s, kill: container, instance: 2}]
            """)
        XCTAssertEqual(s.deployment.reconcileDelay, 0.25)
        XCTAssertEqual(s.endpoints, EndpointsSpec(propagationDelay: 1))
        XCTAssertEqual(s.backoff, BackoffSpec(initial: 5, max: 60, reset: 300))
        XCTAssertEqual(s.nodeFailure, NodeFailureSpec(monitorGracePeriod: 20, tolerationSeconds: 60))
        XCTAssertEqual(s.failures?.recovery, .restart(BackoffSpec(initial: 5, max: 60, reset: 300)))
        XCTAssertEqual(s.faults, [FaultSpec(at: 10, target: .container(instance: nil)), FaultSpec(at: 20, target: .container(instance: 2))])
        let vm = try scenario("platform: vm\nhealthCheck: {interval: 10s, unhealthyThreshold: 3, gracePeriod: 2m}")
        XCTAssertEqual(vm.healthCheck, HealthCheckSpec(interval: 10, unhealthyThreshold: 3, gracePeriod: 120))
        XCTAssertEqual(try scenario("failures: {timeToFailure: 30m}").failures?.recovery, .replace)
    }

    func testAnHPAMayTargetTheScenariosDeploymentByName() throws {
        let hpa = "hpa: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, minReplicas: 1, maxReplicas: 4}"
        let s = try scenario("platform: container\n\(hpa)\ndeployment:\n  apiVersion: apps/v1\n  kind: Deployment\n"
                             + "  metadata: {name: web}\n  spec: {replicas: 2}")
        XCTAssertEqual(s.autoscaling.hpa?.spec.maxReplicas, 4)
        XCTAssertEqual(s.replicas, 2)
    }
}

/// Without an `images:` catalog, a manifest's image names the preset's
/// image, and a rollout named only by its tag rebuilds the top layer.
final class UncataloguedImageTests: XCTestCase {
    func testATagWithoutACatalogRebuildsTheTopLayerOfTheImageBefore() throws {
        let text = ValidConfig.text + """

                preset: container-cold
                deployment:
                  template:
                    spec:
                      containers: [{name: web, image: registry.example.com/team/web:1.0}]
                rollouts: [{at: 10s, image: registry.example.com/team/web:1.1}, {at: 20s, image: "web:1.2"}]
            """
        let spec = try XCTUnwrap(loadConfig(text).scenarios.first)
        let preset = ["debian-base 50000000.0", "runtime 70000000.0", "app 30000000.0"]
        let layers = { (i: ImageSpec?) in (i?.layers ?? []).map { "\($0.name) \($0.bytes)" } }
        XCTAssertEqual(spec.platform.image?.name, "registry.example.com/team/web:1.0")
        XCTAssertEqual(layers(spec.platform.image), preset)
        XCTAssertEqual(spec.deployment.rollouts.map(\.image.name), ["registry.example.com/team/web:1.1", "web:1.2"])
        XCTAssertEqual(layers(spec.deployment.rollouts[0].image),
                       Array(preset.dropLast()) + ["registry.example.com/team/web:1.1 top layer 30000000.0"])
        XCTAssertEqual(layers(spec.deployment.rollouts[1].image), Array(preset.dropLast()) + ["web:1.2 top layer 30000000.0"])
    }
}

/// `hpa: {file:}` and `deployment: {file:}` may name the same multi-document
/// file, as a `kubectl apply -f` file holds a Service, a Deployment and an HPA.
final class SharedManifestFileTests: XCTestCase {
    func testOneFileServesTheDeploymentAndTheHPA() throws {
        let text = ValidConfig.text + "\n    platform: container\n    deployment: {file: app.yaml}\n    hpa: {file: app.yaml}\n"
        let file = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec: {replicas: 3}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 7
            """
        let spec = try XCTUnwrap(loadConfig(text, files: ["app.yaml": file]).scenarios.first)
        XCTAssertEqual(spec.replicas, 3)
        XCTAssertEqual(spec.autoscaling.hpa?.spec.minReplicas, 2)
        XCTAssertEqual(spec.autoscaling.hpa?.spec.maxReplicas, 7)
    }
}
