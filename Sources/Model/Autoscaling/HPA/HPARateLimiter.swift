/// The last normalization step: min/max and the rate of change, either
/// the legacy cap or the `behavior` policies over past scale events.
public enum HPARateLimiter {
    /// The bounded count, the Kubernetes condition reason
    /// (`DesiredWithinRange`, `ScaleUpLimit`, `TooManyReplicas`,
    /// `ScaleDownLimit`, `TooFewReplicas`) and, when the bound changed the
    /// value, the capsim reason (`minReplicas`, `maxReplicas`,
    /// `scaleUpLimit`, `policy:Pods`, `policy:Percent`, `policy:Disabled`).
    public struct Outcome: Sendable, Equatable {
        public var replicas: Int
        public var condition: String
        public var reason: String?
        public var step: String
    }

    /// Without `behavior` (H `convertDesiredReplicasWithRules`): at least
    /// `min`; at most min(`max`, max(factor × current, minimum)).
    public static func legacy(current: Int, desired: Int, min: Int, max: Int, config: HPAControllerConfig) -> Outcome {
        let cap = Int(Swift.max(config.scaleUpLimitFactor * Double(current), config.scaleUpLimitMinimum))
        let upper = Swift.min(max, cap)
        let upperName = max > cap ? "ScaleUpLimit" : "TooManyReplicas"
        if desired < min {
            return Outcome(replicas: min, condition: "TooFewReplicas", reason: "minReplicas",
                           step: "\(desired) is below minReplicas: \(min)")
        }
        if desired > upper {
            let why = max > cap ? "the scale-up limit max(\(config.scaleUpLimitFactor.formatted0) × \(current), \(config.scaleUpLimitMinimum.formatted0))"
                : "maxReplicas"
            return Outcome(replicas: upper, condition: upperName, reason: max > cap ? "scaleUpLimit" : "maxReplicas",
                           step: "\(desired) is above \(why): \(upper)")
        }
        return Outcome(replicas: desired, condition: "DesiredWithinRange", reason: nil,
                       step: "\(desired) is within [\(min), \(upper)]")
    }

    /// With `behavior` (H `convertDesiredReplicasWithBehaviorRate`): the
    /// policies limit the change in the direction of travel, then min/max.
    public static func withBehavior(current: Int, desired: Int, min: Int, max: Int, behavior: HPABehavior,
                                    history: HPAHistory, now: Double) -> Outcome {
        if desired > current {
            var (limit, policy) = scaleUpLimit(current: current, rules: behavior.scaleUp, history: history, now: now)
            if limit < current { limit = current }
            let upper = Swift.min(max, limit)
            if desired > upper {
                let byPolicy = max > limit
                return Outcome(replicas: upper, condition: byPolicy ? "ScaleUpLimit" : "TooManyReplicas",
                               reason: byPolicy ? policy : "maxReplicas",
                               step: "\(desired) is above \(byPolicy ? "the scale-up limit of \(policy)" : "maxReplicas"): \(upper)"
                                   + describe(current: current, rules: behavior.scaleUp, up: true, history: history, now: now))
            }
        } else if desired < current {
            var (limit, policy) = scaleDownLimit(current: current, rules: behavior.scaleDown, history: history, now: now)
            if limit > current { limit = current }
            let lower = Swift.max(min, limit)
            if desired < lower {
                let byPolicy = min < limit
                return Outcome(replicas: lower, condition: byPolicy ? "ScaleDownLimit" : "TooFewReplicas",
                               reason: byPolicy ? policy : "minReplicas",
                               step: "\(desired) is below \(byPolicy ? "the scale-down limit of \(policy)" : "minReplicas"): \(lower)"
                                   + describe(current: current, rules: behavior.scaleDown, up: false, history: history, now: now))
            }
        }
        return Outcome(replicas: desired, condition: "DesiredWithinRange", reason: nil,
                       step: "\(desired) is within the policies and [\(min), \(max)]")
    }

    /// The highest count the scale-up policies allow now, and the policy
    /// that set it (H `calculateScaleUpLimitWithScalingRules`).
    public static func scaleUpLimit(current: Int, rules: HPAScalingRules, history: HPAHistory, now: Double) -> (Int, String) {
        if rules.selectPolicy == .disabled { return (current, "policy:Disabled") }
        var best: (Int, String)?
        for p in rules.policies {
            let start = periodStart(current, p, history, now)
            let proposed = p.type == .pods ? start + p.value
                : Int((Double(start) * (1 + Double(p.value) / 100)).rounded(.up))
            if let b = best, rules.selectPolicy == .min ? proposed >= b.0 : proposed <= b.0 { continue }
            best = (proposed, "policy:\(p.type.rawValue)")
        }
        return best ?? (current, "policy:none")
    }

    /// The lowest count the scale-down policies allow now, and the policy
    /// that set it (H `calculateScaleDownLimitWithBehaviors`).
    public static func scaleDownLimit(current: Int, rules: HPAScalingRules, history: HPAHistory, now: Double) -> (Int, String) {
        if rules.selectPolicy == .disabled { return (current, "policy:Disabled") }
        var best: (Int, String)?
        for p in rules.policies {
            let start = periodStart(current, p, history, now)
            let proposed = p.type == .pods ? start - p.value
                : Int((Double(start) * (1 - Double(p.value) / 100)).rounded(.towardZero))
            if let b = best, rules.selectPolicy == .min ? proposed <= b.0 : proposed >= b.0 { continue }
            best = (proposed, "policy:\(p.type.rawValue)")
        }
        return best ?? (current, "policy:none")
    }

    /// Each policy's allowance, for explanations: `; policies (selectPolicy
    /// Max): Pods 2 per 60 s from 9 → 7, ...`.
    static func describe(current: Int, rules: HPAScalingRules, up: Bool, history: HPAHistory, now: Double) -> String {
        if rules.selectPolicy == .disabled { return " (selectPolicy Disabled)" }
        let parts = rules.policies.map { p -> String in
            let start = periodStart(current, p, history, now)
            let one = HPAScalingRules(stabilizationWindowSeconds: 0, selectPolicy: .max, policies: [p])
            let limit = up ? scaleUpLimit(current: current, rules: one, history: history, now: now).0
                : scaleDownLimit(current: current, rules: one, history: history, now: now).0
            return "\(p.type.rawValue) \(p.value) per \(p.periodSeconds) s from \(start) → \(limit)"
        }
        return "; policies (selectPolicy \(rules.selectPolicy.rawValue)): " + parts.joined(separator: ", ")
    }

    /// The count at the start of the policy's period: current minus the
    /// additions plus the removals of the last `periodSeconds`.
    static func periodStart(_ current: Int, _ p: HPAScalingPolicy, _ history: HPAHistory, _ now: Double) -> Int {
        current - HPAHistory.change(in: history.scaleUpEvents, periodSeconds: p.periodSeconds, now: now)
            + HPAHistory.change(in: history.scaleDownEvents, periodSeconds: p.periodSeconds, now: now)
    }
}
