import Experiment
import Foundation
import Model
import TestSupport
import XCTest
import Yams

/// schema/capsim.schema.json agrees with the loader: every key of every
/// shipped experiment and preset (all accepted by the loader) is in the
/// schema, every key of the schema is used by a shipped file or listed here
/// as optional, and the schema's enums are the loader's.
final class ConfigSchemaTests: XCTestCase {
    /// Schema keys no shipped file uses, as `definition.key`.
    static let optionalKeys: Set<String> = [
        // Failures and self-healing: no shipped study uses them yet.
        "scenario.workload", "scenario.faults", "scenario.faults[].at", "scenario.faults[].kill", "scenario.faults[].instance",
        "scenario.faults[].host", "scenario.failures", "scenario.failures.timeToFailure", "scenario.failures.recovery",
        // Deployments, rollouts and self-healing: tests use them; the example manifest
        // (experiments/examples/deployment-manifest.yaml) is a whole manifest, not a spec.
        "scenario.deployment", "scenario.rollouts", "scenario.rollouts[].at", "scenario.rollouts[].image",
        "scenario.reconcileDelay", "scenario.endpoints", "scenario.endpoints.propagationDelay", "scenario.backoff",
        "scenario.backoff.initial", "scenario.backoff.max", "scenario.backoff.reset", "scenario.nodeFailure",
        "scenario.nodeFailure.monitorGracePeriod", "scenario.nodeFailure.tolerationSeconds", "scenario.healthCheck",
        "scenario.healthCheck.gracePeriod", "scenario.healthCheck.interval", "scenario.healthCheck.unhealthyThreshold",
        "deployment.file", "deployment.status", "deployment.replicas", "deployment.minReadySeconds", "deployment.paused",
        "deployment.progressDeadlineSeconds", "deployment.strategy", "deployment.strategy.rollingUpdate",
        "deployment.strategy.rollingUpdate.maxSurge", "deployment.strategy.rollingUpdate.maxUnavailable",
        "deployment.strategy.type", "deployment.template", "deployment.template.metadata", "deployment.template.spec",
        "deploymentSpec.paused", "container.resources.claims",
        "distributionMap.value", "distributionMap.min", "distributionMap.max", "distributionMap.sd", "distributionMap.mu",
        "distributionMap.sigma", "distributionMap.median", "distributionMap.shape", "distributionMap.scale",
        "distributionMap.k", "distributionMap.values", "distributionMap.weights", "distributionMap.components",
        "distributionMap.clip", "distributionMap.clip.min", "distributionMap.clip.max",
        "mixtureComponent.distribution", "mixtureComponent.mean", "mixtureComponent.value", "mixtureComponent.min",
        "mixtureComponent.max", "mixtureComponent.sd", "mixtureComponent.cv", "mixtureComponent.mu", "mixtureComponent.sigma",
        "mixtureComponent.median", "mixtureComponent.shape", "mixtureComponent.scale", "mixtureComponent.k",
        "mixtureComponent.values", "mixtureComponent.weights", "mixtureComponent.components", "mixtureComponent.clip",
        "mixtureComponent.clip.min", "mixtureComponent.clip.max", "mixtureComponent.weight",
        "demand.cpu", "demand.io",
        "traffic.mean", "traffic.amplitude", "traffic.period", "traffic.phase", "traffic.from", "traffic.to",
        "traffic.start", "traffic.end", "traffic.base", "traffic.peak", "traffic.rise", "traffic.hold", "traffic.decay",
        "traffic.states", "traffic.states[].rate", "traffic.states[].meanDuration", "traffic.file", "traffic.format",
        "traffic.interval",
        "image.name", "image.layers", "image.layers[].name", "image.layers[].size",
        "hosts.count", "hosts.cpu", "hosts.memory", "hosts.reserved", "hosts.reserved.cpu", "hosts.reserved.memory",
        "hosts.maxPods", "hosts.pricePerHour", "hosts.boot", "hosts.registryLatency", "hosts.pullBandwidth",
        "hosts.layerCache", "hosts.prepulled",
        "root.images", "root.output", "root.output.timeseriesInterval", "root.configs",
        "scenario.description", "scenario.boot", "scenario.readinessProbe", "scenario.image", "scenario.overhead",
        "scenario.resources", "scenario.pricePerHour", "scenario.terminationGracePeriodSeconds", "scenario.placement",
        "scenario.hosts", "scenario.hostSchedule", "scenario.hostSchedule[].at", "scenario.hostSchedule[].hosts",
        "scenario.traffic", "scenario.service", "scenario.metrics", "scenario.clusterAutoscaler", "scenario.scaleGroup",
        "scenario.queueLimit", "scenario.loadBalancer", "scenario.platform", "scenario.scaleSchedule",
        "scenario.scaleSchedule[].at", "scenario.scaleSchedule[].replicas",
        "service.slo", "service.slo.latency",
        "namedConfig.name", "namedConfig.extends", "namedConfig.description", "namedConfig.set", "namedConfig.sweep",
        "expectation.point", "expectation.above", "expectation.lessThanScenario",
        "sweep.grid", "sweep.zip",
        // The HPA as a whole manifest, and the controller's flags (tests and experiments/hpa/ use them).
        "hpa.apiVersion", "hpa.kind", "hpa.metadata", "hpa.scaleTargetRef", "hpa.spec", "hpa.status",
        "hpaController.cpuInitializationPeriod", "hpaController.downscaleStabilization",
        "hpaController.initialReadinessDelay", "hpaController.syncPeriod", "hpaController.tolerance",
        "hpaController.tolerance.scaleDown", "hpaController.tolerance.scaleUp", "hpaRules.selectPolicy",
        "hpaRules.tolerance", "hpaSpec.behavior", "hpaSpec.maxReplicas", "hpaSpec.metrics", "hpaSpec.minReplicas",
        "hpaSpec.scaleTargetRef", "scenario.hpaController",
        // Autoscaling is exercised by tests, not yet by a shipped study.
        "scenario.clusterAutoscaler.maxNodeProvisionTime", "scenario.clusterAutoscaler.maxNodes",
        "scenario.clusterAutoscaler.minNodes", "scenario.clusterAutoscaler.scaleDownDelayAfterAdd",
        "scenario.clusterAutoscaler.scaleDownUnneededTime",
        "scenario.clusterAutoscaler.scaleDownUtilizationThreshold", "scenario.clusterAutoscaler.scanInterval",
        "scenario.metrics.cpuPerRequest", "scenario.metrics.memoryBase", "scenario.metrics.memoryPerRequest",
        "scenario.metrics.resolution", "scenario.scaleGroup.defaultCooldown",
        "scenario.scaleGroup.defaultInstanceWarmup", "scenario.scaleGroup.maxSize", "scenario.scaleGroup.minSize",
        "scenario.scaleGroup.period", "scenario.scaleGroup.policies", "scenario.scaleGroup.policies[].disableScaleIn",
        "scenario.scaleGroup.policies[].evaluationPeriods", "scenario.scaleGroup.policies[].metric",
        "scenario.scaleGroup.policies[].scaleInPeriods", "scenario.scaleGroup.policies[].scaleOutPeriods",
        "scenario.scaleGroup.policies[].steps", "scenario.scaleGroup.policies[].steps[].adjustment",
        "scenario.scaleGroup.policies[].steps[].lower", "scenario.scaleGroup.policies[].steps[].upper",
        "scenario.scaleGroup.policies[].targetValue", "scenario.scaleGroup.policies[].type",
    ]

    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("schema/capsim.schema.json")))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Walks a YAML value against a schema node, recording `definition.key`
    /// for each key found and failing for each key the schema lacks.
    struct Walker {
        let root: [String: Any]
        var seen: Set<String> = []
        var missing: [String] = []

        func resolve(_ node: [String: Any], _ name: String) -> ([String: Any], String) {
            guard let ref = node["$ref"] as? String, let def = ref.split(separator: "/").last,
                  let defs = root["$defs"] as? [String: Any], let target = defs[String(def)] as? [String: Any] else { return (node, name) }
            return resolve(target, String(def))
        }

        /// The alternative of a oneOf for a mapping (`object`) or a list (`array`).
        func alternative(_ node: [String: Any], _ name: String, _ type: String) -> ([String: Any], String)? {
            let (n, named) = resolve(node, name)
            if let alts = n["oneOf"] as? [[String: Any]] {
                return alts.lazy.compactMap { alternative($0, named, type) }.first
            }
            let types = (n["type"] as? String).map { [$0] } ?? (n["type"] as? [String]) ?? []
            return types.contains(type) || (type == "object" && n["properties"] != nil) ? (n, named) : nil
        }

        mutating func walk(_ value: Any, _ node: [String: Any], _ name: String, _ file: String, _ path: String) {
            if let map = value as? [String: Any] {
                guard let (n, named) = alternative(node, name, "object") else { missing.append("\(file): \(path): not a mapping in the schema"); return }
                let properties = n["properties"] as? [String: Any]
                for (key, child) in map {
                    if let p = properties?[key] as? [String: Any] {
                        seen.insert("\(named).\(key)")
                        walk(child, p, "\(named).\(key)", file, path + "." + key)
                    } else if let extra = n["additionalProperties"] as? [String: Any] {
                        walk(child, extra, named, file, path + "." + key)
                    } else if n["additionalProperties"] as? Bool == false {
                        missing.append("\(file): \(path).\(key)")
                    }
                }
            } else if let list = value as? [Any] {
                guard let (n, named) = alternative(node, name, "array") else { return }
                guard let items = n["items"] as? [String: Any] else { return }
                for (i, item) in list.enumerated() { walk(item, items, named + "[]", file, "\(path)[\(i)]") }
            }
        }
    }

    func shippedFiles() throws -> (experiments: [String], presets: [String], manifests: [String]) {
        var experiments: [String] = [], presets: [String] = [], manifests: [String] = []
        let base = Fixtures.path("experiments")
        // experiments/hpa/ holds HPA state files for `capsim hpa explain`, not experiments.
        for relative in try XCTUnwrap(FileManager.default.subpaths(atPath: base)).sorted()
        where relative.hasSuffix(".yaml") && !relative.hasPrefix("hpa/") {
            let path = base + "/" + relative
            // Kubernetes manifests (read through deployment.file) start their documents with apiVersion.
            let text = try String(contentsOfFile: path, encoding: .utf8)
            if text.split(separator: "\n").contains(where: { $0.hasPrefix("apiVersion:") }) {
                manifests.append(path)
            } else if relative.hasPrefix("presets/") {
                presets.append(path)
            } else {
                experiments.append(path)
            }
        }
        return (experiments, presets, manifests)
    }

    func testEveryKeyOfTheShippedFilesIsInTheSchemaAndViceVersa() throws {
        let schema = try Self.schema()
        var walker = Walker(root: schema)
        let (experiments, presets, manifests) = try shippedFiles()
        XCTAssertGreaterThan(experiments.count, 5)
        for file in experiments {
            _ = try ExperimentLoader.load(path: file)
            let yaml = try Yams.load(yaml: try String(contentsOfFile: file, encoding: .utf8)) as Any
            walker.walk(yaml, schema, "root", file, "")
        }
        for file in presets {
            let yaml = try Yams.load(yaml: try String(contentsOfFile: file, encoding: .utf8)) as Any
            walker.walk(yaml, ["$ref": "#/$defs/preset"], "preset", file, "")
        }
        for file in manifests {
            for document in try Yams.load_all(yaml: try String(contentsOfFile: file, encoding: .utf8)) {
                guard let d = document as? [String: Any], d["kind"] as? String == "Deployment" else { continue }
                walker.walk(d, ["$ref": "#/$defs/deployment"], "deployment", file, "")
            }
        }
        XCTAssertFalse(manifests.isEmpty)
        XCTAssertEqual(walker.missing, [], "keys the loader accepts but the schema lacks")
        // Presets are scenarios: their keys count as the scenario's.
        let seen = walker.seen.union(walker.seen.filter { $0.hasPrefix("preset.") }.map { "scenario." + $0.dropFirst(7) })
        var declared = Set<String>()
        func collect(_ node: [String: Any], _ name: String) {
            for (key, child) in node["properties"] as? [String: Any] ?? [:] {
                declared.insert("\(name).\(key)")
                if let c = child as? [String: Any] { collect(c, "\(name).\(key)") }
            }
            if let items = node["items"] as? [String: Any] { collect(items, name + "[]") }
            for alt in node["oneOf"] as? [[String: Any]] ?? [] { collect(alt, name) }
        }
        collect(schema, "root")
        for (name, def) in schema["$defs"] as? [String: Any] ?? [:] where name != "preset" {
            if let d = def as? [String: Any] { collect(d, name) }
        }
        let unused = declared.subtracting(seen).subtracting(Self.optionalKeys)
        XCTAssertEqual(unused.sorted(), [], "schema keys neither used by a shipped file nor listed as optional")
        XCTAssertEqual(Self.optionalKeys.subtracting(declared).sorted(), [], "optional keys the schema does not declare")
    }

    func testSchemaEnumsAreTheLoaders() throws {
        let defs = try XCTUnwrap(try Self.schema()["$defs"] as? [String: Any])
        let scenario = try XCTUnwrap((defs["scenario"] as? [String: Any])?["properties"] as? [String: Any])
        func values(_ key: String) -> [String] { ((scenario[key] as? [String: Any])?["enum"] as? [String]) ?? [] }
        XCTAssertEqual(Set(values("platform")), Set(PlatformKind.allCases.map(\.rawValue)))
        XCTAssertEqual(Set(values("placement")), Set(PlacementPolicy.allCases.map(\.rawValue)))
        XCTAssertEqual(Set(values("loadBalancer")), Set(LoadBalancerPolicy.allCases.map(\.rawValue)))
        let rules = try XCTUnwrap((defs["hpaRules"] as? [String: Any])?["properties"] as? [String: Any])
        XCTAssertEqual(Set(((rules["selectPolicy"] as? [String: Any])?["enum"] as? [String]) ?? []),
                       Set(HPASelectPolicy.allCases.map(\.rawValue)))
    }
}
