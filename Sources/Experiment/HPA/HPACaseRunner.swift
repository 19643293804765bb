import Model

/// Evaluates conformance cases with capsim's HPA code (the same functions
/// `HPA.decide` calls) and compares every asserted value.
public enum HPACaseRunner {
    /// One case's verdict: empty `mismatches` means it passed.
    public struct Outcome: Sendable {
        public var name: String
        public var mismatches: [String]
        /// false for the entries the Kubernetes test table holds but its test
        /// body skips (`assertedInSource: false`): a mismatch there is
        /// reported, never counted as a failure.
        public var asserted: Bool
        public var passed: Bool { mismatches.isEmpty }
    }

    public static func run(_ cases: [HPACase]) -> [Outcome] { cases.map(run) }

    public static func run(_ c: HPACase) -> Outcome {
        var check = Checker(extras: c.expectedExtras ?? [:])
        switch (c.kind, c.stage) {
        case ("replica_calc", _): replicaCalc(c, &check)
        case ("controller", _): controller(c, &check)
        case ("behavior", "rateLimit"): rateLimit(c, &check)
        case ("behavior", "stabilizationWithBehavior"): stabilization(c, &check)
        case ("behavior", "legacyStabilization"): legacyStabilization(c, &check)
        case ("behavior", "legacyClamp"): legacyClamp(c, &check)
        case ("behavior", "policyLimit"): policyLimit(c, &check)
        case ("behavior", "scaleEventStore"): scaleEventStore(c, &check)
        default: check.fail("unknown kind/stage \(c.kind)/\(c.stage ?? "-")")
        }
        check.replicas(c.expectedReplicas)
        return Outcome(name: c.name, mismatches: check.mismatches, asserted: c.assertedInSource ?? true)
    }

    static func replicaCalc(_ c: HPACase, _ check: inout Checker) {
        let i = c.inputs
        guard let m = i.metric, let current = i.currentReplicas else { return check.fail("missing metric or currentReplicas") }
        let config = c.config()
        let e = HPAReplicaCalculator.evaluate(HPACase.metricSpec(m), input: c.input(current: current, status: i.statusReplicas, metrics: [m]),
                                              tolerances: config.tolerance, config: config, now: HPACase.now)
        check.actual = e.replicas
        check.error(e.error)
        check.extra("utilizationPercent", e.utilizationPercent)
        check.extra("rawAverageMilli", e.average.map(Int.init))
        check.extra("usageMilli", e.average.map(Int.init))
    }

    static func controller(_ c: HPACase, _ check: inout Checker) {
        let i = c.inputs
        guard let current = i.specReplicas, let max = i.maxReplicas else { return check.fail("missing specReplicas or maxReplicas") }
        let metrics = i.metrics ?? []
        let spec = HPASpec(minReplicas: i.minReplicas ?? 1, maxReplicas: max, metrics: metrics.map(HPACase.metricSpec),
                           behavior: HPACase.behavior(i.behavior))
        let d = HPA.decide(spec: spec, config: c.config(), input: c.input(current: current, status: i.statusReplicas, metrics: metrics),
                           history: c.history(), now: HPACase.now)
        check.actual = d.desired
        check.extra("utilizationPercent", d.metrics.first?.utilizationPercent)
        if case .string(let cond)? = check.extras["condition"] {
            let parts = cond.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { check.compare("condition", cond, "\(parts[0])=\(d.conditions[parts[0]] ?? "unset")") }
        }
    }

    static func rateLimit(_ c: HPACase, _ check: inout Checker) {
        let i = c.inputs
        guard let current = i.currentReplicas, let desired = i.prenormalizedDesiredReplicas else { return check.fail("missing inputs") }
        let behavior = HPACase.behavior(i.behavior) ?? HPABehavior()
        let o = HPARateLimiter.withBehavior(current: current, desired: desired, min: i.minReplicas ?? 1, max: i.maxReplicas ?? Int.max,
                                            behavior: behavior, history: c.history(), now: HPACase.now)
        check.actual = o.replicas
        check.extraString("condition", o.condition)
    }

    static func stabilization(_ c: HPACase, _ check: inout Checker) {
        let i = c.inputs
        guard let current = i.currentReplicas, let desired = i.prenormalizedDesiredReplicas else { return check.fail("missing inputs") }
        var history = c.history()
        check.actual = HPAStabilizer.withBehavior(current: current, proposal: desired, upWindow: i.scaleUpStabilizationWindowSeconds ?? 0,
                                                  downWindow: i.scaleDownStabilizationWindowSeconds ?? 0, history: &history, now: HPACase.now)
        if let expected = check.extras["recommendationsAfter"] {
            let actual = (history.recommendations ?? []).map { JSONValue.number(Double($0.replicas)) }
            check.compare("recommendationsAfter", expected.description, JSONValue.array(actual).description)
        }
    }

    static func legacyStabilization(_ c: HPACase, _ check: inout Checker) {
        let i = c.inputs
        guard let desired = i.prenormalizedDesiredReplicas else { return check.fail("missing inputs") }
        var history = c.history()
        check.actual = HPAStabilizer.legacy(proposal: desired, window: c.config().downscaleStabilization, history: &history, now: HPACase.now)
        check.extra("historyLengthAfter", history.recommendations?.count ?? 0)
    }

    static func legacyClamp(_ c: HPACase, _ check: inout Checker) {
        let i = c.inputs
        guard let current = i.currentReplicas, let desired = i.prenormalizedDesiredReplicas, let max = i.maxReplicas else {
            return check.fail("missing inputs")
        }
        var config = c.config()
        let o = HPARateLimiter.legacy(current: current, desired: desired, min: i.minReplicas ?? 1, max: max, config: config)
        check.actual = o.replicas
        check.extraString("condition", o.condition)
        config.scaleUpLimitFactor = 2
        let production = HPARateLimiter.legacy(current: current, desired: desired, min: i.minReplicas ?? 1, max: max, config: config)
        check.extra("replicasWithProductionScaleUpLimitFactor2", production.replicas)
    }

    static func policyLimit(_ c: HPACase, _ check: inout Checker) {
        let i = c.inputs
        guard let current = i.currentReplicas else { return check.fail("missing currentReplicas") }
        let up = i.direction != "down"
        let rules = HPACase.rules(i.rules, up: up)
        check.actual = up ? HPARateLimiter.scaleUpLimit(current: current, rules: rules, history: c.history(), now: HPACase.now).0
            : HPARateLimiter.scaleDownLimit(current: current, rules: rules, history: c.history(), now: HPACase.now).0
    }

    /// Checked in both directions: 10 → 15 stores a scale-up, 10 → 5 a scale-down.
    static func scaleEventStore(_ c: HPACase, _ check: inout Checker) {
        let i = c.inputs
        let previous = i.prevReplicas ?? 10, change = i.replicaChange ?? 5
        let events = HPACase.events(i.prevEvents)
        check.extra("replicasChangeInWindowBeforeStore", HPAHistory.change(in: events, periodSeconds: i.sumWindowSeconds ?? 60, now: HPACase.now))
        for up in [true, false] {
            let behavior: HPABehavior? = i.rules.map { _ in
                up ? HPABehavior(scaleUp: HPACase.rules(i.rules, up: true)) : HPABehavior(scaleDown: HPACase.rules(i.rules, up: false))
            }
            var history = up ? HPAHistory(scaleUpEvents: events) : HPAHistory(scaleDownEvents: events)
            history.storeScaleEvent(behavior: behavior, from: previous, to: up ? previous + change : previous - change, now: HPACase.now)
            let after = (up ? history.scaleUpEvents : history.scaleDownEvents).map {
                JSONValue.object(["replicaChange": .number(Double($0.replicaChange)), "outdated": .bool($0.outdated)])
            }
            if let expected = check.extras["eventsAfterStore"] {
                check.compare("eventsAfterStore (\(up ? "up" : "down"))", expected.description, JSONValue.array(after).description)
            }
        }
    }
}
