import Yams

/// A mapping of an experiment file, possibly layered over a preset: a key
/// is looked up in the scenario first, then in the preset beneath it, and
/// nested mappings merge the same way. It remembers which keys were read so
/// that `finish()` can reject the ones nobody asked for (typos).
public final class ConfigMap {
    /// Highest priority first; each is a mapping node.
    let layers: [ConfigValue]
    private var used: Set<String> = []

    init(layers: [ConfigValue]) { self.layers = layers }

    var top: ConfigValue { layers[0] }
    var path: String { top.path }

    private func entries(_ layer: ConfigValue) -> [(key: Node, value: Node)] {
        guard case .mapping(let m) = layer.node else { return [] }
        return Array(m)
    }

    private func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Every layer's value for `key`, highest priority first.
    private func lookup(_ key: String) -> [ConfigValue] {
        used.insert(key)
        return layers.compactMap { layer in
            entries(layer).first { $0.key.string == key }.map {
                ConfigValue(node: $0.value, file: layer.file, path: childPath(key))
            }
        }
    }

    /// The value of `key` without marking it read (for locating errors).
    func peek(_ key: String) -> ConfigValue? {
        for layer in layers {
            if let e = entries(layer).first(where: { $0.key.string == key }) {
                return ConfigValue(node: e.value, file: layer.file, path: childPath(key))
            }
        }
        return nil
    }

    func has(_ key: String) -> Bool {
        layers.contains { entries($0).contains { $0.key.string == key } }
    }

    /// The value of `key`, or nil when no layer sets it (or it is null).
    func optional(_ key: String) -> ConfigValue? {
        guard let v = lookup(key).first else { return nil }
        if case .scalar(let s) = v.node, s.tag.description == "tag:yaml.org,2002:null" || s.string == "~" { return nil }
        return v
    }

    func required(_ key: String) throws -> ConfigValue {
        guard let v = optional(key) else { throw missing(key) }
        return v
    }

    func missing(_ key: String) -> ConfigError {
        ConfigError(file: top.file, line: top.line, path: childPath(key), message: "missing required key")
    }

    /// A nested mapping, merged across layers, or nil when absent.
    func map(_ key: String) throws -> ConfigMap? {
        let found = lookup(key)
        guard let first = found.first else { return nil }
        guard case .mapping = first.node else { throw first.error("expected a mapping of keys to values") }
        return ConfigMap(layers: found.filter { if case .mapping = $0.node { return true } else { return false } })
    }

    /// A list of `{at: DURATION, <count>: N}` steps in time order
    /// (`scaleSchedule`, `hostSchedule`); empty when absent.
    func schedule(_ key: String, count: String, max: Int = InputLimits.maxReplicas) throws -> [(at: Double, count: Int)] {
        var steps: [(at: Double, count: Int)] = []
        for item in try optional(key)?.list() ?? [] {
            let step = try item.map()
            let at = try step.required("at").duration()
            if let last = steps.last, at < last.at { throw item.error("steps must be in time order") }
            steps.append((at, try step.required(count).int(min: 0, max: max)))
            try step.finish()
        }
        return steps
    }

    /// Rejects any key that was never read, suggesting the closest known one.
    func finish() throws {
        for layer in layers {
            for (k, _) in entries(layer) where !used.contains(k.string ?? "") {
                let name = k.string ?? "?"
                throw ConfigError(file: layer.file, line: k.mark?.line, path: childPath(name),
                                  message: "unknown key\(Suggestion.hint(name, Array(used)))")
            }
        }
    }

    /// The merged mapping as plain values (for manifest.json).
    func resolved() -> [String: Any] {
        var out: [String: Any] = [:]
        for layer in layers.reversed() {
            for (k, v) in entries(layer) {
                let key = k.string ?? "?"
                if case .mapping = v, let existing = out[key] as? [String: Any] {
                    let sub = ConfigMap(layers: [ConfigValue(node: v, file: layer.file, path: "")]).resolved()
                    out[key] = existing.merging(sub) { _, new in new }
                } else {
                    out[key] = Self.plain(v)
                }
            }
        }
        return out
    }

    static func plain(_ node: Node) -> Any {
        switch node {
        case .scalar(let s): return s.string
        case .sequence(let seq): return seq.map(plain)
        case .mapping(let m):
            var out: [String: Any] = [:]
            for (k, v) in m { out[k.string ?? "?"] = plain(v) }
            return out
        }
    }
}
