import Model
import SimRandom

/// `service:`: what a request demands.
enum ServiceConfig {
    /// `demand: {distribution: ...}` is CPU only; `demand: {cpu: ..., io: ...}`
    /// splits it so that CPU and I/O overheads apply to their own parts.
    /// A scenario's own `service:` replaces the experiment's demand and SLO
    /// where it sets them.
    static func override(_ service: ConfigMap, demand: DemandSpec, slo: Double?) throws -> (DemandSpec, Double?) {
        let d = service.has("demand") ? try Self.demand(service) : demand
        let s = try Self.slo(service) ?? slo
        try service.finish()
        return (d, s)
    }

    static func slo(_ service: ConfigMap) throws -> Double? {
        guard let slo = try service.map("slo") else { return nil }
        let latency = try slo.required("latency").positiveDuration()
        try slo.finish()
        return latency
    }

    static func demand(_ service: ConfigMap) throws -> DemandSpec {
        let value = try service.required("demand")
        guard case .mapping = value.node else { return DemandSpec(cpu: try DistributionConfig.read(value, .duration)) }
        let m = try value.map()
        if m.has("distribution") { return DemandSpec(cpu: try DistributionConfig.read(value, .duration)) }
        let cpu = try DistributionConfig.read(m.required("cpu"), .duration)
        let io = try m.optional("io").map { try DistributionConfig.read($0, .duration) }
        try m.finish()
        return DemandSpec(cpu: cpu, io: io)
    }
}
