import Foundation

/// The journal of a study being written: segment files under
/// `DIR/.journal/<config hash>/`, one per worker and attempt, to which each
/// run appends its CSV rows as records (`@<run> <kind> <bytes>\n` and the
/// rows) as they are produced: time series rows in chunks during the run,
/// then its boots, scaling and events rows, and last its runs.csv row, which marks
/// the run finished. The result files are assembled from these records in
/// run order, so the journal is the output itself, never a second encoding;
/// a killed study leaves the finished runs' records, which the next attempt
/// with the same config and directory reuses.
public struct Journal: Sendable {
    public enum Kind: Character, Sendable, CaseIterable { case runs = "R", boots = "B", timeseries = "T", scaling = "S", events = "E" }

    public let directory: URL

    public init(outputDirectory: String, configHash: String) {
        directory = URL(fileURLWithPath: outputDirectory).appendingPathComponent(".journal")
            .appendingPathComponent(configHash.replacingOccurrences(of: ":", with: "-"))
    }

    /// Where a record lies: the segment file, the payload's byte range.
    struct Record {
        var kind: Kind
        var segment: Int
        var range: Range<Int>
    }

    /// The finished runs found in the journal: per run, its records (all in
    /// the segment that finished it), in the order they were written.
    struct Index {
        var segments: [Data] = []
        var finished: [Int: [Record]] = [:]

        func payload(_ r: Record) -> Data { segments[r.segment].subdata(in: r.range) }

        /// The run's runs.csv row.
        func runsRow(_ run: Int) -> String? {
            finished[run]?.last { $0.kind == .runs }.map { String(decoding: payload($0), as: UTF8.self) }
        }
    }

    /// Reads every segment; records after a truncated one (a killed writer) are ignored.
    func index() throws -> Index {
        var index = Index()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasPrefix("segment-") }.sorted()
        for name in names {
            let data = try Data(contentsOf: directory.appendingPathComponent(name), options: .alwaysMapped)
            let segment = index.segments.count
            index.segments.append(data)
            var pending: [Int: [Record]] = [:]
            for (run, record) in Self.records(in: data, segment: segment) {
                pending[run, default: []].append(record)
                if record.kind == .runs, index.finished[run] == nil { index.finished[run] = pending[run] }
            }
        }
        return index
    }

    /// The well-formed records of one segment, in order.
    static func records(in data: Data, segment: Int) -> [(Int, Record)] {
        var out: [(Int, Record)] = []
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var i = 0
            while i < bytes.count, bytes[i] == UInt8(ascii: "@") {
                guard let newline = bytes[i...].firstIndex(of: UInt8(ascii: "\n")) else { return }
                let fields = String(decoding: bytes[(i + 1)..<newline], as: UTF8.self).split(separator: " ")
                guard fields.count == 3, let run = Int(fields[0]), let kindChar = fields[1].first,
                      let kind = Kind(rawValue: kindChar), let length = Int(fields[2]), length >= 0,
                      newline + 1 + length <= bytes.count else { return }
                out.append((run, Record(kind: kind, segment: segment, range: (newline + 1)..<(newline + 1 + length))))
                i = newline + 1 + length
            }
        }
        return out
    }

    /// A new segment file for one worker of this attempt.
    func segment(attempt: Int, worker: Int) throws -> SegmentWriter {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(String(format: "segment-%06d-%04d.log", attempt, worker))
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw OutputError(path: url.path, action: "create the journal segment")
        }
        return SegmentWriter(handle: handle, path: url.path)
    }

    /// The attempt number after every one whose segments are here.
    func nextAttempt() -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let attempts = names.compactMap { name -> Int? in
            guard name.hasPrefix("segment-") else { return nil }
            return Int(name.dropFirst(8).prefix(6))
        }
        return (attempts.max() ?? -1) + 1
    }

    /// Removes the journal of this config, and the journal folder if that leaves it empty.
    public func remove() {
        try? FileManager.default.removeItem(at: directory)
        let parent = directory.deletingLastPathComponent()
        if (try? FileManager.default.contentsOfDirectory(atPath: parent.path))?.isEmpty ?? false {
            try? FileManager.default.removeItem(at: parent)
        }
    }
}

/// Appends records to one segment file; one worker owns it.
final class SegmentWriter: @unchecked Sendable {
    private let handle: FileHandle
    let path: String

    init(handle: FileHandle, path: String) {
        self.handle = handle
        self.path = path
    }

    /// Appends records in one write: a killed process leaves whole records
    /// or a truncated last one, which readers ignore.
    func append(_ records: [(run: Int, kind: Journal.Kind, text: String)]) throws {
        var data = Data()
        for r in records where !r.text.isEmpty || r.kind == .runs {
            let bytes = Data(r.text.utf8)
            data.append(contentsOf: "@\(r.run) \(r.kind.rawValue) \(bytes.count)\n".utf8)
            data.append(bytes)
        }
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw OutputError(path: path, action: "write the journal")
        }
    }

    func close() { try? handle.close() }
}

/// An output file could not be written: one plain sentence.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var action: String
    public var description: String { "cannot \(action) at \(path) (is the disk full or the folder read-only?)" }
}
