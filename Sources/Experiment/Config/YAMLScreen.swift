import CYaml

/// A pass over a YAML text's parse events, before anything is composed:
/// refuses nesting deeper than `InputLimits.maxNesting`, aliases that would
/// expand beyond `InputLimits.maxExpandedValues` values (or
/// `InputLimits.maxExpandedBytes` bytes of text), duplicate keys in a
/// mapping, and mappings or lists longer than `InputLimits.maxMappingKeys`
/// or `InputLimits.maxSequenceItems` (a key is looked up in its mapping by
/// a scan, so a huge preset shared by many scenarios would cost their product).
///
/// Yams composes recursively (one stack frame per level), so a few thousand
/// `[` overflow the stack; libyaml's event parser keeps its own heap stacks,
/// and this screen keeps one frame per open collection in an array: nothing
/// here recurses. A syntax error ends the screen quietly: the composer then
/// reports it with Yams' own message, having nested no deeper than this.
enum YAMLScreen {
    /// An open sequence or mapping.
    private struct Frame {
        var isMapping: Bool
        var anchor: String?
        /// Values and text bytes below it, aliases counted as expanded.
        var size = Size()
        /// Mapping: keys seen (scalar keys only) and their lines.
        var keys: [String: Int] = [:]
        /// Mapping: whether the next node is a key.
        var expectingKey = true
        /// For key paths: the current key (mapping) or item index (sequence).
        var component = ""
        var items = 0
    }

    /// The expanded size of a node: values and scalar bytes.
    private struct Size {
        var values = 0
        var bytes = 0
        mutating func add(_ other: Size) {
            values = values.addingReportingOverflow(other.values).overflow ? .max : values + other.values
            bytes = bytes.addingReportingOverflow(other.bytes).overflow ? .max : bytes + other.bytes
        }
    }

    static func check(_ text: String, file: String) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        try bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            try scan(&parser, file: file)
        }
    }

    private static func scan(_ parser: inout yaml_parser_t, file: String) throws {
        var stack: [Frame] = []
        var anchors: [String: Size] = [:]
        var total = Size()
        var sawAlias = false
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            func fail(_ message: String) -> ConfigError {
                ConfigError(file: file, line: line, path: path(stack), message: message)
            }
            func note(_ scalar: String?) throws {
                if let duplicate = noteKey(&stack, scalar: scalar, line: line) { throw fail(duplicate) }
            }
            var finished: (size: Size, anchor: String?)?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                try note(nil)
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                stack.append(Frame(isMapping: isMapping, anchor: anchor.map { String(cString: $0) }))
                if stack.count > InputLimits.maxNesting {
                    throw fail("nesting is deeper than \(InputLimits.maxNesting) levels; experiment files need fewer than 12")
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard var frame = stack.popLast() else { return }
                frame.size.add(Size(values: 1, bytes: 0))
                finished = (frame.size, frame.anchor)
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let value = s.value.map { String(cString: $0) } ?? ""
                try note(value)
                finished = (Size(values: 1, bytes: Int(s.length)), s.anchor.map { String(cString: $0) })
            case YAML_ALIAS_EVENT:
                try note(nil)
                sawAlias = true
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                finished = (anchors[name] ?? Size(values: 1, bytes: 0), nil)
            default:
                break
            }
            guard let (size, anchor) = finished else { continue }
            if let anchor { anchors[anchor] = size }
            if stack.isEmpty { total.add(size) } else { stack[stack.count - 1].size.add(size) }
            let running = stack.last?.size ?? total
            if running.values > InputLimits.maxExpandedValues || total.values > InputLimits.maxExpandedValues {
                throw fail(sawAlias ? "the document expands to more than \(InputLimits.maxExpandedValues) values "
                           + "(aliases count once per use)" : "the document has more than \(InputLimits.maxExpandedValues) values")
            }
            if running.bytes > InputLimits.maxExpandedBytes || total.bytes > InputLimits.maxExpandedBytes {
                let mib = InputLimits.maxExpandedBytes / 1_048_576
                throw fail(sawAlias ? "the document expands to more than \(mib) MiB of text (aliases count once per use)"
                           : "the document has more than \(mib) MiB of text")
            }
        }
    }

    /// Tracks keys and values in the innermost mapping and item indexes in
    /// the innermost sequence, for key paths. Returns the message for a key
    /// seen before in the same mapping.
    private static func noteKey(_ stack: inout [Frame], scalar: String?, line: Int) -> String? {
        guard !stack.isEmpty else { return nil }
        let top = stack.count - 1
        if !stack[top].isMapping {
            stack[top].component = "[\(stack[top].items)]"
            stack[top].items += 1
            if stack[top].items > InputLimits.maxSequenceItems {
                return "a list of more than \(InputLimits.maxSequenceItems) items"
            }
            return nil
        }
        defer { stack[top].expectingKey.toggle() }
        guard stack[top].expectingKey else { return nil }
        stack[top].component = scalar ?? "?"
        guard let key = scalar else { return nil }
        if let first = stack[top].keys[key] {
            return "duplicate key '\(Echo.value(key))' (first at line \(first)); a key may appear once in a mapping"
        }
        stack[top].keys[key] = line
        if stack[top].keys.count > InputLimits.maxMappingKeys {
            return "a mapping of more than \(InputLimits.maxMappingKeys) keys"
        }
        return nil
    }

    /// `scenarios[1].boot` style path of the open collections.
    private static func path(_ stack: [Frame]) -> String {
        var out = ""
        for frame in stack where !frame.component.isEmpty {
            if frame.component.hasPrefix("[") || out.isEmpty {
                out += frame.component
            } else {
                out += "." + frame.component
            }
        }
        return out
    }
}
