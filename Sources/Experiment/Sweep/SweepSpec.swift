import Yams

/// A `sweep:` section: `grid` axes (every combination) and `zip` lists
/// (walked together, one axis), each a config key path mapped to its values.
///
/// Points are the combinations in nested-loop order: the grid axes as
/// written, the first the outermost, then the zip lists as the innermost
/// axis. A sweep with neither is one point.
struct SweepSpec {
    /// One swept key: its path, where it was written, and its values.
    struct Axis {
        var path: KeyPath
        var at: ConfigValue
        var values: [ConfigValue]
    }

    var grid: [Axis] = []
    var zip: [Axis] = []

    /// Reads a `sweep:` mapping, rejecting unknown keys, bad paths, empty
    /// lists and zip lists of different lengths.
    static func read(_ value: ConfigValue) throws -> SweepSpec {
        let m = try value.map()
        var spec = SweepSpec()
        if let grid = m.optional("grid") { spec.grid = try axes(grid) }
        if let zip = m.optional("zip") { spec.zip = try axes(zip) }
        try m.finish()
        if let first = spec.zip.first {
            for axis in spec.zip.dropFirst() where axis.values.count != first.values.count {
                throw axis.at.error("zip lists must have the same length: \(axis.values.count) values here, "
                                    + "\(first.values.count) for '\(first.path)'")
            }
        }
        var seen: [String: ConfigValue] = [:]
        for axis in spec.grid + spec.zip {
            if seen[axis.path.description] != nil { throw axis.at.error("swept twice (in grid and in zip)") }
            seen[axis.path.description] = axis.at
        }
        return spec
    }

    private static func axes(_ value: ConfigValue) throws -> [Axis] {
        guard case .mapping(let m) = value.node else {
            throw value.error("expected a mapping of key paths to lists of values (traffic.rate: [5, 8])")
        }
        return try m.map { key, list in
            let text = key.string ?? ""
            let at = ConfigValue(node: key, file: value.file, path: value.path + "." + text)
            guard let path = KeyPath(text) else {
                throw at.error("not a key path (dotted keys, a list entry as [name] or [index]: scenarios[vm].replicas)")
            }
            let listValue = at.child(list, "")
            let values = try listValue.list()
            guard !values.isEmpty else { throw listValue.error("must list at least one value") }
            for v in values {
                if case .scalar = v.node { continue }
                if case .mapping = v.node { continue }
                throw v.error("a swept value must be a value or a mapping, not a list")
            }
            return Axis(path: path, at: at, values: values)
        }
    }

    /// Another spec's axes under this one's: an axis of the same path is
    /// replaced where it stands, new axes are added after.
    func extended(by own: SweepSpec) -> SweepSpec {
        func merge(_ base: [Axis], _ over: [Axis]) -> [Axis] {
            var out = base.map { b in over.first { $0.path == b.path } ?? b }
            out += over.filter { o in !base.contains { $0.path == o.path } }
            return out
        }
        let overPaths = Set((own.grid + own.zip).map(\.path.description))
        let grid = merge(self.grid.filter { !own.zip.map(\.path).contains($0.path) }, own.grid)
        // A zip written again replaces the inherited zip as a whole.
        let zip = own.zip.isEmpty ? self.zip.filter { !overPaths.contains($0.path.description) } : own.zip
        return SweepSpec(grid: grid, zip: zip)
    }

    /// The swept paths, grid first, in column order.
    var paths: [KeyPath] { (grid + zip).map(\.path) }

    /// Every point: for each axis (grid then zip), the value it takes.
    func points() -> [[(path: KeyPath, value: ConfigValue)]] {
        var out: [[(path: KeyPath, value: ConfigValue)]] = [[]]
        for axis in grid {
            out = out.flatMap { partial in axis.values.map { partial + [(axis.path, $0)] } }
        }
        if let first = zip.first {
            out = out.flatMap { partial in
                first.values.indices.map { i in partial + zip.map { ($0.path, $0.values[i]) } }
            }
        }
        return out
    }
}
