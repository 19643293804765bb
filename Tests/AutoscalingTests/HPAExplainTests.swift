import Experiment
import TestSupport
import XCTest

/// `capsim hpa explain` on the shipped example files.
final class HPAExplainTests: XCTestCase {
    func testBehaviorExampleNamesTheStabilizationAndTheLimitingPolicy() throws {
        let state = try HPAStateReader.load(path: Fixtures.path("experiments/hpa/behavior-scale-down.yaml"))
        let text = HPAExplanation.render(state.decide())
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "desired replicas: 7 (from 8; reason: policy:Pods)")
        XCTAssertTrue(lines.contains("       web-7: ignored (Failed)"), text)
        XCTAssertTrue(lines.contains("       average 2714m / target 5 = ratio 0.543 over 7 samples, 7 ready pods"), text)
        XCTAssertTrue(lines.contains(" 4. stabilization (up window 0 s, down window 120 s): 6"), text)
        XCTAssertTrue(lines.contains(" 5. limits: 6 is below the scale-down limit of policy:Pods: 7; policies (selectPolicy Max): Pods 2 per 60 s from 9 → 7, Percent 10 per 60 s from 9 → 8"), text)
    }

    func testCPUExampleShowsHowUnreadyAndMissingPodsWereCounted() throws {
        let state = try HPAStateReader.load(path: Fixtures.path("experiments/hpa/cpu-scale-up.yaml"))
        let text = HPAExplanation.render(state.decide())
        XCTAssertTrue(text.hasPrefix("desired replicas: 7 (from 4; reason: metric:cpu)"), text)
        XCTAssertTrue(text.contains("web-2: unready (not Ready, inside the CPU initialization period)"), text)
        XCTAssertTrue(text.contains("scale-up: 1 pod(s) without samples assumed at 0"), text)
        XCTAssertTrue(text.contains("recomputed ratio 1.740 over 4 samples"), text)
    }

    func testEveryExampleLoads() throws {
        for name in ["cpu-scale-up", "behavior-scale-down", "external-queue"] {
            XCTAssertNoThrow(try HPAStateReader.load(path: Fixtures.path("experiments/hpa/\(name).yaml")), name)
        }
    }
}
