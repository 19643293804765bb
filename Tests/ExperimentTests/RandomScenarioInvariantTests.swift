import Experiment
import Foundation
import Model
import TestSupport
import XCTest

/// Random valid scenarios run with every model invariant checked after every
/// event: none may be violated. 200 scenarios by default; set
/// CAPSIM_RANDOM_SCENARIOS=10000 for a long search. A failing scenario is
/// printed as the config file that reproduces it.
final class RandomScenarioInvariantTests: XCTestCase {
    func testRandomScenariosKeepEveryInvariant() throws {
        let count = ProcessInfo.processInfo.environment["CAPSIM_RANDOM_SCENARIOS"].flatMap(Int.init) ?? 200
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-random-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var generator = RandomScenarios(seed: 2026)
        var runs = 0
        for index in 0..<count {
            let text = generator.experiment(index: index)
            let path = dir.appendingPathComponent("random-\(index).yaml").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let experiment: Experiment
            do {
                experiment = try ExperimentLoader.load(path: path)
            } catch {
                return XCTFail("generated config \(index) does not load: \(error)\n\(text)")
            }
            do {
                runs += try Runner.run(experiment, jobs: 2, checkInvariants: true).count
            } catch {
                return XCTFail("\(error)\nreproduce with `capsim run FILE --check-invariants`, FILE:\n\(text)")
            }
        }
        XCTAssertGreaterThanOrEqual(runs, count)
        print("random scenarios: \(count) configs, \(runs) runs, 0 invariant violations")
    }
}
