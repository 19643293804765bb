/// How user text is echoed in messages: control characters escaped (an
/// escape sequence in a name must not clear the terminal) and long values
/// shortened (a message stays one readable line however long the value).
public enum Echo {
    /// Longest echoed value, in characters, before it is cut with "…".
    public static let maxValueLength = 60

    /// `text` with control characters escaped (`\n`, `\t`, `\r`, else
    /// `\u{1B}`), cut to `maxValueLength` characters plus "…".
    public static func value(_ text: String) -> String {
        let escaped = escape(text)
        guard escaped.count > maxValueLength else { return escaped }
        return String(escaped.prefix(maxValueLength)) + "…"
    }

    /// `text` with every control character (C0, DEL, C1, and the Unicode
    /// line and paragraph separators and bidirectional overrides) escaped.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for u in text.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where isControl(u): out += "\\u{\(String(u.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Characters that move the cursor, change the terminal or reorder text.
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
