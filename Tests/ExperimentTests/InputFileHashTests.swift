import Experiment
import Foundation
import XCTest

/// A config's hash (which names its resume journal) covers the files it
/// names under `file:`, so editing a manifest or a trace never resumes
/// runs made from the old one.
final class InputFileHashTests: XCTestCase {
    func testEditingANamedFileChangesTheConfigHash() throws {
        let text = ValidConfig.text + "\n    platform: container\n    deployment: {file: web.yaml}\n"
        let manifest = { (replicas: Int) in "apiVersion: apps/v1\nkind: Deployment\nspec: {replicas: \(replicas)}\n" }
        let path = try writeConfig(text, files: ["web.yaml": manifest(2)])
        let first = try ExperimentLoader.load(path: path)
        XCTAssertEqual(try ExperimentLoader.load(path: path).configHash, first.configHash, "same files, same hash")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try manifest(3).write(to: folder.appendingPathComponent("web.yaml"), atomically: true, encoding: .utf8)
        let second = try ExperimentLoader.load(path: path)
        XCTAssertNotEqual(second.configHash, first.configHash)
        XCTAssertTrue(second.resolvedJSON.contains("\"inputFiles\""), "the manifest names the files and their hashes")
    }
}
