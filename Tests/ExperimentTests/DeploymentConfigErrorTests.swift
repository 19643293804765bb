import Experiment
import Foundation
import Model
import XCTest

/// Every Deployment, rollout and self-healing value the loader refuses
/// gets one sentence naming its file, line and key path: the Kubernetes
/// API's validation of a Deployment, and capsim's own ranges.
final class DeploymentConfigErrorTests: XCTestCase {
    struct Case {
        var lines: String
        var files: [String: String] = [:]
        var line: Int?
        var path: String
        /// `FILE` stands for the experiment file's path, `DIR` for its folder.
        var message: String
    }

    func config(_ lines: String) -> String {
        ValidConfig.text + "\n" + lines.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
            + "\n" + DeploymentConfigTests.images
    }

    static let container = "platform: container\n"
    static let pod = "deployment: {template: {spec: {containers: [{name: w, "

    static let cases: [Case] = [
        // Strategy, as the API validates it.
        Case(lines: "deployment: {strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}}", line: 11,
             path: "scenarios[0].deployment.strategy.rollingUpdate", message: "may not be specified when strategy type is 'Recreate'"),
        Case(lines: "deployment: {strategy: {type: Recreat}}", line: 11, path: "scenarios[0].deployment.strategy.type",
             message: "unsupported strategy type 'Recreat' (did you mean 'Recreate'?); use RollingUpdate or Recreate"),
        Case(lines: "deployment: {strategy: {rollingUpdate: {maxUnavailable: 150%}}}", line: 11,
             path: "scenarios[0].deployment.strategy.rollingUpdate.maxUnavailable", message: "must not be greater than 100%, got '150%'"),
        Case(lines: "deployment: {strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}}", line: 11,
             path: "scenarios[0].deployment.strategy.rollingUpdate.maxUnavailable", message: "may not be 0 when maxSurge is 0"),
        Case(lines: "deployment: {strategy: {rollingUpdate: {maxSurge: '0%', maxUnavailable: '0%'}}}", line: 11,
             path: "scenarios[0].deployment.strategy.rollingUpdate.maxUnavailable", message: "may not be 0 when maxSurge is 0"),
        Case(lines: "deployment: {strategy: {rollingUpdate: {maxSurge: -1}}}", line: 11,
             path: "scenarios[0].deployment.strategy.rollingUpdate.maxSurge", message: "must not be negative, got '-1'"),
        Case(lines: "deployment: {strategy: {rollingUpdate: {maxSurge: 12.5%}}}", line: 11,
             path: "scenarios[0].deployment.strategy.rollingUpdate.maxSurge",
             message: "'12.5%' is not a count or a percentage (use a whole number such as 1, or a percentage such as 25%)"),
        Case(lines: "deployment: {strategy: {rollingUpdate: {maxSurg: 1}}}", line: 11,
             path: "scenarios[0].deployment.strategy.rollingUpdate.maxSurg", message: "unknown key (did you mean 'maxSurge'?)"),
        // Spec fields.
        Case(lines: "deployment: {minReadySeconds: -1}", line: 11, path: "scenarios[0].deployment.minReadySeconds",
             message: "must not be negative, got '-1'"),
        Case(lines: "deployment: {minReadySeconds: 10, progressDeadlineSeconds: 10}", line: 11,
             path: "scenarios[0].deployment.progressDeadlineSeconds", message: "must be greater than minReadySeconds (10)"),
        Case(lines: "deployment: {minReadySeconds: 700}", line: 11, path: "scenarios[0].deployment.minReadySeconds",
             message: "must be less than progressDeadlineSeconds (600, the default)"),
        Case(lines: "deployment: {paused: true}", line: 11, path: "scenarios[0].deployment.paused",
             message: "paused Deployments are not modelled; remove paused (or set it to false)"),
        Case(lines: "deployment: {replicsa: 2}", line: 11, path: "scenarios[0].deployment.replicsa",
             message: "unknown key (did you mean 'replicas'?)"),
        Case(lines: "replicas: 3\ndeployment: {replicas: 5}", line: 12, path: "scenarios[0].deployment.replicas",
             message: "5 differs from the scenario's replicas 3 (FILE:11); give the count in one place"),
        Case(lines: "deployment: {apiVersion: extensions/v1beta1, kind: Deployment, spec: {}}", line: 11,
             path: "scenarios[0].deployment.apiVersion", message: "unsupported apiVersion 'extensions/v1beta1'; capsim reads apps/v1 Deployments"),
        Case(lines: "deployment: {apiVersion: apps/v1, kind: StatefulSet, spec: {}}", line: 11,
             path: "scenarios[0].deployment.kind", message: "expected kind Deployment, got 'StatefulSet'"),
        Case(lines: "deployment: {apiVersion: apps/v1, kind: Deployment, metadata: {nmae: web}, spec: {}}", line: 11,
             path: "scenarios[0].deployment.metadata.nmae", message: "unknown key (did you mean 'name'?)"),
        // The pod template.
        Case(lines: "deployment: {template: {spec: {containers: [{name: a}, {name: b}]}}}", line: 11,
             path: "scenarios[0].deployment.template.spec.containers",
             message: "lists 2 containers; capsim models one container per pod (keep the one that serves the requests)"),
        Case(lines: "deployment: {template: {spec: {containers: []}}}", line: 11, path: "scenarios[0].deployment.template.spec.containers",
             message: "lists no container; capsim models one container per pod"),
        Case(lines: "deployment: {template: {spec: {}}}", line: 11, path: "scenarios[0].deployment.template.spec.containers",
             message: "missing required key"),
        Case(lines: container + pod + "image: web:1.4.3}]}}}", line: 12, path: "scenarios[0].deployment.template.spec.containers[0].image",
             message: "unknown image 'web:1.4.3' (did you mean 'web:1.4.2'?); the images: catalog has web:1.4.2, web:1.5.0"),
        Case(lines: container + "image: web:1.5.0\n" + pod + "image: web:1.4.2}]}}}", line: 13,
             path: "scenarios[0].deployment.template.spec.containers[0].image",
             message: "differs from the scenario's image (FILE:12); give the image in one place"),
        Case(lines: "resources: {cpu: 2}\n" + pod + "resources: {requests: {cpu: 500m}}}]}}}", line: 12,
             path: "scenarios[0].deployment.template.spec.containers[0].resources.requests.cpu",
             message: "differs from the scenario's resources.cpu (FILE:11); give the CPU request in one place"),
        Case(lines: pod + "imagePullPolcy: Always}]}}}", line: 11, path: "scenarios[0].deployment.template.spec.containers[0].imagePullPolcy",
             message: "unknown key (did you mean 'imagePullPolicy'?)"),
        Case(lines: pod + "resources: {requests: {cpus: 1}}}]}}}", line: 11,
             path: "scenarios[0].deployment.template.spec.containers[0].resources.requests.cpus", message: "unknown key (did you mean 'cpu'?)"),
        Case(lines: pod + "resources: {requests: {memory: 256MB}}}]}}}", line: 11,
             path: "scenarios[0].deployment.template.spec.containers[0].resources.requests.memory",
             message: "'256MB' is not a Kubernetes quantity (such as 500m, 2, 1.5, 256Mi)"),
        Case(lines: pod + "resources: {limits: {cpu: -1}}}]}}}", line: 11,
             path: "scenarios[0].deployment.template.spec.containers[0].resources.limits.cpu", message: "must not be negative, got '-1'"),
        Case(lines: pod + "readinessProbe: {periodSeconds: 0}}]}}}", line: 11,
             path: "scenarios[0].deployment.template.spec.containers[0].readinessProbe.periodSeconds", message: "must be longer than zero"),
        // deployment.file.
        Case(lines: "deployment: {file: all.yaml}",
             files: ["all.yaml": "apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: ConfigMap\n"], line: 11,
             path: "scenarios[0].deployment.file", message: "'all.yaml' holds 2 YAML documents and none of kind Deployment"),
        Case(lines: "deployment: {file: all.yaml}",
             files: ["all.yaml": "apiVersion: apps/v1\nkind: Deployment\nspec: {}\n---\napiVersion: apps/v1\nkind: Deployment\nspec: {}\n"],
             line: 11, path: "scenarios[0].deployment.file",
             message: "'all.yaml' holds 2 of kind Deployment (lines 1, 5); a scenario reads one: split the file"),
        Case(lines: "deployment: {file: nope.yaml}", line: 11, path: "scenarios[0].deployment.file",
             message: "cannot read 'nope.yaml' (looked for DIR/nope.yaml)"),
        Case(lines: "deployment: {file: web.yaml, replicas: 2}", line: 11, path: "scenarios[0].deployment.replicas", message: "unknown key"),
        // HPA target.
        Case(lines: "hpa: {scaleTargetRef: {kind: Deployment, name: api}, maxReplicas: 4}\n"
             + "deployment: {apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {}}", line: 11,
             path: "scenarios[0].hpa.scaleTargetRef.name",
             message: "the HPA targets Deployment 'api' but the scenario's Deployment is named 'web' (FILE:12)"),
        // Workload, rollouts, delays.
        Case(lines: "workload: pods\ndeployment: {replicas: 2}", line: 12, path: "scenarios[0].deployment",
             message: "bare pods have no Deployment: deployment needs workload: deployment"),
        Case(lines: container + "workload: pods\nrollouts: [{at: 10s, image: web:1.5.0}]", line: 13, path: "scenarios[0].rollouts",
             message: "bare pods have no Deployment: rollouts needs workload: deployment"),
        Case(lines: container + "image: web:1.4.2\nrollouts: [{at: 10s, image: web:1.4.2}]", line: 13, path: "scenarios[0].rollouts[0].image",
             message: "image 'web:1.4.2' is the scenario's image: a rollout needs a new image"),
        Case(lines: container + "rollouts: [{at: 10s, image: web:1.5.0}, {at: 20s, image: web:1.5.0}]", line: 12,
             path: "scenarios[0].rollouts[1].image", message: "image 'web:1.5.0' is the image of the rollout before it: a rollout needs a new image"),
        Case(lines: container + "rollouts: [{at: 20s, image: web:1.5.0}, {at: 10s, image: web:1.4.2}]", line: 12,
             path: "scenarios[0].rollouts[1]", message: "rollouts must be in time order"),
        Case(lines: container + "rollouts: [{at: 10s, image: web:9}]", line: 12, path: "scenarios[0].rollouts[0].image",
             message: "unknown image 'web:9'; define it under images:"),
        Case(lines: container + "rollouts: [{at: 10s}]", line: 12, path: "scenarios[0].rollouts[0].image", message: "missing required key"),
        Case(lines: "reconcileDelay: -1s", line: 11, path: "scenarios[0].reconcileDelay", message: "must not be negative, got '-1s'"),
        Case(lines: "endpoints: {propagationDelays: 1s}", line: 11, path: "scenarios[0].endpoints.propagationDelays",
             message: "unknown key (did you mean 'propagationDelay'?)"),
        // Self-healing.
        Case(lines: "backoff: {initial: 0s}", line: 11, path: "scenarios[0].backoff.initial", message: "must be longer than zero"),
        Case(lines: "backoff: {initial: 1m, max: 30s}", line: 11, path: "scenarios[0].backoff.max",
             message: "max 30s must not be below initial 60s"),
        Case(lines: "faults: [{at: 10s, kill: containr}]", line: 11, path: "scenarios[0].faults[0].kill",
             message: "'containr' is not a fault (did you mean 'container'?); use pod, node or container"),
        Case(lines: "platform: vm\nnodeFailure: {monitorGracePeriod: 20s}", line: 12, path: "scenarios[0].nodeFailure",
             message: "nodeFailure applies to the container platform (Kubernetes nodes); vm and microvm use healthCheck"),
        Case(lines: container + "healthCheck: {interval: 10s}", line: 12, path: "scenarios[0].healthCheck",
             message: "healthCheck applies to the vm and microvm platforms; containers use nodeFailure and the kubelet"),
        Case(lines: "platform: microvm\nhealthCheck: {unhealthyThreshold: 0}", line: 12, path: "scenarios[0].healthCheck.unhealthyThreshold",
             message: "must be at least 1, got 0"),
    ]

    func testEveryValidationErrorIsOneLocatedSentence() throws {
        for c in Self.cases {
            // A case that loads fails alone; the others are still checked.
            guard let e = try? configError(config(c.lines), files: c.files) else {
                XCTFail("loaded: \(c.lines)")
                continue
            }
            let directory = URL(fileURLWithPath: e.file).deletingLastPathComponent().path
            let message = e.message.replacingOccurrences(of: e.file, with: "FILE").replacingOccurrences(of: directory, with: "DIR")
            XCTAssertEqual(e.line, c.line, c.lines)
            XCTAssertEqual(e.path, c.path, c.lines)
            XCTAssertEqual(message, c.message, c.lines)
        }
    }

    /// An error inside `deployment.file` names that file and the key path within it.
    func testAnErrorInADeploymentFileNamesThatFile() throws {
        let e = try configError(config("deployment: {file: web.yaml}"),
                                files: ["web.yaml": "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n  replicsa: 3\n"])
        XCTAssertTrue(e.file.hasSuffix("/web.yaml"), e.file)
        XCTAssertEqual(e.line, 5)
        XCTAssertEqual(e.path, "spec.replicsa")
        XCTAssertEqual(e.message, "unknown key (did you mean 'replicas'?)")
    }
}
