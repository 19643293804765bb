import Model

/// An HPA's `spec.behavior`, with the API defaults filled in field by
/// field (a given `policies` list replaces the whole default list):
/// ```yaml
/// behavior:
///   scaleUp:                          # default: window 0, Max of 4 Pods / 100 Percent per 15 s
///     stabilizationWindowSeconds: 0   # 0..3600
///     selectPolicy: Max               # Max | Min | Disabled
///     policies: [{type: Pods, value: 4, periodSeconds: 15}]   # value > 0, period 1..1800
///     tolerance: 0.05                 # optional, per direction (Kubernetes ≥ 1.33)
///   scaleDown:                        # default: the controller's window, Max of 100 Percent per 15 s
///     stabilizationWindowSeconds: 300
/// ```
enum HPABehaviorConfig {
    static func read(_ v: ConfigValue) throws -> HPABehavior {
        let m = try v.map()
        let up = try rules(m.optional("scaleUp"), defaults: .defaultScaleUp)
        let down = try rules(m.optional("scaleDown"), defaults: .defaultScaleDown)
        try m.finish()
        return HPABehavior(scaleUp: up, scaleDown: down)
    }

    static func rules(_ v: ConfigValue?, defaults: HPAScalingRules) throws -> HPAScalingRules {
        var r = defaults
        guard let v else { return r }
        let m = try v.map()
        if let w = m.optional("stabilizationWindowSeconds") {
            let s = try w.int(min: 0)
            guard s <= 3600 else { throw w.error("must be at most 3600 (one hour), got \(s)") }
            r.stabilizationWindowSeconds = s
        }
        if let s = m.optional("selectPolicy") { r.selectPolicy = try s.choice(HPASelectPolicy.self, what: "selectPolicy") }
        if let p = m.optional("policies") {
            let list = try p.list()
            guard !list.isEmpty else { throw p.error("must list at least one policy") }
            r.policies = try list.map(policy)
        }
        if let t = m.optional("tolerance") { r.tolerance = try t.nonNegative() }
        try m.finish()
        return r
    }

    static func policy(_ v: ConfigValue) throws -> HPAScalingPolicy {
        let m = try v.map()
        let type = try m.required("type").choice(HPAScalingPolicy.Kind.self, what: "policy type")
        let value = try m.required("value").int(min: 1)
        let periodValue = try m.required("periodSeconds")
        let period = try periodValue.int(min: 1)
        guard period <= 1800 else { throw periodValue.error("must be at most 1800 (30 minutes), got \(period)") }
        try m.finish()
        return HPAScalingPolicy(type: type, value: value, periodSeconds: period)
    }
}
