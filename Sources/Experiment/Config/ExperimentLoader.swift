import Foundation
import Model
import SimRandom
import Yams

/// Reads an experiment file into an `Experiment`, rejecting bad input with
/// one located sentence (`ConfigError`) before anything runs.
public enum ExperimentLoader {
    public static func load(path: String) throws -> Experiment {
        try StudyLoader.load(root: try parse(path: path), path: path)
    }

    /// One point of a study: the file's tree (a sweep's values applied,
    /// the study sections `StudyLoader.keys` taken out) read as an experiment.
    static func loadPoint(root: ConfigValue, path: String) throws -> Experiment {
        let top = try root.map()
        // Taken out by StudyLoader; named here so a misspelt one gets a suggestion.
        for key in StudyLoader.keys { _ = top.optional(key) }
        let name = try top.required("name").string()
        let description = try top.optional("description")?.string() ?? ""
        let duration = try top.required("duration").positiveDuration()
        let warmupValue = top.optional("warmup")
        let warmup = try warmupValue?.duration() ?? 0
        if warmup >= duration, let w = warmupValue { throw w.error("must be shorter than duration") }
        let replications = try top.optional("replications")?.int(min: 1) ?? 1
        let seed = try readSeed(top.optional("seed"))
        guard let service = try top.map("service") else { throw top.missing("service") }
        let demand = try ServiceConfig.demand(service)
        let sloLatency = try ServiceConfig.slo(service)
        try service.finish()
        let traffic = top.optional("traffic")
        let output = try top.map("output")
        let interval = try output?.optional("timeseriesInterval")?.positiveDuration() ?? 10
        try output?.finish()
        let images = try ImageConfig.readCatalog(top.optional("images"))
        let context = ScenarioContext(
            configDirectory: URL(fileURLWithPath: path).deletingLastPathComponent().path,
            duration: duration, warmup: warmup, traffic: traffic, demand: demand, sloLatency: sloLatency,
            timeseriesInterval: interval, images: images)

        let list = try top.required("scenarios").list()
        guard !list.isEmpty else { throw try top.required("scenarios").error("must list at least one scenario") }
        var scenarios: [ScenarioSpec] = []
        var resolvedScenarios: [[String: Any]] = []
        for item in list {
            let (spec, resolved) = try ScenarioConfig.read(item, context)
            if scenarios.contains(where: { $0.name == spec.name }) {
                throw item.error("duplicate scenario name '\(spec.name)'")
            }
            scenarios.append(spec)
            resolvedScenarios.append(resolved)
        }
        try top.finish()

        var resolved = top.resolved()
        resolved["scenarios"] = resolvedScenarios
        let json = try canonicalJSON(resolved)
        return Experiment(name: name, description: description, file: path, seed: seed,
                          replications: replications, scenarios: scenarios,
                          resolvedJSON: json, configHash: Hashing.fnv1a64Hex(json))
    }

    /// The YAML tree of a file, or a located error for a missing file or bad syntax.
    static func parse(path: String) throws -> ConfigValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, path: "", message: "cannot read the file (does it exist?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, path: "", message: "the file is not UTF-8 text")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigError(file: path, line: nil, path: "", message: "the file is empty")
            }
            return ConfigValue(node: node, file: path, path: "")
        } catch let e as YamlError {
            throw yamlError(e, path)
        }
    }

    static func yamlError(_ e: YamlError, _ path: String) -> ConfigError {
        switch e {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ConfigError(file: path, line: mark.line, path: "", message: "YAML syntax error: \(problem)")
        default:
            return ConfigError(file: path, line: nil, path: "", message: "YAML error: \(e)")
        }
    }

    static func readSeed(_ v: ConfigValue?) throws -> UInt64 {
        guard let v else { return 1 }
        let s = try v.string()
        guard let seed = UInt64(s) else { throw v.error("expected a whole number from 0 to 2^64-1, got '\(s)'") }
        return seed
    }

    static func canonicalJSON(_ object: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

/// Experiment-wide values every scenario starts from.
struct ScenarioContext {
    var configDirectory: String
    var duration: Double
    var warmup: Double
    var traffic: ConfigValue?
    var demand: DemandSpec
    var sloLatency: Double?
    var timeseriesInterval: Double
    var images: [String: ImageSpec]
}

enum Hashing {
    /// FNV-1a, 64 bits, as 16 hex digits: stable across machines and runs.
    static func fnv1a64Hex(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
