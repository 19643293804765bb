import Foundation

/// How numbers and text are written to CSV: the same bytes on every run.
enum CSVFormat {
    /// Whole numbers without a decimal point, others in Swift's shortest
    /// round-trip form; an undefined value (NaN) is an empty cell.
    static func number(_ x: Double) -> String {
        if x.isNaN { return "" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    /// Appends `number(x)` without building an intermediate string where it can.
    static func append(_ x: Double, to out: inout String) {
        if x.isNaN { return }
        if x == x.rounded(), abs(x) < 1e15 { out += String(Int(x)); return }
        out += number(x)
    }

    /// RFC 4180 quoting where a field needs it.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func row(_ cells: [String]) -> String { cells.joined(separator: ",") + "\n" }
}
