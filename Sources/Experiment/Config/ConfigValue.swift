import Yams

/// One value of an experiment file with where it came from (file, line,
/// key path), so every error can say exactly where to look.
public struct ConfigValue {
    let node: Node
    let file: String
    let path: String

    var line: Int? { node.mark?.line }

    func error(_ message: String) -> ConfigError {
        ConfigError(file: file, line: line, path: path, message: message)
    }

    func child(_ node: Node, _ suffix: String) -> ConfigValue {
        ConfigValue(node: node, file: file, path: path.isEmpty ? suffix : path + suffix)
    }

    /// The value as a mapping (with no preset beneath it).
    func map() throws -> ConfigMap {
        guard case .mapping = node else { throw error("expected a mapping of keys to values") }
        return ConfigMap(layers: [self])
    }

    func list() throws -> [ConfigValue] {
        guard case .sequence(let seq) = node else { throw error("expected a list") }
        return seq.enumerated().map { i, n in ConfigValue(node: n, file: file, path: "\(path)[\(i)]") }
    }

    func string() throws -> String {
        guard case .scalar(let s) = node, !s.string.isEmpty else { throw error("expected a value, got nothing") }
        return s.string
    }

    func double() throws -> Double {
        let s = try string()
        guard let v = Double(s), v.isFinite else { throw error("expected a number, got '\(s)'") }
        return v
    }

    func positive() throws -> Double {
        let v = try double()
        guard v > 0 else { throw error("must be positive, got \(CSVFormat.number(v))") }
        return v
    }

    func nonNegative() throws -> Double {
        let v = try double()
        guard v >= 0 else { throw error("must not be negative, got \(CSVFormat.number(v))") }
        return v
    }

    func int(min: Int = 0) throws -> Int {
        let s = try string()
        guard let v = Int(s) else { throw error("expected a whole number, got '\(s)'") }
        guard v >= min else { throw error("must be at least \(min), got \(v)") }
        return v
    }

    func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let s: throw error("expected true or false, got '\(s)'")
        }
    }

    /// A duration in seconds: `250ms`, `90s`, `5m`, `2h`, or a bare number of seconds.
    func duration() throws -> Double {
        let s = try string()
        guard let v = Units.duration(s) else {
            throw error("'\(s)' is not a duration (use a number with ms, s, m or h; a bare number is seconds)")
        }
        guard v >= 0 else { throw error("must not be negative, got '\(s)'") }
        return v
    }

    func positiveDuration() throws -> Double {
        let v = try duration()
        guard v > 0 else { throw error("must be longer than zero") }
        return v
    }

    /// A size in bytes: `150MB`, `1.5GiB`, `512KiB`, or a bare number of bytes.
    func bytes() throws -> Double {
        let s = try string()
        guard let v = Units.bytes(s), v >= 0 else {
            throw error("'\(s)' is not a size (use a number with B, kB, MB, GB, KiB, MiB or GiB)")
        }
        return v
    }

    /// Memory in MiB: `512Mi`, `2Gi`, `256MiB`, `1GB`; a bare number is MiB.
    func mebibytes() throws -> Double {
        let s = try string()
        if let v = Double(s) {
            guard v >= 0 else { throw error("must not be negative, got '\(s)'") }
            return v
        }
        guard let v = Units.bytes(s), v >= 0 else {
            throw error("'\(s)' is not a memory size (use Mi, Gi, MiB, GiB, MB or GB; a bare number is MiB)")
        }
        return v / 1_048_576
    }

    /// Bytes per second: `50MB/s`, `1GiB/s`; a bare number is bytes/s.
    func bandwidth() throws -> Double {
        let s = try string()
        let trimmed = s.hasSuffix("/s") ? String(s.dropLast(2)) : s
        guard let v = Units.bytes(trimmed), v > 0 else {
            throw error("'\(s)' is not a bandwidth (use a size per second such as 50MB/s)")
        }
        return v
    }

    /// One of an enum's raw values, with a suggestion when misspelt.
    func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type, what: String) throws -> E where E.RawValue == String {
        let s = try string()
        if let v = E(rawValue: s) { return v }
        let names = E.allCases.map(\.rawValue)
        throw error("unknown \(what) '\(s)'\(Suggestion.hint(s, names)); expected one of \(names.joined(separator: ", "))")
    }
}
