import Yams

/// A config key path as written in `sweep:` and `configs:`: dotted keys,
/// and a list entry named in brackets by its `name` or by its index, as in
/// `scenarios[container].hpa.spec.behavior.scaleDown.stabilizationWindowSeconds`
/// or `scenarios[0].concurrency`.
public struct KeyPath: Equatable, Sendable, CustomStringConvertible {
    public enum Component: Equatable, Sendable {
        case key(String)
        /// `[name]`: the list entry whose `name` is this; `[3]`: the entry at 3.
        case entry(String)
    }

    public let components: [Component]
    public let description: String

    /// Parses `a.b[x].c`; nil when it is not one (empty keys, unclosed brackets).
    public init?(_ text: String) {
        var components: [Component] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                guard !inside.isEmpty, !components.isEmpty else { return nil }
                components.append(.entry(String(inside)))
                rest = rest[rest.index(after: close)...]
                if rest.first == "." {
                    rest = rest.dropFirst()
                    guard !rest.isEmpty, rest.first != "[" else { return nil }
                }
                continue
            }
            let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
            let key = rest[..<end]
            guard !key.isEmpty else { return nil }
            components.append(.key(String(key)))
            rest = rest[end...]
            if rest.first == "." {
                rest = rest.dropFirst()
                guard !rest.isEmpty else { return nil }
            }
        }
        guard !components.isEmpty else { return nil }
        self.components = components
        description = text
    }

    /// What went wrong when a path cannot be applied to a tree.
    public struct Mismatch: Error {
        /// How far the path matched, as text (`scenarios[vm]`).
        public var matched: String
        public var message: String
    }

    /// `tree` with the value at this path replaced by `value` (created when
    /// the last key, or a mapping on the way, is absent). A list entry must
    /// exist: `[name]` finds the entry whose `name` is `name`, `[i]` the entry at i.
    public func setting(_ value: Node, in tree: Node) throws -> Node {
        try set(value, in: tree, at: 0)
    }

    private func set(_ value: Node, in tree: Node, at i: Int) throws -> Node {
        guard i < components.count else { return value }
        switch components[i] {
        case .key(let name):
            let pairs: [(Node, Node)]
            switch tree {
            case .mapping(let m): pairs = m.map { ($0.key, $0.value) }
            case .scalar(let s) where s.string.isEmpty || s.string == "~" || s.string == "null": pairs = []
            default: throw Mismatch(matched: prefix(i), message: "is not a mapping, so it has no key '\(name)'")
            }
            var out = pairs
            if let at = pairs.firstIndex(where: { $0.0.string == name }) {
                out[at].1 = try set(value, in: pairs[at].1, at: i + 1)
            } else {
                let keyNode = Node.scalar(.init(name, .implicit, .plain, value.mark))
                out.append((keyNode, try set(value, in: .mapping(.init([])), at: i + 1)))
            }
            if case .mapping(let m) = tree { return .mapping(.init(out, m.tag, m.style, m.mark)) }
            return .mapping(.init(out, .implicit, .any, value.mark))
        case .entry(let selector):
            guard case .sequence(let seq) = tree else {
                throw Mismatch(matched: prefix(i), message: "is not a list, so it has no entry [\(selector)]")
            }
            var nodes = Array(seq)
            guard let at = Self.entryIndex(selector, in: nodes) else {
                let names = nodes.compactMap { $0.mapping?["name"]?.string }
                throw Mismatch(matched: prefix(i), message: "has no entry [\(selector)]"
                               + Suggestion.hint(selector, names) + (names.isEmpty ? "" : "; entries: \(names.joined(separator: ", "))"))
            }
            nodes[at] = try set(value, in: nodes[at], at: i + 1)
            return .sequence(.init(nodes, seq.tag, seq.style, seq.mark))
        }
    }

    /// The value at this path in `tree`, or nil when some part is absent.
    public func value(in tree: Node) -> Node? {
        var node = tree
        for c in components {
            switch c {
            case .key(let name):
                guard let next = node.mapping?.first(where: { $0.key.string == name })?.value else { return nil }
                node = next
            case .entry(let selector):
                guard let seq = node.sequence, let at = Self.entryIndex(selector, in: Array(seq)) else { return nil }
                node = seq[at]
            }
        }
        return node
    }

    static func entryIndex(_ selector: String, in nodes: [Node]) -> Int? {
        if let named = nodes.firstIndex(where: { $0.mapping?["name"]?.string == selector }) { return named }
        if let i = Int(selector), nodes.indices.contains(i) { return i }
        return nil
    }

    /// The text of the first `count` components.
    func prefix(_ count: Int) -> String {
        var out = ""
        for c in components.prefix(count) {
            switch c {
            case .key(let k): out += out.isEmpty ? k : ".\(k)"
            case .entry(let e): out += "[\(e)]"
            }
        }
        return out.isEmpty ? "(the top level)" : out
    }
}
