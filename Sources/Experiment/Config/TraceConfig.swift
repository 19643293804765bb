import Foundation
import Model

/// `arrivals: trace`: replay a CSV file, either one rate per interval
/// (`format: rates`, column `rate`) or one request per row (`format:
/// timestamps`, column `timestamp`, seconds from the start).
enum TraceConfig {
    static func read(_ m: ConfigMap, directory: String) throws -> TrafficSpec {
        let fileValue = try m.required("file")
        let name = try fileValue.string()
        let path = name.hasPrefix("/") ? name : URL(fileURLWithPath: directory).appendingPathComponent(name).path
        let format = try m.optional("format")?.string() ?? "rates"
        let column = format == "rates" ? "rate" : "timestamp"
        guard format == "rates" || format == "timestamps" else {
            throw try m.required("format").error("unknown trace format '\(format)'; expected rates or timestamps")
        }
        let values = try readColumn(column, in: path, fileValue)
        switch format {
        case "rates":
            let interval = try m.required("interval").positiveDuration()
            guard !values.isEmpty else { throw fileValue.error("the trace \(path) has no rows") }
            return .shaped(.trace(interval: interval, rates: values))
        default:
            return .timestamps(values.sorted())
        }
    }

    /// The numbers of one column; errors name the CSV file and its line.
    static func readColumn(_ column: String, in path: String, _ at: ConfigValue) throws -> [Double] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw at.error("cannot read the trace file \(path)")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let header = lines.first?.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }),
              let index = header.firstIndex(of: column) else {
            throw ConfigError(file: path, line: 1, path: "", message: "the header has no '\(column)' column")
        }
        var out: [Double] = []
        for (n, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard index < cells.count, let v = Double(cells[index].trimmingCharacters(in: .whitespaces)), v >= 0 else {
                throw ConfigError(file: path, line: n + 1, path: column, message: "expected a non-negative number")
            }
            out.append(v)
        }
        return out
    }
}
