import Foundation

/// A seeded generator of small, valid experiment files covering every
/// platform, traffic shape, load-balancing rule, placement policy, host pool
/// and schedule, scripted faults and bare pods. Each is written as YAML, so a failing one is printed as a
/// config file that reproduces it with `capsim run --check-invariants`.
struct RandomScenarios {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9e37_79b9_7f4a_7c15 | 1 }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
    private mutating func real(_ low: Double, _ high: Double) -> Double {
        let x = low + (high - low) * Double(next() >> 11) / Double(1 << 53)
        return (x * 1000).rounded() / 1000
    }
    private mutating func pick<T>(_ options: [T]) -> T { options[int(0...options.count - 1)] }
    private mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    /// One experiment file of a few hundred simulated seconds.
    mutating func experiment(index: Int) -> String {
        let duration = int(60...400)
        var lines = [
            "name: random-\(index)",
            "duration: \(duration)s",
            "warmup: \(int(0...duration / 4))s",
            "replications: 1",
            "seed: \(int(1...1_000_000))",
            "traffic: \(traffic(duration))",
            "service:",
            "  demand: \(demand())",
            "  slo: {latency: \(real(0.05, 2))s}",
            "output: {timeseriesInterval: \(pick([5, 10, 30]))s}",
            "scenarios:",
        ]
        for s in 0..<int(1...2) { lines += scenario(s, duration) }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func traffic(_ duration: Int) -> String {
        let rate = real(0.2, 30)
        switch int(0...5) {
        case 0: return "{arrivals: poisson, rate: \(rate)}"
        case 1: return "{arrivals: diurnal, mean: \(rate), amplitude: \(real(0, rate)), period: \(int(30...duration))s, phase: \(int(0...30))s}"
        case 2: return "{arrivals: ramp, from: \(real(0, rate)), to: \(rate), start: \(int(0...duration / 2))s, end: \(int(duration / 2...duration))s}"
        case 3: return "{arrivals: steps, initial: \(real(0.1, rate)), steps: [{at: \(int(1...duration / 2))s, rate: \(real(0, 2 * rate))}, {at: \(int(duration / 2...duration))s, rate: \(rate)}]}"
        case 4: return "{arrivals: spike, base: \(real(0.1, rate)), peak: \(2 * rate), start: \(int(0...duration / 2))s, rise: \(int(0...20))s, hold: \(int(0...60))s, decay: \(int(0...30))s}"
        default: return "{arrivals: mmpp, states: [{rate: \(real(0.1, rate)), meanDuration: \(int(5...60))s}, {rate: \(2 * rate), meanDuration: \(int(5...30))s}]}"
        }
    }

    private mutating func demand() -> String {
        let mean = real(0.01, 0.5)
        switch int(0...4) {
        case 0: return "{distribution: exponential, mean: \(mean)s}"
        case 1: return "{distribution: deterministic, value: \(mean)s}"
        case 2: return "{distribution: lognormal, mean: \(mean)s, cv: \(real(0.2, 3))}"
        case 3: return "{distribution: uniform, min: 0s, max: \(2 * mean)s}"
        default: return "{cpu: {distribution: gamma, mean: \(mean)s, cv: \(real(0.3, 2))}, io: {distribution: exponential, mean: \(mean / 2)s}}"
        }
    }

    private mutating func phase() -> String {
        pick(["0s", "\(real(0.1, 20))s", "{distribution: lognormal, median: \(real(0.5, 30))s, sigma: \(real(0.1, 1))}",
              "{distribution: exponential, mean: \(real(0.1, 10))s}"])
    }

    /// A scenario with, half the time, rollouts under a random strategy;
    /// and half the time scripted faults (pods and containers killed by rule
    /// or by id, nodes when it has a host pool), random failures replaced or
    /// restarted, delays of detection and endpoints, and bare pods where no
    /// controller sets the count.
    private mutating func scenario(_ s: Int, _ duration: Int) -> [String] {
        var out = baseScenario(s, duration)
        let platform = out[1].split(separator: " ").last.map(String.init) ?? "bare"
        let scaled = out.contains { $0.hasPrefix("    hpa:") || $0.hasPrefix("    scaleGroup:") || $0.hasPrefix("    scaleSchedule:") }
        let pods = !scaled && chance(0.25)
        if pods { out.append("    workload: pods") }
        if !pods && chance(0.5) { out += rollouts(duration) }
        if chance(0.3) { out.append("    endpoints: {propagationDelay: \(real(0, 3))s}") }
        guard chance(0.5) else { return out }
        let hasHosts = out.contains("    hosts:")
        let times = (0..<int(1...3)).map { _ in int(0...duration) }.sorted()
        let faults = times.map { at -> String in
            if hasHosts && chance(0.4) { return chance(0.5) ? "{at: \(at)s, kill: node}" : "{at: \(at)s, kill: node, host: \(int(0...4))}" }
            let kill = pick(["pod", "container"])
            return chance(0.5) ? "{at: \(at)s, kill: \(kill)}" : "{at: \(at)s, kill: \(kill), instance: \(int(0...8))}"
        }
        out.append("    faults: [\(faults.joined(separator: ", "))]")
        if chance(0.5) {
            out.append("    failures: {timeToFailure: {distribution: exponential, mean: \(int(5...200))s}, recovery: \(pick(["replace", "restart"]))}")
        }
        if chance(0.5) { out.append("    backoff: {initial: \(int(1...10))s, max: \(int(10...60))s, reset: \(int(10...120))s}") }
        if platform == "container" && chance(0.5) {
            out.append("    nodeFailure: {monitorGracePeriod: \(int(0...40))s, tolerationSeconds: \(int(0...60))s}")
        }
        if (platform == "vm" || platform == "microvm") && chance(0.5) {
            out.append("    healthCheck: {interval: \(int(1...30))s, unhealthyThreshold: \(int(1...3)), gracePeriod: \(int(0...60))s}")
        }
        return out
    }

    /// One to three rollouts to new images, a strategy, minReadySeconds and a reconcile delay.
    private mutating func rollouts(_ duration: Int) -> [String] {
        let strategy: String
        if chance(0.3) {
            strategy = "{type: Recreate}"
        } else {
            let surge = chance(0.5) ? "\(int(0...2))" : "\(pick([0, 25, 50, 100]))%"
            let unavailable = chance(0.5) ? "\(int(0...2))" : "\(pick([0, 25, 50]))%"
            let legal = (surge == "0" || surge == "0%") && (unavailable == "0" || unavailable == "0%") ? "1" : unavailable
            strategy = "{type: RollingUpdate, rollingUpdate: {maxSurge: \(surge), maxUnavailable: \(legal)}}"
        }
        let minReady = int(0...10)
        var out = ["    deployment: {strategy: \(strategy), minReadySeconds: \(minReady), progressDeadlineSeconds: \(minReady + int(1...120))}",
                   "    reconcileDelay: \(real(0, 1))s"]
        let times = (0..<int(1...3)).map { _ in int(0...duration) }.sorted()
        let images = times.enumerated().map { k, at in
            "{at: \(at)s, image: {name: v\(k + 2), layers: [{name: l\(int(0...5)), size: \(int(1...100))MB}, {name: v\(k + 2), size: \(int(1...50))MB}]}}"
        }
        out.append("    rollouts: [\(images.joined(separator: ", "))]")
        return out
    }

    private mutating func baseScenario(_ s: Int, _ duration: Int) -> [String] {
        let platform = pick(["bare", "vm", "container", "microvm"])
        var out = [
            "  - name: s\(s)",
            "    platform: \(platform)",
            "    replicas: \(int(0...4))",
            "    concurrency: \(int(1...4))",
            "    loadBalancer: \(pick(["roundRobin", "random", "leastOutstanding", "powerOfTwoChoices"]))",
            "    terminationGracePeriodSeconds: \(int(0...40))",
        ]
        if chance(0.6) { out.append("    queueLimit: \(int(0...20))") }
        switch platform {
        case "vm":
            out.append("    boot: {provision: \(phase()), boot: \(phase()), init: \(phase()), readiness: \(phase())}")
        case "microvm":
            out.append("    boot: {vmm: \(phase()), boot: \(phase()), init: \(phase())}")
        case "container":
            out.append("    boot: {schedule: \(phase()), create: \(phase()), init: \(phase())}")
            if chance(0.6) {
                out.append("    readinessProbe: {initialDelaySeconds: \(int(0...5)), periodSeconds: \(int(1...10)), successThreshold: \(int(1...3))}")
            }
            let layers = (0..<int(1...4)).map { _ in "{name: l\(int(0...5)), size: \(int(1...200))MB}" }
            var seen = Set<String>()
            let unique = layers.filter { seen.insert(String($0.split(separator: ",")[0])).inserted }
            out.append("    image: {name: img, layers: [\(unique.joined(separator: ", "))]}")
        default: break
        }
        if platform != "bare" {
            out.append("    overhead: {cpu: \(real(0, 0.3)), io: \(real(0, 0.5)), memory: \(int(0...512))Mi}")
            out.append("    resources: {cpu: \(pick([0.5, 1, 2])), memory: \(pick([256, 512, 2048]))Mi}")
            out.append("    pricePerHour: \(real(0, 0.2))")
        }
        if platform != "bare" && chance(0.7) {
            out.append("    placement: \(pick(["firstFit", "bestFit", "spread"]))")
            out.append("    hosts:")
            out.append("      count: \(int(0...3))")
            out.append("      cpu: \(pick([2, 4, 8]))")
            out.append("      memory: \(pick([4, 8, 16]))Gi")
            out.append("      reserved: {cpu: \(pick([0, 0.2, 0.5])), memory: \(pick([0, 512]))Mi}")
            if chance(0.5) { out.append("      maxPods: \(int(1...6))") }
            out.append("      pricePerHour: \(real(0, 0.5))")
            out.append("      boot: \(phase())")
            out.append("      registryLatency: \(real(0, 2))s")
            out.append("      pullBandwidth: {distribution: lognormal, median: \(int(5...100))MB/s, sigma: 0.5}")
            if chance(0.6) { out.append("      layerCache: \(int(50...600))MB") }
            if platform == "container" && chance(0.3) { out.append("      prepulled: true") }
            if chance(0.6) {
                let steps = (0..<int(1...3)).map { _ in int(0...duration) }.sorted()
                out.append("    hostSchedule: [\(steps.map { "{at: \($0)s, hosts: \(int(0...4))}" }.joined(separator: ", "))]")
            }
        }
        let hasHosts = out.contains("    hosts:")
        if platform == "container" && hasHosts && chance(0.5) {
            out.removeAll { $0.hasPrefix("    hostSchedule:") }
            out.append("    clusterAutoscaler: {minNodes: \(int(0...1)), maxNodes: \(int(3...5)), scanInterval: \(int(5...20))s, "
                       + "scaleDownUtilizationThreshold: \(real(0.2, 0.8)), scaleDownUnneededTime: \(int(0...120))s, "
                       + "scaleDownDelayAfterAdd: \(int(0...120))s, maxNodeProvisionTime: \(int(10...300))s}")
        }
        if platform == "vm" && chance(0.5) {
            let replicas = Int(out[2].split(separator: " ").last ?? "0") ?? 0
            let policy = chance(0.5)
                ? "{type: TargetTracking, metric: cpu, targetValue: \(int(20...80)), scaleOutPeriods: \(int(1...3)), scaleInPeriods: \(int(1...5))}"
                : "{type: StepScaling, evaluationPeriods: \(int(1...2)), steps: [{lower: 70, adjustment: \(int(1...3))}, {upper: 30, adjustment: -1}]}"
            out.append("    scaleGroup: {minSize: \(int(0...replicas)), maxSize: \(int(Swift.max(1, replicas)...8)), "
                       + "defaultCooldown: \(int(0...120))s, defaultInstanceWarmup: \(int(0...120))s, period: \(int(10...60))s, "
                       + "policies: [\(policy)]}")
            return out
        }
        let replicas = Int(out[2].split(separator: " ").last ?? "0") ?? 0
        if platform != "bare" && replicas >= 1 && chance(0.4) {
            let low = int(1...replicas)
            let metric = pick([
                "{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: \(int(30...90))}}}",
                "{type: Pods, pods: {metric: {name: http_requests}, target: {type: AverageValue, averageValue: \(int(1...20))}}}",
                "{type: External, external: {metric: {name: queue_length}, target: {type: AverageValue, averageValue: \(int(1...5))}}}",
            ])
            let behavior = chance(0.5) ? "" : ", behavior: {scaleDown: {stabilizationWindowSeconds: \(int(0...120))}, "
                + "scaleUp: {policies: [{type: Pods, value: \(int(1...3)), periodSeconds: \(int(5...60))}]}}"
            out.append("    hpa: {minReplicas: \(low), maxReplicas: \(int(replicas...8)), metrics: [\(metric)]\(behavior)}")
            out.append("    hpaController: {syncPeriod: \(int(5...30))s}")
            out.append("    metrics: {resolution: \(int(5...30))s}")
            return out
        }
        if chance(0.8) {
            let steps = (0..<int(1...4)).map { _ in int(0...duration) }.sorted()
            out.append("    scaleSchedule: [\(steps.map { "{at: \($0)s, replicas: \(int(0...8))}" }.joined(separator: ", "))]")
        }
        return out
    }
}
