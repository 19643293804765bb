/// A cloud VM scale group's policies in simulated time. At the end of each
/// metric period the group's average CPU utilization is taken over the
/// instances in service whose warm-up is over (instances in warm-up do not
/// count toward the aggregate), and each policy may change the desired
/// capacity:
///
/// - **Target tracking**: the alarms it creates fire after
///   `scaleOutPeriods` consecutive periods above the target (scale out) or
///   `scaleInPeriods` consecutive periods below 90% of it (scale in). Scale
///   out to ceil(warm instances × metric / target) + instances in warm-up,
///   if that is more than the desired capacity; scale in likewise, only when
///   no instance is in warm-up and the cooldown since the last activity is over.
/// - **Step scaling**: after `evaluationPeriods` consecutive periods in one
///   step, add (or remove) its adjustment; a scale-out counts instances in
///   warm-up as already added, a scale-in waits for the cooldown.
///
/// Sizes stay within [minSize, maxSize]. The 90% scale-in threshold and the
/// warm-up accounting follow AWS's target-tracking documentation (read 2026).
public struct ScaleGroup: Sendable {
    public let spec: ScaleGroupSpec
    /// Each policy's alarm streaks: consecutive periods above and below its
    /// thresholds, or in its current step.
    private struct Streak: Sendable {
        var above = 0
        var below = 0
        var step = -1
        var periods = 0
    }
    private var streaks: [Streak]
    public private(set) var lastActivity = -Double.infinity

    public init(spec: ScaleGroupSpec) {
        self.spec = spec
        streaks = Array(repeating: Streak(), count: spec.policies.count)
    }

    /// What the group sees at the end of a period.
    public struct Observation: Sendable {
        /// Average CPU utilization in percent of the warm instances, nil when none.
        public var cpu: Double?
        public var warm: Int
        public var warming: Int
        public var desired: Int
        public init(cpu: Double?, warm: Int, warming: Int, desired: Int) {
            self.cpu = cpu
            self.warm = warm
            self.warming = warming
            self.desired = desired
        }
    }

    /// The new desired capacity and the rule that set it, or nil for no change.
    public mutating func evaluate(_ o: Observation, now: Double) -> (desired: Int, reason: String)? {
        guard let cpu = o.cpu else { return nil }
        var decision: (desired: Int, reason: String)?
        for (p, policy) in spec.policies.enumerated() {
            guard let proposal = propose(policy, &streaks[p], cpu: cpu, o, now: now) else { continue }
            // Several policies: the one giving the largest capacity wins.
            if decision == nil || proposal.desired > decision!.desired { decision = proposal }
        }
        guard var d = decision else { return nil }
        if d.desired > spec.maxSize { d = (spec.maxSize, "maxSize") }
        if d.desired < spec.minSize { d = (spec.minSize, "minSize") }
        guard d.desired != o.desired else { return nil }
        lastActivity = now
        return d
    }

    private func propose(_ policy: ScalingPolicy, _ streak: inout Streak, cpu: Double, _ o: Observation, now: Double)
        -> (desired: Int, reason: String)? {
        let coolingDown = now - lastActivity < spec.defaultCooldown
        switch policy {
        case .targetTracking(let target, let outPeriods, let inPeriods, let disableScaleIn):
            streak.above = cpu > target ? streak.above + 1 : 0
            streak.below = cpu < 0.9 * target ? streak.below + 1 : 0
            let wanted = Int((Double(o.warm) * cpu / target).rounded(.up)) + o.warming
            if streak.above >= outPeriods && wanted > o.desired { return (wanted, "policy:TargetTracking") }
            if streak.below >= inPeriods && !disableScaleIn && o.warming == 0 && !coolingDown && wanted < o.desired {
                return (wanted, "policy:TargetTracking")
            }
            return nil
        case .stepScaling(let steps, let evaluationPeriods):
            guard let k = steps.firstIndex(where: { $0.lower <= cpu && cpu < $0.upper }) else {
                streak.step = -1
                return nil
            }
            streak.periods = streak.step == k ? streak.periods + 1 : 1
            streak.step = k
            guard streak.periods >= evaluationPeriods else { return nil }
            let adjustment = steps[k].adjustment
            if adjustment > 0 {
                let wanted = o.desired - o.warming + adjustment
                return wanted > o.desired ? (wanted, "policy:StepScaling") : nil
            }
            if adjustment < 0 && o.warming == 0 && !coolingDown { return (o.desired + adjustment, "policy:StepScaling") }
            return nil
        }
    }
}
