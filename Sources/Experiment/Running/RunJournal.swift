import Foundation
import Model

/// Finished runs saved one file each under `DIR/.journal/` as soon as they
/// end, so that a killed run loses no finished replication: started again
/// with the same config (same hash) and output directory, it reuses them
/// and runs only what is missing. The journal is removed once the result
/// files are written.
public struct RunJournal: Sendable {
    let directory: URL
    let configHash: String

    public init(outputDirectory: String, configHash: String) {
        directory = URL(fileURLWithPath: outputDirectory).appendingPathComponent(".journal")
        self.configHash = configHash
    }

    private func file(_ index: Int) -> URL {
        let hash = configHash.replacingOccurrences(of: ":", with: "-")
        return directory.appendingPathComponent("run-\(index)-\(hash).json")
    }

    private static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    private static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    /// The finished run of this index from an earlier attempt, if any.
    public func load(_ index: Int) -> RunResult? {
        guard let data = try? Data(contentsOf: file(index)) else { return nil }
        return try? Self.decoder().decode(RunResult.self, from: data)
    }

    /// Saves a finished run (written whole, then renamed into place).
    public func save(_ result: RunResult, index: Int) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.encoder().encode(result).write(to: file(index), options: .atomic)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
