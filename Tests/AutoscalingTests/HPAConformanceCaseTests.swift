import Experiment
import Foundation
import XCTest

/// The cases transcribed from Kubernetes' HPA unit tests, evaluated by the
/// same code as `capsim hpa check-cases`.
final class HPAConformanceCaseTests: XCTestCase {
    static let casesPath: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/hpa-cases.json").path
    }()

    func testEveryKubernetesCasePasses() throws {
        let cases = try HPACase.load(path: Self.casesPath)
        XCTAssertEqual(cases.count, 99)
        for outcome in HPACaseRunner.run(cases) {
            XCTAssertTrue(outcome.passed, "\(outcome.name): \(outcome.mismatches.joined(separator: "; "))")
        }
    }

    func testEveryKindAndStageIsRepresented() throws {
        let cases = try HPACase.load(path: Self.casesPath)
        let kinds = Set(cases.map { "\($0.kind)/\($0.stage ?? "")" })
        XCTAssertEqual(kinds, ["replica_calc/", "controller/", "behavior/rateLimit", "behavior/stabilizationWithBehavior",
                               "behavior/legacyStabilization", "behavior/legacyClamp", "behavior/policyLimit",
                               "behavior/scaleEventStore"])
    }

    func testAWrongExpectationIsReportedWithBothValues() throws {
        let cases = try HPACase.load(path: Self.casesPath)
        var first = try XCTUnwrap(cases.first)
        first.expectedReplicas = (first.expectedReplicas ?? 0) + 1
        let outcome = HPACaseRunner.run(first)
        XCTAssertFalse(outcome.passed)
        XCTAssertEqual(outcome.mismatches.first, "replicas: expected \(first.expectedReplicas ?? 0), got \((first.expectedReplicas ?? 0) - 1)")
    }

    func testAMismatchOnAnEntryKubernetesNeverAssertsIsNotAFailure() throws {
        var c = try XCTUnwrap(HPACase.load(path: Self.casesPath).first)
        c.expectedReplicas = (c.expectedReplicas ?? 0) + 1
        c.assertedInSource = false
        let outcome = HPACaseRunner.run(c)
        XCTAssertFalse(outcome.passed)
        XCTAssertFalse(outcome.asserted)
    }
}
