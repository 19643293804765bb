import Model

/// A scenario's Deployment keys: `deployment:` (a pasted `apps/v1`
/// manifest, its spec, or `{file: PATH}`, see `DeploymentManifest`),
/// `rollouts:` and `reconcileDelay:`.
///
/// The manifest's replicas, image, requests, readiness probe and grace
/// period go where the scenario's own keys put them (`replicas`,
/// `platform.image`, ...), replacing a preset's values. A key the scenario
/// sets itself must agree with the manifest: one sentence names both places.
enum DeploymentConfig {
    /// Reads `deployment:`, or nil when the scenario has none.
    static func manifest(_ m: ConfigMap, directory: String) throws -> DeploymentManifest? {
        guard let v = m.optional("deployment") else { return nil }
        return try DeploymentManifest.read(v, directory: directory)
    }

    /// The scenario's own value of `key` (not a preset's).
    static func own(_ m: ConfigMap, _ key: String) -> ConfigValue? {
        ConfigMap(layers: [m.top]).peek(key)
    }

    static func conflict(_ manifestValue: ConfigValue, _ key: String, _ own: ConfigValue, _ what: String) -> ConfigError {
        manifestValue.error("differs from the scenario's \(key) (\(own.file):\(own.line.map(String.init) ?? "?")); give the \(what) in one place")
    }

    /// The desired replicas: the manifest's `spec.replicas`, else the
    /// scenario's `replicas`, else 1.
    static func replicas(_ m: ConfigMap, _ d: DeploymentManifest?) throws -> Int {
        let scenario = try m.optional("replicas")?.int(min: 0, max: InputLimits.maxReplicas)
        guard let r = d?.replicas else { return scenario ?? 1 }
        if let o = own(m, "replicas"), let mine = scenario, mine != r.value {
            throw r.at.error("\(r.value) differs from the scenario's replicas \(mine) (\(o.file):\(o.line.map(String.init) ?? "?")); "
                             + "give the count in one place")
        }
        return r.value
    }

    /// Puts the manifest's image, requests, probe and grace period into
    /// `platform` (read from the scenario and its preset).
    static func apply(_ d: DeploymentManifest, to platform: inout PlatformSpec, _ m: ConfigMap,
                      catalog: [String: ImageSpec]) throws {
        if let i = d.image, platform.kind == .container {
            // With no catalog at all, the manifest only names the preset's image.
            let image = try catalog.isEmpty && platform.image != nil
                ? ImageSpec(name: i.value, layers: platform.image?.layers ?? []) : catalogImage(i, catalog)
            if let o = own(m, "image"), platform.image != image { throw conflict(i.at, "image", o, "image") }
            platform.image = image
        }
        let resources = own(m, "resources").flatMap { try? $0.map() }
        if let c = d.cpu {
            if let o = resources?.peek("cpu"), platform.cpuRequest != c.value { throw conflict(c.at, "resources.cpu", o, "CPU request") }
            platform.cpuRequest = c.value
        }
        if let mem = d.memoryMiB {
            if let o = resources?.peek("memory"), platform.memoryRequestMiB != mem.value {
                throw conflict(mem.at, "resources.memory", o, "memory request")
            }
            platform.memoryRequestMiB = mem.value
        }
        if let p = d.probe {
            if let o = own(m, "readinessProbe"), platform.probe != p.value { throw conflict(p.at, "readinessProbe", o, "probe") }
            platform.probe = p.value
            // The probe decides readiness, as with the scenario's readinessProbe.
            platform.phases["readiness"] = nil
        }
        if let g = d.grace {
            if let o = own(m, "terminationGracePeriodSeconds"), platform.terminationGrace != g.value {
                throw conflict(g.at, "terminationGracePeriodSeconds", o, "grace period")
            }
            platform.terminationGrace = g.value
        }
    }

    /// The image a container names: a key of the `images:` catalog, or the
    /// `name` of exactly one catalog image.
    static func catalogImage(_ i: Located<String>, _ catalog: [String: ImageSpec]) throws -> ImageSpec {
        if let image = catalog[i.value] { return image }
        let named = catalog.values.filter { $0.name == i.value }
        if named.count == 1 { return named[0] }
        let names = catalog.keys.sorted()
        let known = names.isEmpty ? "the images: catalog is empty" : "the images: catalog has \(names.joined(separator: ", "))"
        throw i.at.error("unknown image '\(Echo.value(i.value))'\(Suggestion.hint(i.value, names)); \(known)")
    }

    /// Strategy and timing from the manifest, `rollouts:` and `reconcileDelay:`.
    static func spec(_ m: ConfigMap, _ d: DeploymentManifest?, platform: PlatformSpec,
                     catalog: [String: ImageSpec]) throws -> DeploymentSpec {
        var spec = DeploymentSpec()
        if let d {
            spec.strategy = d.strategy
            spec.minReadySeconds = d.minReadySeconds
            spec.progressDeadlineSeconds = d.progressDeadlineSeconds
        }
        spec.rollouts = try rollouts(m, platform: platform, catalog: catalog)
        spec.reconcileDelay = try m.optional("reconcileDelay")?.duration() ?? spec.reconcileDelay
        return spec
    }

    /// `rollouts: [{at: 30m, image: app:v2}, ...]` in time order, each to an
    /// image (a catalog name or an inline `{name, layers}`) other than the
    /// revision running before it.
    static func rollouts(_ m: ConfigMap, platform: PlatformSpec, catalog: [String: ImageSpec]) throws -> [RolloutSpec] {
        guard let list = m.optional("rollouts") else { return [] }
        var out: [RolloutSpec] = []
        for item in try list.list() {
            let r = try item.map()
            let at = try r.required("at").duration()
            if let last = out.last, at < last.at { throw item.error("rollouts must be in time order") }
            let imageValue = try r.required("image")
            let previous = out.last?.image ?? platform.image
            let image: ImageSpec
            if catalog.isEmpty, case .scalar = imageValue.node {
                image = release(try imageValue.string(), of: previous)
            } else {
                image = try ImageConfig.resolve(imageValue, catalog: catalog)
            }
            try r.finish()
            if image == (out.last?.image ?? platform.image) {
                let before = out.isEmpty ? "the scenario's image" : "the image of the rollout before it"
                throw imageValue.error("image '\(Echo.value(image.name))' is \(before): a rollout needs a new image")
            }
            out.append(RolloutSpec(at: at, image: image))
        }
        return out
    }

    /// A new version named only by its tag, when no `images:` catalog
    /// describes it: the image before it with its top layer rebuilt (same
    /// size, new content), as an application release usually is. Our
    /// assumption, stated in the README; a catalog entry says otherwise.
    static func release(_ name: String, of previous: ImageSpec?) -> ImageSpec {
        guard var layers = previous?.layers, let top = layers.popLast() else { return ImageSpec(name: name, layers: []) }
        layers.append(.init(name: "\(name) top layer", bytes: top.bytes))
        return ImageSpec(name: name, layers: layers)
    }

    /// An HPA whose `scaleTargetRef` names a Deployment (`kind: Deployment`,
    /// `name`) must name this scenario's (`metadata.name`): capsim's HPA
    /// scales the Deployment of its scenario. Runs after `hpa:` was read.
    static func checkHPATarget(_ m: ConfigMap, _ d: DeploymentManifest?, directory: String) throws {
        guard let name = d?.name, let hpa = m.peek("hpa"), let ref = try hpaTarget(hpa, directory: directory) else { return }
        let r = ConfigMap(layers: [ref])
        guard r.peek("kind").flatMap({ try? $0.string() }) == "Deployment", let target = r.peek("name"),
              let targetName = try? target.string(), targetName != name.value else { return }
        throw target.error("the HPA targets Deployment '\(Echo.value(targetName))' but the scenario's Deployment is named "
                           + "'\(Echo.value(name.value))' (\(name.at.file):\(name.at.line.map(String.init) ?? "?"))")
    }

    /// The `scaleTargetRef` of `hpa:` in any of its forms (a manifest, a
    /// spec, or `{file: PATH}` holding either).
    static func hpaTarget(_ hpa: ConfigValue, directory: String, allowFile: Bool = true) throws -> ConfigValue? {
        let m = ConfigMap(layers: [hpa])
        if allowFile, let file = m.peek("file") {
            return try hpaTarget(ManifestFile.document(file, directory: directory, kind: "HorizontalPodAutoscaler"),
                                 directory: directory, allowFile: false)
        }
        if let spec = m.peek("spec") { return ConfigMap(layers: [spec]).peek("scaleTargetRef") }
        return m.peek("scaleTargetRef")
    }
}
