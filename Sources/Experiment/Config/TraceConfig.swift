import Foundation
import Model

/// `arrivals: trace`: replay a CSV file, either one rate per interval
/// (`format: rates`, column `rate`) or one request per row (`format:
/// timestamps`, column `timestamp`, seconds from the start).
enum TraceConfig {
    static func read(_ m: ConfigMap, directory: String, cache: LoadCache) throws -> TrafficSpec {
        let fileValue = try m.required("file")
        let name = try fileValue.string()
        let path = name.hasPrefix("/") ? name : URL(fileURLWithPath: directory).appendingPathComponent(name).path
        let format = try m.optional("format")?.string() ?? "rates"
        let column = format == "rates" ? "rate" : "timestamp"
        guard format == "rates" || format == "timestamps" else {
            throw try m.required("format").error("unknown trace format '\(Echo.value(format))'; expected rates or timestamps")
        }
        let limit = format == "rates" ? InputLimits.maxRate : InputLimits.maxSeconds
        let values = try LoadCache.remember("\(path)\u{0}\(column)", in: &cache.traces) {
            try readColumn(column, in: path, fileValue, max: limit, ordered: format == "timestamps")
        }
        switch format {
        case "rates":
            let interval = try m.required("interval").interval()
            guard !values.isEmpty else { throw fileValue.error("the trace file '\(Echo.value(name))' has no rows") }
            return .shaped(.trace(interval: interval, rates: values))
        default:
            return .timestamps(values)
        }
    }

    /// The numbers of one column, each finite, from 0 to `max`, and with
    /// `ordered` never below the one before. Line ends may be LF or CRLF.
    /// Errors name the CSV file and its line.
    static func readColumn(_ column: String, in path: String, _ at: ConfigValue,
                           max: Double, ordered: Bool) throws -> [Double] {
        let text = try readText(path, at)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).makeIterator()
        let headerLine = lines.next().map { $0.hasPrefix("\u{FEFF}") ? $0.dropFirst() : $0 } ?? ""
        guard let index = headerLine.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
            .firstIndex(of: column) else {
            throw ConfigError(file: path, line: 1, path: "", message: "the header has no '\(column)' column")
        }
        var out: [Double] = []
        var n = 1
        while let raw = lines.next() {
            n += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard out.count < InputLimits.maxTraceRows else {
                throw ConfigError(file: path, line: n, path: column,
                                  message: "the trace has more than \(InputLimits.maxTraceRows) rows")
            }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            let cell = index < cells.count ? cells[index].trimmingCharacters(in: .whitespaces) : ""
            guard let v = Double(cell), v.isFinite, v >= 0 else {
                throw ConfigError(file: path, line: n, path: column,
                                  message: "expected a finite non-negative number, got '\(Echo.value(cell))'")
            }
            guard v <= max, !(ordered == false && v > 0 && v < InputLimits.minRate) else {
                throw ConfigError(file: path, line: n, path: column,
                                  message: "must be \(ordered ? "at most" : "0 or from 0.000000001 to") \(ConfigValue.show(max)), got '\(Echo.value(cell))'")
            }
            if ordered, let last = out.last, v < last {
                throw ConfigError(file: path, line: n, path: column,
                                  message: "timestamps must not decrease: \(Echo.value(cell)) after \(ConfigValue.show(last))")
            }
            out.append(v)
        }
        return out
    }

    /// The whole text of a trace file no larger than `InputLimits.maxTraceBytes`.
    static func readText(_ path: String, _ at: ConfigValue) throws -> String {
        let name = "'\(Echo.value((try? at.string()) ?? path))'"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw at.error("the trace file \(name) does not exist")
        }
        if isDirectory.boolValue { throw at.error("the trace file \(name) is a directory") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            throw at.error("the trace file \(name) is not a regular file")
        }
        let size = attributes?[.size] as? Int ?? 0
        guard size <= InputLimits.maxTraceBytes else {
            throw at.error("the trace file \(name) is larger than \(InputLimits.maxTraceBytes / 1_048_576) MiB")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw at.error("cannot read the trace file \(name)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw at.error("the trace file \(name) is not UTF-8 text")
        }
        return text
    }
}
