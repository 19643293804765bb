import Foundation
import Model
import SimRandom
import Yams

/// The study-level sections of an experiment file (`sweep`, `configs`,
/// `baseline`, `expect`): expanded at the YAML node level before the normal
/// loader reads each point, so every check of the loader applies to every
/// point, with the file, line and key path of the value that was swept.
enum StudyLoader {
    static let keys = ["sweep", "configs", "baseline", "expect"]

    static func load(root: ConfigValue, path: String) throws -> Experiment {
        guard case .mapping(let m) = root.node else { return try ExperimentLoader.loadPoint(root: root, path: path) }
        let own = m.filter { keys.contains($0.key.string ?? "") }
        let base = ConfigValue(node: .mapping(.init(m.filter { !keys.contains($0.key.string ?? "") }.map { ($0.key, $0.value) },
                                                    m.tag, m.style, m.mark)),
                               file: root.file, path: "")
        let section = { (key: String) -> ConfigValue? in
            own.first { $0.key.string == key }.map { ConfigValue(node: $0.value, file: root.file, path: key) }
        }
        var experiment: Experiment
        if section("sweep") == nil && section("configs") == nil {
            experiment = try ExperimentLoader.loadPoint(root: base, path: path)
        } else {
            experiment = try expand(base: base, sweep: section("sweep"), configs: section("configs"), path: path, m: m)
        }
        let names = experiment.scenarios.map(\.name)
        if let b = section("baseline") {
            let name = try b.string()
            guard names.contains(name) else {
                throw b.error("unknown scenario '\(name)'\(Suggestion.hint(name, names)); scenarios: \(names.joined(separator: ", "))")
            }
            experiment.baseline = name
        }
        if let e = section("expect") {
            experiment.expectations = try Expectation.readAll(e, scenarios: names, points: experiment.allPoints.count)
        }
        return experiment
    }

    /// Every point's tree, loaded; the experiment of them all.
    private static func expand(base: ConfigValue, sweep: ConfigValue?, configs: ConfigValue?, path: String,
                               m: Node.Mapping) throws -> Experiment {
        let baseSweep = try sweep.map(SweepSpec.read) ?? SweepSpec()
        let named: [NamedConfig]
        if let configs {
            named = try NamedConfig.readAll(configs, base: baseSweep)
        } else {
            named = [NamedConfig(name: "", at: base, settings: [], sweep: baseSweep)]
        }
        var columns: [KeyPath] = []
        for c in named {
            for p in c.settings.map(\.path) + c.sweep.paths where !columns.contains(p) { columns.append(p) }
        }
        var points: [ExperimentPoint] = []
        var first: Experiment?
        var hashInput = ""
        var work = WorkEstimate()
        for c in named {
            for assignment in c.sweep.points() {
                var tree = base.node
                var assigned: [String: Node] = [:]
                for (keyPath, value) in c.settings + assignment {
                    do {
                        tree = try keyPath.setting(value.node, in: tree)
                    } catch let mismatch as KeyPath.Mismatch {
                        throw value.error("'\(keyPath)' matches no key: \(mismatch.matched) \(mismatch.message)")
                    }
                    assigned[keyPath.description] = value.node
                }
                let e = try ExperimentLoader.loadPoint(root: ConfigValue(node: tree, file: base.file, path: ""), path: path)
                let index = points.count
                if let f = first {
                    if e.scenarios.map(\.name) != f.scenarios.map(\.name) {
                        throw c.at.error("every point must have the same scenarios (\(f.scenarios.map(\.name).joined(separator: ", "))); "
                                         + "point \(index) has \(e.scenarios.map(\.name).joined(separator: ", "))")
                    }
                    for (key, same) in [("replications", e.replications == f.replications), ("seed", e.seed == f.seed),
                                        ("name", e.name == f.name)] where !same {
                        throw c.at.error("'\(key)' cannot vary between points (point \(index) differs from point 0)")
                    }
                } else {
                    first = e
                }
                let values = columns.map { p in text(assigned[p.description] ?? p.value(in: base.node)) }
                let seed = StreamSeed.derive(seed: e.seed, replication: index, name: "sweep-point")
                points.append(ExperimentPoint(index: index, config: configs == nil ? nil : c.name, values: values,
                                              seed: seed, scenarios: e.scenarios))
                hashInput += e.resolvedJSON
                work.add(e.work)
                if work.runs > InputLimits.maxRuns {
                    throw c.at.error("the sweep makes more than \(InputLimits.maxRuns) runs (points × scenarios × replications)")
                }
            }
        }
        guard var experiment = first else { throw base.error("the sweep has no points") }
        var resolved = (try? JSONSerialization.jsonObject(with: Data(experiment.resolvedJSON.utf8))) as? [String: Any] ?? [:]
        for (k, v) in m where ["sweep", "configs"].contains(k.string ?? "") { resolved[k.string ?? "?"] = ConfigMap.plain(v) }
        experiment.resolvedJSON = try ExperimentLoader.canonicalJSON(resolved)
        experiment.configHash = Hashing.fnv1a64Hex(experiment.resolvedJSON + hashInput)
        experiment.points = points
        experiment.work = work
        experiment.parameters = columns.map(\.description)
        experiment.swept = true
        experiment.hasConfigs = configs != nil
        return experiment
    }

    /// A parameter value as a CSV cell: a scalar as written, a mapping or
    /// list as compact flow YAML, nothing when unset.
    static func text(_ node: Node?) -> String {
        guard let node else { return "" }
        switch node {
        case .scalar(let s): return s.string
        case .sequence(let seq): return "[" + seq.map { text($0) }.joined(separator: ", ") + "]"
        case .mapping(let m): return "{" + m.map { "\($0.key.string ?? "?"): \(text($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
