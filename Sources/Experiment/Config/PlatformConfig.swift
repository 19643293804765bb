import Model
import SimRandom

/// A scenario's platform keys: `platform`, `boot`, `readinessProbe`,
/// `image`, `overhead`, `resources`, `pricePerHour`,
/// `terminationGracePeriodSeconds`.
enum PlatformConfig {
    static func read(_ m: ConfigMap, _ context: ScenarioContext) throws -> PlatformSpec {
        let kind = try m.optional("platform")?.choice(PlatformKind.self, what: "platform") ?? .bare
        var platform = PlatformSpec(kind: kind)
        if let boot = try m.map("boot") {
            // A container's pull is computed from its image; readiness
            // comes from the probe when there is one.
            var drawn = kind.phaseNames.filter { $0 != "pull" }
            if m.has("readinessProbe") {
                // The probe decides readiness: a preset's readiness distribution is replaced.
                drawn.removeAll { $0 == "readiness" }
                _ = boot.optional("readiness")
            }
            for phase in drawn {
                if let v = boot.optional(phase) { platform.phases[phase] = try DistributionConfig.read(v, .duration) }
            }
            try boot.finish()
        }
        if let probe = try m.map("readinessProbe") {
            guard kind != .bare else { throw probe.top.error("a readiness probe needs a platform that boots (vm, container, microvm)") }
            platform.probe = ReadinessProbe(
                initialDelay: try probe.optional("initialDelaySeconds")?.duration() ?? 0,
                period: try probe.optional("periodSeconds")?.positiveDuration() ?? 10,
                successThreshold: try probe.optional("successThreshold")?.int(min: 1) ?? 1)
            try probe.finish()
        }
        if let image = m.optional("image") {
            guard kind == .container else { throw image.error("an image applies to containers only") }
            platform.image = try ImageConfig.resolve(image, catalog: context.images)
        }
        if let o = try m.map("overhead") {
            platform.cpuOverhead = try o.optional("cpu")?.nonNegative() ?? 0
            platform.ioOverhead = try o.optional("io")?.nonNegative() ?? 0
            platform.memoryOverheadMiB = try o.optional("memory")?.mebibytes() ?? 0
            try o.finish()
        }
        if let r = try m.map("resources") {
            platform.cpuRequest = try r.optional("cpu")?.nonNegative() ?? 1
            platform.memoryRequestMiB = try r.optional("memory")?.mebibytes() ?? 0
            try r.finish()
        }
        platform.pricePerHour = try m.optional("pricePerHour")?.nonNegative() ?? 0
        platform.terminationGrace = try m.optional("terminationGracePeriodSeconds")?.duration() ?? 30
        return platform
    }
}
