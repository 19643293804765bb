import Experiment
import Model
import SimRandom
import XCTest

/// Heavy tails never make an event time infinite: every draw is at most
/// `Distribution.largestSample`, and a run whose demands and boots are
/// Pareto of tiny shape or lognormal of huge sigma ends normally.
final class HeavyTailTests: XCTestCase {
    func testDrawsAreFiniteAndAtMostTheLargestSample() throws {
        let stream = RandomStream(seed: 7)
        let tails: [Distribution] = [
            try .makePareto(shape: 0.01, scale: 1),
            try .makeLognormal(mu: 0, sigma: 1_000),
            try .makeWeibull(shape: 0.001, scale: 1),
            .exponential(mean: 1e300),
            try .makeMixture(weights: [1, 1], components: [try .makePareto(shape: 0.01, scale: 1), .deterministic(value: 1)]),
        ]
        for d in tails {
            var largest = 0.0, outside = 0
            for _ in 0..<10_000 {
                let x = d.sample(stream)
                if !(x.isFinite && x >= 0) { outside += 1 }
                largest = max(largest, x)
            }
            XCTAssertEqual(outside, 0, "\(d): draws that are not finite and non-negative")
            // Each of these tails reaches the cap within 10,000 draws.
            XCTAssertEqual(largest, Distribution.largestSample, "\(d)")
        }
    }

    func testARunWithHeavyTailedDemandsAndBootsEnds() throws {
        let e = try loadConfig("""
            name: heavy
            duration: 600s
            replications: 2
            traffic: {arrivals: poisson, rate: 5}
            service:
              demand: {distribution: pareto, shape: 0.02, scale: 10ms}
            scenarios:
              - name: vm
                platform: vm
                replicas: 2
                concurrency: 4
                boot: {provision: {distribution: lognormal, mu: 0, sigma: 500}, boot: {distribution: weibull, shape: 0.001, scale: 1s}}
                scaleSchedule: [{at: 60s, replicas: 6}]
            """)
        let runs = try Runner.run(e, jobs: 1)
        XCTAssertEqual(runs.count, 2)
        for run in runs {
            XCTAssertGreaterThan(run.result.value("requests"), 0)
            XCTAssertTrue(run.result.value("in_system_mean").isFinite)
        }
    }
}
