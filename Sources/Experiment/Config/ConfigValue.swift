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

    /// The items of a list of at most `max` items.
    func list(max: Int = InputLimits.maxListItems) throws -> [ConfigValue] {
        guard case .sequence(let seq) = node else { throw error("expected a list") }
        guard seq.count <= max else { throw error("lists \(seq.count) items, more than the limit of \(max)") }
        return seq.enumerated().map { i, n in ConfigValue(node: n, file: file, path: "\(path)[\(i)]") }
    }

    func string() throws -> String {
        guard case .scalar(let s) = node, !s.string.isEmpty else { throw error("expected a value, got nothing") }
        return s.string
    }

    func double() throws -> Double {
        let s = try string()
        guard let v = Double(s), v.isFinite else { throw error("expected a number, got '\(Echo.value(s))'") }
        return v
    }

    /// A finite number within `range` (a unitless parameter, by default
    /// of magnitude at most `InputLimits.maxPlain`).
    func double(in range: ClosedRange<Double>) throws -> Double {
        let v = try double()
        if v < range.lowerBound { throw error("must be at least \(Self.show(range.lowerBound)), got \(Self.show(v))") }
        if v > range.upperBound { throw error("must be at most \(Self.show(range.upperBound)), got \(Self.show(v))") }
        return v
    }

    func positive(max: Double = InputLimits.maxNumber) throws -> Double {
        let v = try double()
        guard v > 0 else { throw error("must be positive, got \(CSVFormat.number(v))") }
        guard v <= max else { throw error("must be at most \(Self.show(max)), got \(Self.show(v))") }
        return v
    }

    func nonNegative(max: Double = InputLimits.maxNumber) throws -> Double {
        let v = try double()
        guard v >= 0 else { throw error("must not be negative, got \(CSVFormat.number(v))") }
        guard v <= max else { throw error("must be at most \(Self.show(max)), got \(Self.show(v))") }
        return v
    }

    /// Requests per second: zero (when `zero` allows it) or from
    /// `InputLimits.minRate` to `InputLimits.maxRate`.
    func rate(zero: Bool) throws -> Double {
        let v = zero ? try nonNegative(max: InputLimits.maxRate) : try positive(max: InputLimits.maxRate)
        guard v == 0 || v >= InputLimits.minRate else {
            throw error("must be \(zero ? "0 or " : "")at least 0.000000001 (one request in about 32 years), got \(v)")
        }
        return v
    }

    /// A whole number in `min...max`; a number too large for the range is
    /// named as such rather than as "not a whole number".
    func int(min: Int = 0, max: Int = Int(InputLimits.maxNumber)) throws -> Int {
        let s = try string()
        guard let v = Int(s) else {
            if let d = Double(s), d.isFinite, d == d.rounded(), d > Double(max) {
                throw error("must be at most \(max), got '\(Echo.value(s))'")
            }
            if let d = Double(s), d.isFinite, d == d.rounded(), d < Double(min) {
                throw error("must be at least \(min), got '\(Echo.value(s))'")
            }
            throw error("expected a whole number, got '\(Echo.value(s))'")
        }
        guard v >= min else { throw error("must be at least \(min), got \(v)") }
        guard v <= max else { throw error("must be at most \(max), got \(v)") }
        return v
    }

    func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let s: throw error("expected true or false, got '\(Echo.value(s))'")
        }
    }

    /// A duration in seconds: `250ms`, `90s`, `5m`, `2h`, or a bare number of
    /// seconds; at most `InputLimits.maxSeconds`.
    func duration() throws -> Double {
        let s = try string()
        guard let v = Units.duration(s) else {
            throw error("'\(Echo.value(s))' is not a duration (use a number with ms, s, m or h; a bare number is seconds)")
        }
        guard v >= 0 else { throw error("must not be negative, got '\(Echo.value(s))'") }
        guard v <= InputLimits.maxSeconds else {
            throw error("must be at most 1000000000s (about 31.7 years), got '\(Echo.value(s))'")
        }
        return v
    }

    func positiveDuration() throws -> Double {
        let v = try duration()
        guard v > 0 else { throw error("must be longer than zero") }
        return v
    }

    /// A duration that divides time (an interval, a period): at least
    /// `InputLimits.minInterval`.
    func interval() throws -> Double {
        let v = try positiveDuration()
        guard v >= InputLimits.minInterval else {
            throw error("must be at least 1ms, got '\(Echo.value(try string()))'")
        }
        return v
    }

    /// A size in bytes: `150MB`, `1.5GiB`, `512KiB`, or a bare number of bytes.
    func bytes() throws -> Double {
        let s = try string()
        guard let v = Units.bytes(s), v >= 0 else {
            throw error("'\(Echo.value(s))' is not a size (use a number with B, kB, MB, GB, KiB, MiB or GiB)")
        }
        guard v <= InputLimits.maxBytes else { throw error("must be at most 1PB, got '\(Echo.value(s))'") }
        return v
    }

    /// Memory in MiB: `512Mi`, `2Gi`, `256MiB`, `1GB`; a bare number is MiB.
    func mebibytes() throws -> Double {
        let s = try string()
        let mib: Double
        if let v = Double(s), v.isFinite {
            guard v >= 0 else { throw error("must not be negative, got '\(Echo.value(s))'") }
            mib = v
        } else {
            guard let v = Units.bytes(s), v >= 0 else {
                throw error("'\(Echo.value(s))' is not a memory size (use Mi, Gi, MiB, GiB, MB or GB; a bare number is MiB)")
            }
            mib = v / 1_048_576
        }
        guard mib <= InputLimits.maxMebibytes else { throw error("must be at most 1Pi, got '\(Echo.value(s))'") }
        return mib
    }

    /// Bytes per second: `50MB/s`, `1GiB/s`; a bare number is bytes/s.
    func bandwidth() throws -> Double {
        let s = try string()
        let trimmed = s.hasSuffix("/s") ? String(s.dropLast(2)) : s
        guard let v = Units.bytes(trimmed), v > 0 else {
            throw error("'\(Echo.value(s))' is not a bandwidth (use a size per second such as 50MB/s)")
        }
        guard v >= InputLimits.minBandwidth, v <= InputLimits.maxBytes else {
            throw error("must be from 1B/s to 1PB/s, got '\(Echo.value(s))'")
        }
        return v
    }

    /// `1000000000` rather than `1e+09`, `0.001` as is.
    static func show(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e16 ? String(Int(v)) : "\(v)"
    }

    /// One of an enum's raw values, with a suggestion when misspelt.
    func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type, what: String) throws -> E where E.RawValue == String {
        let s = try string()
        if let v = E(rawValue: s) { return v }
        let names = E.allCases.map(\.rawValue)
        throw error("unknown \(what) '\(Echo.value(s))'\(Suggestion.hint(s, names)); expected one of \(names.joined(separator: ", "))")
    }
}
