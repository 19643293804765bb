import Foundation
import Model
import SimRandom

/// One entry of `scenarios:`, layered over its preset when it names one.
enum ScenarioConfig {
    static func read(_ item: ConfigValue, _ context: ScenarioContext) throws -> (ScenarioSpec, [String: Any]) {
        let own = try item.map()
        var layers = [item]
        if let presetValue = own.optional("preset") {
            let name = try Names.check(presetValue, what: "preset name")
            layers.append(try PresetLibrary.load(name, near: context.configDirectory, at: presetValue, cache: context.cache))
        }
        let m = ConfigMap(layers: layers)
        _ = m.optional("preset")
        _ = m.optional("description")
        let name = try Names.check(m.required("name"), what: "scenario name")

        var platform = try PlatformConfig.read(m, context)
        let manifest = try DeploymentConfig.manifest(m, directory: context.configDirectory)
        if let manifest { try DeploymentConfig.apply(manifest, to: &platform, m, catalog: context.images) }
        let cluster = try ClusterConfig.read(m, image: platform.image, catalog: context.images)
        let trafficValue = m.optional("traffic") ?? context.traffic
        guard let trafficValue else { throw m.missing("traffic") }
        let traffic = try TrafficConfig.read(trafficValue, directory: context.configDirectory, cache: context.cache)

        var (demand, slo) = (context.demand, context.sloLatency)
        if let service = try m.map("service") {
            (demand, slo) = try ServiceConfig.override(service, demand: demand, slo: slo)
        }

        let scale = try m.schedule("scaleSchedule", count: "replicas", max: InputLimits.maxReplicas).map { ScaleStep(at: $0.at, replicas: $0.count) }
        var spec = ScenarioSpec(
            name: name, duration: context.duration, warmup: context.warmup, traffic: traffic,
            demand: demand, sloLatency: slo, platform: platform,
            replicas: try DeploymentConfig.replicas(m, manifest),
            concurrency: try m.optional("concurrency")?.int(min: 1, max: InputLimits.maxConcurrency) ?? 1,
            queueLimit: try m.optional("queueLimit")?.int(min: 0, max: InputLimits.maxQueueLimit),
            loadBalancer: try m.optional("loadBalancer")?.choice(LoadBalancerPolicy.self, what: "load balancer") ?? .roundRobin,
            cluster: cluster, scaleSchedule: scale, timeseriesInterval: context.timeseriesInterval)
        spec.autoscaling = try AutoscalingConfig.read(m, platform: platform, cluster: cluster, replicas: spec.replicas,
                                                      scaleSchedule: scale, directory: context.configDirectory)
        try DeploymentConfig.checkHPATarget(m, manifest, directory: context.configDirectory)
        spec.workload = try FaultConfig.workload(m, autoscaling: spec.autoscaling, scaleSchedule: scale)
        spec.deployment = try DeploymentConfig.spec(m, manifest, platform: platform, catalog: context.images)
        spec.faults = try FaultConfig.faults(m, cluster: cluster)
        spec.backoff = try FaultConfig.backoff(m)
        spec.failures = try FaultConfig.failures(m, backoff: spec.backoff)
        spec.nodeFailure = try FaultConfig.nodeFailure(m, platform: platform.kind)
        spec.healthCheck = try FaultConfig.healthCheck(m, platform: platform.kind)
        spec.endpoints = try FaultConfig.endpoints(m)
        try m.finish()
        return (spec, m.resolved())
    }
}

/// Platform presets: `experiments/presets/NAME.yaml`, found beside the
/// experiment file, one folder up, or under the working directory.
enum PresetLibrary {
    static func load(_ name: String, near directory: String, at: ConfigValue, cache: LoadCache) throws -> ConfigValue {
        let candidates = [
            "\(directory)/presets/\(name).yaml",
            "\(directory)/../presets/\(name).yaml",
            "experiments/presets/\(name).yaml",
        ]
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            let known = available(near: directory)
            throw at.error("unknown preset '\(Echo.value(name))'\(Suggestion.hint(name, known)); presets: \(known.joined(separator: ", "))")
        }
        let value = try LoadCache.remember(normalized(path), in: &cache.presets) {
            try ExperimentLoader.parse(path: normalized(path))
        }
        guard case .mapping = value.node else { throw value.error("a preset must be a mapping of scenario keys") }
        return value
    }

    static func available(near directory: String) -> [String] {
        let dirs = ["\(directory)/presets", "\(directory)/../presets", "experiments/presets"]
        let names = dirs.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }
        return Set(names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }).sorted()
    }
}

/// `a/b/../c` → `a/c`, keeping a relative path relative for messages.
func normalized(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: false) {
        if part == "..", let last = parts.last, last != "..", !last.isEmpty {
            parts.removeLast()
        } else if part != "." {
            parts.append(part)
        }
    }
    return parts.joined(separator: "/")
}
