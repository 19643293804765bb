import Experiment
import Foundation
import TestSupport
import XCTest

/// A study small enough to run many times in a test, yet writing every
/// file with content: boots with pulls and phases, scaling decisions, host
/// changes, several scenarios and replications.
enum SmallStudy {
    static let text = """
        name: small
        duration: 10m
        warmup: 1m
        replications: 4
        seed: 11
        traffic: {arrivals: steps, initial: 20, steps: [{at: 3m, rate: 60}]}
        service:
          demand: {distribution: exponential, mean: 40ms}
          slo: {latency: 200ms}
        scenarios:
          - name: containers
            platform: container
            boot: {schedule: 0.2s, create: {distribution: lognormal, median: 1.3s, sigma: 0.3}, init: 1s}
            image: {name: web, layers: [{name: base, size: 50MB}, {name: app, size: 20MB}]}
            readinessProbe: {periodSeconds: 2}
            replicas: 1
            concurrency: 2
            queueLimit: 50
            hosts: {count: 1, cpu: 4, memory: 8Gi, boot: 30s, pullBandwidth: 20MB/s}
            resources: {cpu: 2, memory: 1Gi}
            scaleSchedule: [{at: 3m, replicas: 4}]
            hostSchedule: [{at: 3m, hosts: 2}]
          - name: vms
            platform: vm
            boot: {provision: 10s, boot: {distribution: lognormal, median: 30s, sigma: 0.2}, init: 1s}
            replicas: 1
            concurrency: 2
            queueLimit: 50
            scaleSchedule: [{at: 3m, replicas: 4}]
        """

    /// The study, written to a temporary folder that the test case removes.
    static func load(in test: XCTestCase) throws -> Experiment {
        let path = try Fixtures.temporaryConfig(text)
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        return try ExperimentLoader.load(path: path)
    }
}
