import Foundation

/// Writes a results directory from the journal: each per-run file is the
/// header then the runs' records of its kind, copied in run order without
/// being held in memory; summary.csv and manifest.json from the metrics.
struct StudyFiles {
    let study: StudyDescription
    let records: RunRecords
    let index: Journal.Index
    let runs: [RunMetrics]

    func write(to directory: String) throws {
        let url = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let headers: [Journal.Kind: String] = [
            .runs: records.runsHeader, .boots: records.bootsHeader, .timeseries: records.timeseriesHeader,
            .scaling: records.scalingHeader, .events: records.eventsHeader,
        ]
        for kind in Journal.Kind.allCases {
            try copy(kind, header: headers[kind] ?? "", to: url.appendingPathComponent(kind.fileName))
        }
        let summary = StudySummary(study, runs: runs)
        try StudySummary.write(summary.summaryCSV(), to: url.appendingPathComponent("summary.csv"))
        try StudySummary.write(summary.manifestJSON(), to: url.appendingPathComponent("manifest.json"))
        if let comparison = summary.comparisonCSV() {
            try StudySummary.write(comparison, to: url.appendingPathComponent("comparison.csv"))
        }
    }

    /// Streams one file: written to a temporary name, renamed into place.
    private func copy(_ kind: Journal.Kind, header: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temporary) else {
            throw OutputError(path: url.path, action: "write")
        }
        defer { try? handle.close() }
        var buffer = Data(header.utf8)
        do {
            for run in runs.indices {
                for record in index.finished[run] ?? [] where record.kind == kind {
                    buffer.append(index.payload(record))
                    if buffer.count >= 1 << 20 {
                        try handle.write(contentsOf: buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
            }
            try handle.write(contentsOf: buffer)
            try handle.close()
            guard rename(temporary.path, url.path) == 0 else { throw OutputError(path: url.path, action: "write") }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError(path: url.path, action: "write")
        }
    }
}

extension Journal.Kind {
    var fileName: String {
        switch self {
        case .runs: return "runs.csv"
        case .boots: return "boots.csv"
        case .timeseries: return "timeseries.csv"
        case .scaling: return "scaling.csv"
        case .events: return "events.csv"
        }
    }
}
