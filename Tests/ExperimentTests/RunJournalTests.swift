import Experiment
import Foundation
import Model
import TestSupport
import XCTest

/// A killed run loses no finished replication: the journal keeps each one
/// and a second attempt with the same config reuses it.
final class RunJournalTests: XCTestCase {
    func testFinishedRunsAreSavedAndReused() throws {
        // Two replications per scenario are enough to test the journal (four runs).
        var experiment = try Fixtures.load("experiments/validation/split.yaml")
        experiment.replications = 2
        let dir = try TemporaryFiles.directory(prefix: "capsim-journal").path
        let journal = RunJournal(outputDirectory: dir, configHash: experiment.configHash)
        let first = try Runner.run(experiment, jobs: 2, journal: journal, journalThreshold: 0)
        // Every run is in the journal, identical after the round trip.
        for (i, run) in first.enumerated() {
            let saved = try XCTUnwrap(journal.load(i))
            XCTAssertEqual(saved.metrics.map(\.bitPattern), run.result.metrics.map(\.bitPattern))
        }
        // Mark one saved run: a second attempt must reuse it instead of rerunning.
        var marked = try XCTUnwrap(journal.load(3))
        marked.metrics[0] = -1
        try journal.save(marked, index: 3)
        let second = try Runner.run(experiment, jobs: 2, journal: journal, journalThreshold: 0)
        XCTAssertEqual(second[3].result.metrics[0], -1)
        // Another config (another hash) does not see these runs.
        let other = RunJournal(outputDirectory: dir, configHash: "fnv1a64:0000000000000000")
        XCTAssertNil(other.load(3))
        journal.remove()
        XCTAssertNil(journal.load(0))
    }
}
