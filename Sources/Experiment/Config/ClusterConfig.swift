import Model
import SimRandom

/// A scenario's `hosts`, `placement` and `hostSchedule`.
enum ClusterConfig {
    /// `prepulled: true` caches the scenario's own image on every node; a
    /// list names catalog images (say, another version sharing its base).
    static func prepulled(_ v: ConfigValue?, image: ImageSpec?, catalog: [String: ImageSpec]) throws -> [ImageSpec] {
        guard let v else { return [] }
        if case .sequence = v.node {
            return try v.list().map { try ImageConfig.resolve($0, catalog: catalog) }
        }
        guard try v.bool() else { return [] }
        guard let image else { throw v.error("there is no image to pre-pull: the scenario names none") }
        return [image]
    }

    static func read(_ m: ConfigMap, image: ImageSpec?, catalog: [String: ImageSpec]) throws -> ClusterSpec {
        let placement = try m.optional("placement")?.choice(PlacementPolicy.self, what: "placement policy") ?? .firstFit
        guard let h = try m.map("hosts") else {
            if let s = m.optional("hostSchedule") { throw s.error("a host schedule needs a hosts pool") }
            return ClusterSpec(hosts: nil, placement: placement)
        }
        var pool = HostPoolSpec(count: try h.required("count").int(min: 0, max: InputLimits.maxHosts),
                                cpu: try h.required("cpu").positive(max: InputLimits.maxCores),
                                memoryMiB: try h.required("memory").mebibytes())
        if let r = try h.map("reserved") {
            pool.reservedCpu = try r.optional("cpu")?.nonNegative(max: InputLimits.maxCores) ?? 0
            pool.reservedMemoryMiB = try r.optional("memory")?.mebibytes() ?? 0
            try r.finish()
        }
        if pool.reservedCpu >= pool.cpu { throw try h.required("cpu").error("leaves no CPU after the reserved capacity") }
        pool.maxInstances = try h.optional("maxPods")?.int(min: 1, max: InputLimits.maxPodsPerHost)
        pool.pricePerHour = try h.optional("pricePerHour")?.nonNegative(max: InputLimits.maxPrice) ?? 0
        if let v = h.optional("boot") { pool.boot = try DistributionConfig.read(v, .duration) }
        if let v = h.optional("registryLatency") { pool.registryLatency = try DistributionConfig.read(v, .duration) }
        if let v = h.optional("pullBandwidth") { pool.pullBandwidth = try DistributionConfig.read(v, .bandwidth) }
        pool.cacheBytes = try h.optional("layerCache")?.bytes() ?? .infinity
        pool.prepulled = try prepulled(h.optional("prepulled"), image: image, catalog: catalog)
        try h.finish()

        let schedule = try m.schedule("hostSchedule", count: "hosts", max: InputLimits.maxHosts).map { HostStep(at: $0.at, hosts: $0.count) }
        return ClusterSpec(hosts: pool, placement: placement, hostSchedule: schedule)
    }
}
