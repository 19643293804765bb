import Foundation

/// The rule for names that become paths or table headings: experiment
/// names (the output folder `results/NAME`), scenario names (CSV cells,
/// the summary table) and preset names (`presets/NAME.yaml`).
enum Names {
    /// Longest name, in characters.
    static let maxLength = 100

    /// The name, or an error saying which part of the rule it breaks:
    /// not empty, at most 100 characters, no `/` or `\`, no control
    /// character, no leading dot (`.`, `..` and hidden folders).
    static func check(_ value: ConfigValue, what: String) throws -> String {
        let name = try value.string()
        if name.unicodeScalars.contains(where: Echo.isControl) {
            throw value.error("\(what) '\(Echo.value(name))' must not contain control characters")
        }
        if name.contains("/") || name.contains("\\") {
            throw value.error("\(what) '\(Echo.value(name))' must not contain '/' or '\\' (names become file and folder names)")
        }
        if name.hasPrefix(".") {
            throw value.error("\(what) '\(Echo.value(name))' must not start with '.'")
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw value.error("\(what) must not be blank")
        }
        if name.count > maxLength {
            throw value.error("\(what) '\(Echo.value(name))' is \(name.count) characters long, more than \(maxLength)")
        }
        return name
    }
}
