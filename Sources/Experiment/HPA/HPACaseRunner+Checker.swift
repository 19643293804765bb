/// Collects the differences between a case's expectations and capsim's values.
extension HPACaseRunner {
    struct Checker {
        let extras: [String: JSONValue]
        var actual: Int?
        var actualError: String?
        var mismatches: [String] = []

        init(extras: [String: JSONValue]) { self.extras = extras }

        mutating func fail(_ message: String) { mismatches.append(message) }

        mutating func compare(_ what: String, _ expected: String, _ actual: String) {
            if expected != actual { mismatches.append("\(what): expected \(expected), got \(actual)") }
        }

        /// The replica count; an expected null means an error was expected.
        mutating func replicas(_ expected: Int?) {
            let got = actual.map(String.init) ?? "error (\(actualError ?? "none"))"
            if let expected {
                compare("replicas", String(expected), got)
            } else if extras["error"] != nil, actual != nil {
                mismatches.append("replicas: expected an error, got \(got)")
            }
        }

        mutating func error(_ message: String?) {
            actualError = message
            guard case .string(let expected)? = extras["error"] else { return }
            if !(message ?? "").contains(expected) {
                mismatches.append("error: expected a message containing '\(expected)', got '\(message ?? "none")'")
            }
        }

        mutating func extra(_ key: String, _ value: Int?) {
            guard let expected = extras[key] else { return }
            compare(key, expected.description, value.map(String.init) ?? "none")
        }

        mutating func extraString(_ key: String, _ value: String) {
            guard let expected = extras[key] else { return }
            compare(key, expected.description, value)
        }
    }
}
