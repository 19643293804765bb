import Experiment
import Foundation
import TestSupport
import XCTest

/// experiments/golden.yaml (cold pulls on two nodes, a scale step, a queue
/// limit, an SLO) writes exactly the bytes committed in results/golden/:
/// any change of a number, a column or a format shows here. After an
/// intended change, `scripts/update-baselines.sh` rewrites them.
final class GoldenOutputTests: XCTestCase {
    func testGoldenConfigWritesTheCommittedBytes() throws {
        var experiment = try Fixtures.load("experiments/golden.yaml")
        // The manifest records the file as given on the command line.
        experiment.file = "experiments/golden.yaml"
        let dir = try TemporaryFiles.directory(prefix: "capsim-golden")
        try ResultFiles(experiment: experiment, runs: try Runner.run(experiment, jobs: 2)).write(to: dir.path)
        for file in ["runs.csv", "summary.csv", "boots.csv", "timeseries.csv", "manifest.json"] {
            let committed = try String(contentsOfFile: Fixtures.path("results/golden/\(file)"), encoding: .utf8)
            let written = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            guard committed != written else { continue }
            let a = committed.split(separator: "\n", omittingEmptySubsequences: false)
            let b = written.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            XCTFail("""
                results/golden/\(file) differs at line \(line + 1) (run scripts/update-baselines.sh if intended):
                committed: \(line < a.count ? String(a[line]) : "<end>")
                written:   \(line < b.count ? String(b[line]) : "<end>")
                """)
        }
    }
}
