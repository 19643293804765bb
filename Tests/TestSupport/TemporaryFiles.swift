import Foundation
import Synchronization

/// Temporary folders made by the tests, removed when the test process exits,
/// so that a run of the suite leaves nothing in the temporary directory.
///
/// Removal is registered once with `atexit`: XCTest ends the process with
/// `exit` after the last test, which runs it (a crashed process keeps its
/// folders, which helps to inspect what it wrote).
public enum TemporaryFiles {
    private static let made = Mutex<[URL]>([])

    private static let registerCleanup: Void = {
        atexit { TemporaryFiles.removeAll() }
    }()

    /// A fresh, empty folder `prefix-<UUID>` in the temporary directory,
    /// removed at exit.
    public static func directory(prefix: String = "capsim") throws -> URL {
        _ = registerCleanup
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        made.withLock { $0.append(dir) }
        return dir
    }

    /// Removes every folder made so far (also called at exit).
    public static func removeAll() {
        let dirs = made.withLock { list in
            defer { list.removeAll() }
            return list
        }
        for dir in dirs { try? FileManager.default.removeItem(at: dir) }
    }
}
