import Foundation

/// Reading an experiment or preset file: a regular file, at most
/// `InputLimits.maxConfigBytes`, UTF-8; anything else is one sentence.
enum ConfigFile {
    static func read(_ path: String) throws -> String {
        func fail(_ message: String) -> ConfigError { ConfigError(file: path, line: nil, path: "", message: message) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fail("no such file")
        }
        if isDirectory.boolValue { throw fail("is a directory, not an experiment file") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            throw fail("is not a regular file")
        }
        let size = attributes?[.size] as? Int ?? 0
        guard size <= InputLimits.maxConfigBytes else {
            throw fail("the file is \(WorkEstimate.show(Double(size))) bytes, more than the limit of "
                       + "\(InputLimits.maxConfigBytes / 1_048_576) MiB for an experiment file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw fail("cannot read the file (permission denied?)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw fail("the file is not UTF-8 text") }
        return text
    }
}
