import Foundation
import TestSupport
import XCTest

/// The Dockerfile and the Kubernetes Job, checked without Docker or a
/// cluster: the build stage runs the project's own setup and build, the
/// runtime stage installs the packages that provide every non-Swift library
/// the binary links, and the Job's shard arithmetic agrees with itself.
final class DeploymentFilesTests: XCTestCase {
    func text(_ path: String) throws -> String { try String(contentsOfFile: Fixtures.path(path), encoding: .utf8) }

    func testDockerfileBuildsWithTheProjectsOwnSteps() throws {
        let dockerfile = try text("Dockerfile")
        let stages = dockerfile.split(separator: "\n").filter { $0.hasPrefix("FROM ") }
        XCTAssertEqual(stages.count, 2, "a build stage and a runtime stage")
        XCTAssertTrue(stages[0].hasPrefix("FROM swift:"), String(stages[0]))
        XCTAssertTrue(stages[1].hasPrefix("FROM debian:") && stages[1].hasSuffix("-slim"), String(stages[1]))
        XCTAssertTrue(dockerfile.contains("RUN scripts/setup.sh && swift build -c release --product capsim --static-swift-stdlib"))
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Fixtures.path("scripts/setup.sh")))
        XCTAssertTrue(try text("Package.swift").contains(".executable(name: \"capsim\""))
        XCTAssertTrue(dockerfile.contains("ENTRYPOINT [\"capsim\"]"))
    }

    /// Every shared library of the built binary that is neither the Swift
    /// runtime (linked statically in the image) nor glibc/libstdc++ (in any
    /// Debian image) comes from a package the runtime stage installs.
    func testRuntimeStageProvidesTheLibrariesTheBinaryLinks() throws {
        let dockerfile = try text("Dockerfile")
        let binary = try XCTUnwrap(["capsim"].map { Fixtures.path(".build/release/\($0)") }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }, "build capsim first")
        let libraries = try shell("ldd \(binary)").split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: " ")
            guard parts.count >= 3, parts[1] == "=>" else { return nil }
            return String(parts[2])
        }.filter { !$0.contains("swift") && !$0.contains("/libc.so") && !$0.contains("/libm.so") && !$0.contains("libstdc++")
            && !$0.contains("libgcc_s") && !$0.contains("/libdl") && !$0.contains("/libpthread") && !$0.contains("/librt") }
        XCTAssertFalse(libraries.isEmpty, "GSL at least")
        for library in libraries {
            let owner = try shell("dpkg -S \(library) 2>/dev/null || dpkg -S $(readlink -f \(library))")
            let package = try XCTUnwrap(owner.split(separator: ":").first, library)
            XCTAssertTrue(dockerfile.contains(" \(package)"), "\(library) comes from \(package), which the runtime stage does not install")
        }
    }

    func testIndexedJobShardsAgreeWithTheMerge() throws {
        let job = try text("deploy/kubernetes/sweep-job.yaml")
        XCTAssertTrue(job.contains("completionMode: Indexed"))
        let completions = try XCTUnwrap(number(after: "completions: ", in: job))
        XCTAssertEqual(number(after: "parallelism: ", in: job), completions)
        XCTAssertTrue(job.contains("--shard \"$(JOB_COMPLETION_INDEX)/\(completions)\""))
        for k in 0..<completions { XCTAssertTrue(job.contains("/results/shards/\(k) ") || job.contains("/results/shards/\(k)\n")) }
        XCTAssertFalse(job.contains("/results/shards/\(completions) "))
        XCTAssertTrue(job.contains("-ge \(completions) ]"))
        XCTAssertTrue(job.contains("capsim merge"))
    }

    func number(after prefix: String, in text: String) -> Int? {
        guard let range = text.range(of: prefix) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    func shell(_ command: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
