import Foundation

/// SplitMix64: a small seeded generator, so every mutant is the same on
/// every machine and a failing one can be rebuilt from its number.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}

/// Mutations of a YAML experiment file and of trace CSV files: values
/// made negative, zero, huge, not-a-number, infinite, of the wrong type or
/// unit; keys deleted, duplicated, moved; lines cut; indentation broken;
/// nesting and aliases added.
enum Mutator {
    /// Replacement values, hostile in different ways.
    static let values: [String] = [
        "-1", "0", "-0", "1e308", "-1e308", "1e308h", "1e308s", "1e-320", "5e-324", ".nan", ".inf", "-.inf",
        "NaN", "inf", "4294967296", "2147483648", "9223372036854775808", "99999999999999999999", "1e9", "1e12",
        "1e15", "1e18", "\"\"", "~", "[]", "{}", "[1, 2]", "{a: 1}", "true", "no", "xyz", "10 parsecs", "5 ms",
        "1e3d", "0s", "0ms", "1e-9s", "0x10", "1_000", "'quoted'", "\"\\e[2J\\e]0;pwned\\a\"", "\"a\\nb\"",
        String(repeating: "x", count: 5_000), "../../escape", "/tmp/escape", ".hidden", "*undefined", "&a 1",
        "!!binary aGVsbG8=", "!custom 3", "50MB", "50MB/s", "10s", "2Gi", "-5m", "1e9h", "0.000001", "3.5",
        "exponential", "lognormal", "{distribution: pareto, shape: 0.01, scale: 1s}",
        "{distribution: lognormal, mu: 0, sigma: 1000}", "{distribution: weibull, shape: 0.001, scale: 1h}",
        "{distribution: gamma, mean: 1e9s, cv: 1e6}", "{distribution: exponential, mean: 1e9s}",
        "{distribution: mixture, components: []}", "{distribution: empirical, values: [1s, 2s], weights: [0, 0]}",
        "{distribution: normal, mean: 1e-300s, sd: 1e9s}", "{distribution: uniform, min: 0, max: 1e9s}",
        "[{at: 1s, replicas: 10000}, {at: 2s, replicas: 0}, {at: 3s, replicas: 10000}]",
        "[{at: 1s, hosts: 10000}]", "[{at: 1e9s, rate: 1e9}]",
    ]

    /// One to three mutations of `text`.
    static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var lines = text.components(separatedBy: "\n")
        let count = rng.chance(0.6) ? 1 : rng.chance(0.75) ? 2 : 3
        for _ in 0..<count {
            lines = mutateOnce(lines, &rng)
        }
        return lines.joined(separator: "\n")
    }

    static func mutateOnce(_ input: [String], _ rng: inout SplitMix64) -> [String] {
        var lines = input
        guard !lines.isEmpty else { return ["x"] }
        let i = rng.below(lines.count)
        switch rng.below(16) {
        case 0, 1, 2, 3:   // a value replaced
            if let colon = lines[i].firstIndex(of: ":") {
                lines[i] = String(lines[i][...colon]) + " " + rng.pick(values)
            }
        case 4:            // a number scaled far up or down
            lines[i] = scaleNumber(lines[i], &rng)
        case 5:            // a key deleted
            lines.remove(at: i)
        case 6:            // a key duplicated
            lines.insert(lines[i], at: rng.below(lines.count + 1))
        case 7:            // a key moved
            let line = lines.remove(at: i)
            lines.insert(line, at: rng.below(lines.count + 1))
        case 8:            // the file cut
            let joined = lines.joined(separator: "\n")
            return [String(joined.prefix(rng.below(joined.count + 1)))]
        case 9:            // indentation broken
            let spaces = String(repeating: " ", count: rng.below(5))
            lines[i] = rng.chance(0.3) ? "\t" + lines[i] : spaces + lines[i].drop { $0 == " " && rng.chance(0.5) }
        case 10:           // deep flow nesting
            let n = rng.pick([20, 70, 500, 5_000, 20_000])
            lines.insert("deep: " + String(repeating: "[", count: n) + String(repeating: "]", count: n), at: i)
        case 11:           // deep block nesting
            let n = rng.pick([30, 70, 300])
            lines += (0..<n).map { String(repeating: " ", count: $0) + "k\($0):" }
        case 12:           // an alias bomb
            lines.insert(contentsOf: aliasBomb(levels: rng.pick([3, 6, 9, 12])), at: 0)
        case 13:           // control characters and junk bytes
            let junk = rng.pick(["\u{1B}[2J", "\u{0}", "\u{7F}", "\u{FEFF}", "\r", "\u{202E}", "\u{FFFD}"])
            lines[i] += junk
        case 14:           // an unknown key, a new scenario, or many scenarios
            lines.append(rng.pick(["unknownKey: 1", "  - name: extra", "    extra: 1",
                                   "scenarios: [" + (0..<3_000).map { "{name: s\($0)}" }.joined(separator: ", ") + "]"]))
        default:           // a line emptied
            lines[i] = ""
        }
        return lines
    }

    static func scaleNumber(_ line: String, _ rng: inout SplitMix64) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let digits = value.prefix { "0123456789.".contains($0) }
        guard let v = Double(digits) else { return line }
        let factor = rng.pick([1e-12, 1e-6, 0.1, 10, 100, 1e3, 1e6, 1e9, 1e12, -1])
        return String(line[...colon]) + " \(v * factor)" + value.dropFirst(digits.count)
    }

    /// `levels` lists of ten aliases each to the one before: 10^levels values.
    static func aliasBomb(levels: Int) -> [String] {
        var out = ["b0: &b0 [x, x, x, x, x, x, x, x, x, x]"]
        for k in 1..<levels {
            out.append("b\(k): &b\(k) [" + Array(repeating: "*b\(k - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return out
    }

    /// A corrupted trace file: rows of a `column` made hostile.
    static func trace(column: String, _ rng: inout SplitMix64) -> String {
        var rows = (0..<20).map { "\(column == "rate" ? Double(5 + $0 % 7) : Double($0) * 0.5)" }
        let bad = ["inf", "-inf", "nan", "-1", "1e308", "1e-320", "", "x", "1,2", "\u{0}", "9e18", "1e12"]
        switch rng.below(6) {
        case 0: rows[rng.below(rows.count)] = rng.pick(bad)
        case 1: rows.reverse()
        case 2: return "\(column)\r\n" + rows.joined(separator: "\r\n") + "\r\n"
        case 3: return "\u{FEFF}\(column)\n" + rows.joined(separator: "\n")
        case 4: return "other\n" + rows.joined(separator: "\n")
        default: rows = []
        }
        return "\(column)\n" + rows.joined(separator: "\n") + "\n"
    }
}
