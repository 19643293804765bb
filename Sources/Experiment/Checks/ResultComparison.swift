import CGSL
import Foundation

/// `capsim compare NEW BASELINE`: two result directories compared metric by
/// metric, per point and scenario, from their runs.csv. A change is reported
/// only when it is both beyond the relative tolerance and significant by
/// Welch's t test at 95% (unequal variances; Student-t quantile from GSL).
public struct ResultComparison {
    /// One metric of one (point, scenario) group that changed.
    public struct Change: Sendable, CustomStringConvertible {
        /// The point's columns and the scenario, as `point=3, traffic.rate=5, scenario=vm`.
        public var group: String
        public var metric: String
        public var new: Estimate
        public var baseline: Estimate
        public var relative: Double
        public var t: Double
        public var degrees: Double

        public var description: String {
            let rel = relative.isInfinite ? "from zero" : String(format: "%+.1f%%", 100 * relative)
            return "\(group): \(metric): \(CSVFormat.number(Verdict.round(baseline.mean))) -> \(CSVFormat.number(Verdict.round(new.mean))) "
                + "(\(rel); Welch t = \(String(format: "%.3g", t)), df = \(String(format: "%.3g", degrees)))"
        }
    }

    /// Groups present in one directory only, as sentences.
    public var unmatched: [String] = []
    public var changes: [Change] = []

    /// Reads both runs.csv files and compares them.
    public init(new: String, baseline: String, relativeTolerance: Double) throws {
        let a = try RunsFile(directory: new)
        let b = try RunsFile(directory: baseline)
        guard a.metrics == b.metrics, a.groupColumns == b.groupColumns else {
            throw CompareError(description: "\(new)/runs.csv and \(baseline)/runs.csv have different columns: not results of the same study")
        }
        for key in b.order where a.groups[key] == nil { unmatched.append("\(key): only in \(baseline)") }
        for key in a.order {
            guard let old = b.groups[key] else { unmatched.append("\(key): only in \(new)"); continue }
            let mine = a.groups[key] ?? []
            for (m, metric) in a.metrics.enumerated() {
                let x = mine.map { $0[m] }, y = old.map { $0[m] }
                if let change = Self.change(key, metric, x, y, tolerance: relativeTolerance) { changes.append(change) }
            }
        }
    }

    /// Welch's test of two samples; a change when significant and beyond the tolerance.
    static func change(_ group: String, _ metric: String, _ x: [Double], _ y: [Double], tolerance: Double) -> Change? {
        let (e1, e2) = (Estimate(x), Estimate(y))
        guard e1.n >= 2, e2.n >= 2, !e1.mean.isNaN, !e2.mean.isNaN, e1.mean != e2.mean else { return nil }
        let relative = e2.mean == 0 ? Double.infinity : (e1.mean - e2.mean) / Swift.abs(e2.mean)
        guard Swift.abs(relative) > tolerance else { return nil }
        let (v1, v2) = (e1.stddev * e1.stddev / Double(e1.n), e2.stddev * e2.stddev / Double(e2.n))
        let se = (v1 + v2).squareRoot()
        let t = (e1.mean - e2.mean) / se
        // Both samples constant and different: a certain change.
        let degrees = se == 0 ? Double.infinity
            : (v1 + v2) * (v1 + v2) / (v1 * v1 / Double(e1.n - 1) + v2 * v2 / Double(e2.n - 1))
        if se > 0 {
            guard Swift.abs(t) > welchQuantile(degrees) else { return nil }
        }
        return Change(group: group, metric: metric, new: e1, baseline: e2, relative: relative, t: t, degrees: degrees)
    }

    /// The two-sided 95% Student-t quantile at fractional degrees of freedom.
    static func welchQuantile(_ degrees: Double) -> Double {
        _ = Estimate.tQuantile(0.975, degrees: 1)  // switches GSL's abort-on-error handler off
        return gsl_cdf_tdist_Pinv(0.975, Swift.max(degrees, 1))
    }
}

/// Result directories that cannot be compared: one sentence.
public struct CompareError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// A runs.csv read back: per group (point columns and scenario) the
/// replications' metrics, groups in file order.
struct RunsFile {
    var groupColumns: [String]
    var metrics: [String]
    var order: [String] = []
    var groups: [String: [[Double]]] = [:]

    init(directory: String) throws {
        let path = directory + "/runs.csv"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CompareError(description: "\(path): cannot read it (is \(directory) a results directory?)")
        }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map { CSVFormat.fields(String($0)) }
        guard !lines.isEmpty, let scenario = lines[0].firstIndex(of: "scenario"), let seed = lines[0].firstIndex(of: "seed") else {
            throw CompareError(description: "\(path): not a runs.csv of capsim (no scenario and seed columns)")
        }
        let header = lines.removeFirst()
        groupColumns = Array(header[...scenario])
        metrics = Array(header[(seed + 1)...])
        for cells in lines where cells.count == header.count {
            let key = zip(groupColumns, cells).map { "\($0)=\($1)" }.joined(separator: ", ")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(cells[(seed + 1)...].map { Double($0) ?? .nan })
        }
    }
}

extension CSVFormat {
    /// The fields of one CSV line, RFC 4180 quoting undone.
    static func fields(_ line: String) -> [String] {
        var out: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                out.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        out.append(field)
        return out
    }
}
