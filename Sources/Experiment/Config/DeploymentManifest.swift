import Foundation
import Model
import Yams

/// A value read from a manifest, with where it was written (for the
/// errors that compare it with the scenario's own keys).
struct Located<T> {
    var value: T
    var at: ConfigValue
}

/// What a Kubernetes `apps/v1` Deployment gives a scenario: the fields that
/// matter to capsim, read as the API server validates them. Every other real
/// field of Deployment, ObjectMeta, PodTemplateSpec, PodSpec and Container
/// is accepted and ignored; an unknown key (a typo) is refused with a
/// suggestion, like any other config key.
struct DeploymentManifest {
    /// `metadata.name`: what an HPA's `scaleTargetRef.name` must name.
    var name: Located<String>?
    var replicas: Located<Int>?
    var strategy = DeploymentStrategy.kubernetesDefault
    var minReadySeconds = 0.0
    var progressDeadlineSeconds = 600.0
    /// `spec.template.spec.terminationGracePeriodSeconds`.
    var grace: Located<Double>?
    /// The container's `image`, a name of the `images:` catalog.
    var image: Located<String>?
    /// The container's CPU request in cores and memory request in MiB.
    var cpu: Located<Double>?
    var memoryMiB: Located<Double>?
    var probe: Located<ReadinessProbe>?

    /// Reads `deployment:` in one of its three forms: a whole manifest
    /// (`apiVersion`, `kind`, `metadata`, `spec`), just its `spec`, or
    /// `{file: PATH}` (relative to `directory`) holding one of those.
    static func read(_ v: ConfigValue, directory: String, allowFile: Bool = true) throws -> DeploymentManifest {
        let m = try v.map()
        if allowFile, let file = m.optional("file") {
            try m.finish()
            return try read(ManifestFile.deployment(file, directory: directory), directory: directory, allowFile: false)
        }
        var manifest = DeploymentManifest()
        if m.has("apiVersion") || m.has("kind") || m.has("spec") {
            let api = try m.required("apiVersion")
            let version = try api.string()
            guard version == "apps/v1" else {
                throw api.error("unsupported apiVersion '\(Echo.value(version))'; capsim reads apps/v1 Deployments")
            }
            let kind = try m.required("kind")
            let kindName = try kind.string()
            guard kindName == "Deployment" else { throw kind.error("expected kind Deployment, got '\(Echo.value(kindName))'") }
            if let meta = m.optional("metadata") { manifest.name = try Self.objectMeta(meta) }
            _ = m.optional("status")
            try manifest.readSpec(m.required("spec"))
            try m.finish()
        } else {
            try manifest.readSpec(v)
        }
        return manifest
    }

    /// A DeploymentSpec.
    mutating func readSpec(_ v: ConfigValue) throws {
        let s = try v.map()
        for key in ["selector", "revisionHistoryLimit"] { _ = s.optional(key) }
        if let r = s.optional("replicas") { replicas = Located(value: try r.int(min: 0, max: InputLimits.maxReplicas), at: r) }
        if let p = s.optional("paused"), try p.bool() {
            throw p.error("paused Deployments are not modelled; remove paused (or set it to false)")
        }
        let minReady = s.optional("minReadySeconds")
        minReadySeconds = try minReady?.duration() ?? 0
        let deadline = s.optional("progressDeadlineSeconds")
        progressDeadlineSeconds = try deadline?.duration() ?? 600
        if progressDeadlineSeconds <= minReadySeconds {
            if let deadline {
                throw deadline.error("must be greater than minReadySeconds (\(ConfigValue.show(minReadySeconds)))")
            }
            if let minReady {
                throw minReady.error("must be less than progressDeadlineSeconds (600, the default)")
            }
        }
        if let st = s.optional("strategy") { strategy = try Self.strategy(st) }
        if let t = s.optional("template") { try readTemplate(t) }
        try s.finish()
    }

    /// `strategy: {type, rollingUpdate: {maxSurge, maxUnavailable}}`, as
    /// the API validates it.
    static func strategy(_ v: ConfigValue) throws -> DeploymentStrategy {
        let m = try v.map()
        let typeValue = m.optional("type")
        let type = try typeValue?.string() ?? "RollingUpdate"
        let rolling = m.optional("rollingUpdate")
        try m.finish()
        switch type {
        case "Recreate":
            if let rolling { throw rolling.error("may not be specified when strategy type is 'Recreate'") }
            return .recreate
        case "RollingUpdate":
            guard let rolling else { return .kubernetesDefault }
            let r = try rolling.map()
            let surgeValue = r.optional("maxSurge"), unavailableValue = r.optional("maxUnavailable")
            let surge = try surgeValue.map { try intOrPercent($0, maxPercent: 10_000) } ?? .percent(25)
            let unavailable = try unavailableValue.map { try intOrPercent($0, maxPercent: 100) } ?? .percent(25)
            try r.finish()
            if isZero(surge), isZero(unavailable), let unavailableValue {
                throw unavailableValue.error("may not be 0 when maxSurge is 0")
            }
            return .rollingUpdate(maxSurge: surge, maxUnavailable: unavailable)
        default:
            let types = ["RollingUpdate", "Recreate"]
            throw (typeValue ?? v).error("unsupported strategy type '\(Echo.value(type))'\(Suggestion.hint(type, types)); use RollingUpdate or Recreate")
        }
    }

    /// Kubernetes' `IntOrString` of maxSurge and maxUnavailable: a whole
    /// count (0 to `InputLimits.maxReplicas`) or a whole percentage `N%`
    /// (0% to `maxPercent`).
    static func intOrPercent(_ v: ConfigValue, maxPercent: Int) throws -> IntOrPercent {
        let s = try v.string()
        let isPercent = s.hasSuffix("%")
        let digits = isPercent ? String(s.dropLast()) : s
        guard let n = Int(digits) else {
            throw v.error("'\(Echo.value(s))' is not a count or a percentage (use a whole number such as 1, or a percentage such as 25%)")
        }
        guard n >= 0 else { throw v.error("must not be negative, got '\(Echo.value(s))'") }
        if isPercent {
            guard n <= maxPercent else { throw v.error("must not be greater than \(maxPercent)%, got '\(Echo.value(s))'") }
            return .percent(Double(n))
        }
        guard n <= InputLimits.maxReplicas else { throw v.error("must be at most \(InputLimits.maxReplicas), got \(n)") }
        return .count(n)
    }

    static func isZero(_ v: IntOrPercent) -> Bool {
        switch v {
        case .count(let n): return n == 0
        case .percent(let p): return p == 0
        }
    }
}
