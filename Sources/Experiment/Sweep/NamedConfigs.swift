import Yams

/// `configs:`, named variants of the file as OMNeT++ users know them:
///
/// ```yaml
/// configs:
///   - name: slow-disk
///     set: {scenarios[vm].platform.pullBandwidth: 20MB/s}
///   - name: slow-disk-big
///     extends: slow-disk
///     set: {traffic.rate: 12}
///     sweep: {grid: {scenarios[vm].replicas: [2, 4]}}
/// ```
///
/// Semantics: the rest of the file is the base every config starts from
/// (OMNeT++'s `General`); with `configs:` only the configs are run, in the
/// order written, each as one or more points. A config's settings are its
/// parent's (`extends`, an earlier config; the base when absent) with its own
/// `set` applied on top, key path by key path. Its sweep is the top-level
/// `sweep:` extended by each ancestor's and then its own: a grid axis of the
/// same path replaces the inherited one, new axes are added after, and a
/// `zip` written again replaces the inherited zip.
struct NamedConfig {
    var name: String
    var at: ConfigValue
    /// Settings in the order applied (ancestors first); a later one wins.
    var settings: [(path: KeyPath, value: ConfigValue)]
    var sweep: SweepSpec

    /// Reads every config, resolving `extends` against the configs before it.
    static func readAll(_ value: ConfigValue, base: SweepSpec) throws -> [NamedConfig] {
        var out: [NamedConfig] = []
        let items = try value.list()
        guard !items.isEmpty else { throw value.error("must list at least one config") }
        for item in items {
            let m = try item.map()
            let nameValue = try m.required("name")
            let name = try nameValue.string()
            if out.contains(where: { $0.name == name }) { throw nameValue.error("duplicate config name '\(name)'") }
            var parent = NamedConfig(name: "", at: item, settings: [], sweep: base)
            if let extendsValue = m.optional("extends") {
                let target = try extendsValue.string()
                guard let found = out.first(where: { $0.name == target }) else {
                    let names = out.map(\.name)
                    throw extendsValue.error("no config '\(target)' before this one\(Suggestion.hint(target, names))"
                                             + (names.isEmpty ? "" : "; configs so far: \(names.joined(separator: ", "))"))
                }
                parent = found
            }
            _ = m.optional("description")
            var settings = parent.settings
            if let set = m.optional("set") { settings += try readSettings(set) }
            var sweep = parent.sweep
            if let own = m.optional("sweep") { sweep = sweep.extended(by: try SweepSpec.read(own)) }
            try m.finish()
            out.append(NamedConfig(name: name, at: item, settings: settings, sweep: sweep))
        }
        return out
    }

    private static func readSettings(_ value: ConfigValue) throws -> [(path: KeyPath, value: ConfigValue)] {
        guard case .mapping(let m) = value.node else {
            throw value.error("expected a mapping of key paths to values (traffic.rate: 5)")
        }
        return try m.map { key, v in
            let text = key.string ?? ""
            let at = ConfigValue(node: key, file: value.file, path: value.path + "." + text)
            guard let path = KeyPath(text) else {
                throw at.error("not a key path (dotted keys, a list entry as [name] or [index]: scenarios[vm].replicas)")
            }
            return (path, at.child(v, ""))
        }
    }
}
