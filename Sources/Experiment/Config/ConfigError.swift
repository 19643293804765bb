/// A user error in an experiment file: one sentence naming the file, the
/// line and the key path, as in
/// `experiments/x.yaml:10: service.demand.distribution: unknown distribution 'lognorml' (did you mean 'lognormal'?)`.
public struct ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int?
    public var path: String
    public var message: String

    public init(file: String, line: Int?, path: String, message: String) {
        self.file = file
        self.line = line
        self.path = path
        self.message = message
    }

    /// The sentence, with control characters escaped wherever they came
    /// from (a file name, a key) and a long key path shortened.
    public var description: String {
        let place = Echo.escape(line.map { "\(file):\($0)" } ?? file)
        let shownPath = Echo.escape(path)
        let cut = shownPath.count > 120 ? String(shownPath.prefix(120)) + "…" : shownPath
        let text = Echo.escape(message)
        return path.isEmpty ? "\(place): \(text)" : "\(place): \(cut): \(text)"
    }
}

/// "did you mean" help for a misspelt name: the closest candidate within
/// an edit distance of a third of its length (at least 2).
enum Suggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        // Edit distance costs |word| × |candidate|: a long word is no typo.
        guard word.count <= 100 else { return nil }
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= Swift.max(2, word.count / 3) ? best.0 : nil
    }

    static func hint(_ word: String, _ candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\(Echo.value($0))'?)" } ?? ""
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
