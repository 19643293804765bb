import Foundation
import Model

/// One part of a study split over machines: `--shard K/N` runs every run
/// whose index is K mod N.
public struct Shard: Codable, Sendable, Equatable {
    public var index: Int
    public var count: Int
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Reads `K/N` with 0 ≤ K < N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 100_000, k >= 0, k < n else {
            return nil
        }
        self.init(index: k, count: n)
    }
}

/// `DIR/shard.json`: which shard a directory holds and of what study.
struct ShardFile: Codable {
    var shard: Shard
    var study: StudyDescription

    static let name = "shard.json"

    func write(to directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let url = URL(fileURLWithPath: directory).appendingPathComponent(Self.name)
        do {
            try encoder.encode(self).write(to: url, options: .atomic)
        } catch {
            throw OutputError(path: url.path, action: "write")
        }
    }
}

/// A problem with the shards given to `capsim merge`: one sentence.
public struct MergeError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension Study {
    /// Combines shard directories into the files an unsharded run writes,
    /// byte for byte. Refuses shards of different configs, a missing or
    /// repeated shard, and a shard with unfinished runs.
    public static func merge(_ directories: [String], into output: String) throws -> [RunMetrics] {
        var shards: [(dir: String, file: ShardFile)] = []
        for dir in directories {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(ShardFile.name)
            guard let data = try? Data(contentsOf: url) else {
                throw MergeError(description: "\(dir): no \(ShardFile.name): not the output of `capsim run --shard K/N`")
            }
            guard let file = try? JSONDecoder().decode(ShardFile.self, from: data) else {
                throw MergeError(description: "\(url.path): not a shard description capsim can read")
            }
            shards.append((dir, file))
        }
        guard let first = shards.first else { throw MergeError(description: "no shard directories given") }
        for s in shards where s.file.study != first.file.study {
            throw MergeError(description: "\(s.dir) holds a shard of another config (\(s.file.study.name), "
                             + "\(s.file.study.configHash)) than \(first.dir) (\(first.file.study.name), \(first.file.study.configHash))")
        }
        let count = first.file.shard.count
        for s in shards where s.file.shard.count != count {
            throw MergeError(description: "\(s.dir) is shard \(s.file.shard.index)/\(s.file.shard.count), not one of \(count)")
        }
        for k in 0..<count {
            let found = shards.filter { $0.file.shard.index == k }
            if found.isEmpty { throw MergeError(description: "shard \(k)/\(count) is missing") }
            if found.count > 1 { throw MergeError(description: "shard \(k)/\(count) is given twice: \(found.map(\.dir).joined(separator: ", "))") }
        }
        let study = first.file.study
        var index = Journal.Index()
        for s in shards.sorted(by: { $0.file.shard.index < $1.file.shard.index }) {
            index.absorb(try Journal(outputDirectory: s.dir, configHash: study.configHash).index())
        }
        var runs: [RunMetrics] = []
        for i in 0..<study.runCount {
            guard let row = index.runsRow(i) else {
                throw MergeError(description: "run \(i) is not finished in shard \(i % count)/\(count): run that shard again to finish it")
            }
            let run = study.run(i)
            runs.append((run.point, run.scenario, metrics(inRow: row)))
        }
        try StudyFiles(study: study, records: RunRecords(study), index: index, runs: runs).write(to: output)
        return runs
    }
}

extension Journal.Index {
    /// Adds another journal's finished runs (segments renumbered after ours).
    mutating func absorb(_ other: Journal.Index) {
        let offset = segments.count
        segments += other.segments
        for (run, records) in other.finished where finished[run] == nil {
            finished[run] = records.map { var r = $0; r.segment += offset; return r }
        }
    }
}
