import ArgumentParser
import Experiment
import Foundation

/// The output directory of `capsim run`, checked before anything is
/// simulated: a directory (created if missing) in which a file can be
/// written. Every failure is one plain sentence and exit code 3.
enum OutputDirectory {
    static func prepare(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw fail("cannot write results to \(Echo.value(directory)): it is a file, not a directory")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let probe = URL(fileURLWithPath: directory).appendingPathComponent(".capsim-write-check-\(getpid())")
            try Data().write(to: probe)
            try FileManager.default.removeItem(at: probe)
        } catch {
            throw fail("cannot write results to \(Echo.value(directory)): \(reason(error))")
        }
    }

    /// Runs `body`, turning any file-system error into one sentence about `what`.
    static func writing<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw fail("cannot write \(Echo.value(what)): \(reason(error))")
        }
    }

    /// Prints the sentence and gives the exit code to throw.
    static func fail(_ sentence: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(sentence)\n".utf8))
        return ExitCode(ExitStatus.io)
    }

    /// The system's words for a file-system error ("Permission denied").
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileWriteNoPermission, .fileReadNoPermission: return String(cString: strerror(EACCES))
        case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
        case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
        case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
        case .fileWriteFileExists: return String(cString: strerror(EEXIST))
        default: return Echo.value(ns.localizedDescription)
        }
    }
}
