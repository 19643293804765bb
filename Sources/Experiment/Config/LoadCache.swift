/// Files read once per experiment however many scenarios name them: a
/// preset shared by a thousand scenarios is parsed once, and a trace named
/// by the experiment's `traffic:` is read once, not once per scenario.
final class LoadCache {
    /// Parsed presets by path.
    var presets: [String: ConfigValue] = [:]
    /// Trace columns by path, column and ordering rule.
    var traces: [String: [Double]] = [:]

    /// The value for `key`, computed by `make` the first time.
    static func remember<T>(_ key: String, in table: inout [String: T], _ make: () throws -> T) rethrows -> T {
        if let known = table[key] { return known }
        let value = try make()
        table[key] = value
        return value
    }
}
