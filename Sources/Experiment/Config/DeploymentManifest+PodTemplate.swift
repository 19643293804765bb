import Model

/// The pod template of a Deployment: its one container's image, requests
/// and readiness probe, and the pod's termination grace period.
extension DeploymentManifest {
    /// ObjectMeta fields (of the Deployment and of its pod template).
    static let objectMetaKeys = [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
        "managedFields",
    ]

    /// PodSpec fields capsim ignores (`containers` and
    /// `terminationGracePeriodSeconds` are read).
    static let ignoredPodSpecKeys = [
        "volumes", "initContainers", "ephemeralContainers", "restartPolicy", "activeDeadlineSeconds", "dnsPolicy",
        "nodeSelector", "serviceAccountName", "serviceAccount", "automountServiceAccountToken", "nodeName",
        "hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace", "securityContext", "imagePullSecrets", "hostname",
        "subdomain", "affinity", "schedulerName", "tolerations", "hostAliases", "priorityClassName", "priority",
        "dnsConfig", "readinessGates", "runtimeClassName", "enableServiceLinks", "preemptionPolicy", "overhead",
        "topologySpreadConstraints", "setHostnameAsFQDN", "os", "hostUsers", "schedulingGates", "resourceClaims",
        "resources",
    ]

    /// Container fields capsim ignores (`image`, `resources` and
    /// `readinessProbe` are read).
    static let ignoredContainerKeys = [
        "name", "command", "args", "workingDir", "ports", "envFrom", "env", "resizePolicy", "restartPolicy",
        "volumeMounts", "volumeDevices", "livenessProbe", "startupProbe", "lifecycle", "terminationMessagePath",
        "terminationMessagePolicy", "imagePullPolicy", "securityContext", "stdin", "stdinOnce", "tty",
    ]

    /// Probe fields capsim ignores: a probe here succeeds once the
    /// application is ready, whatever it checks.
    static let ignoredProbeKeys = [
        "failureThreshold", "timeoutSeconds", "terminationGracePeriodSeconds", "httpGet", "tcpSocket", "exec", "grpc",
    ]

    /// Checks an ObjectMeta's keys; returns its `name`.
    static func objectMeta(_ v: ConfigValue) throws -> Located<String>? {
        let m = try v.map()
        for key in objectMetaKeys where key != "name" { _ = m.optional(key) }
        let name = try m.optional("name").map { Located(value: try $0.string(), at: $0) }
        try m.finish()
        return name
    }

    /// A PodTemplateSpec: `metadata` (ignored) and `spec`.
    mutating func readTemplate(_ v: ConfigValue) throws {
        let t = try v.map()
        if let meta = t.optional("metadata") { _ = try Self.objectMeta(meta) }
        if let spec = t.optional("spec") { try readPodSpec(spec) }
        try t.finish()
    }

    mutating func readPodSpec(_ v: ConfigValue) throws {
        let p = try v.map()
        for key in Self.ignoredPodSpecKeys { _ = p.optional(key) }
        if let g = p.optional("terminationGracePeriodSeconds") { grace = Located(value: try g.duration(), at: g) }
        let list = try p.required("containers")
        let containers = try list.list()
        guard containers.count == 1 else {
            throw list.error(containers.isEmpty ? "lists no container; capsim models one container per pod"
                : "lists \(containers.count) containers; capsim models one container per pod (keep the one that serves the requests)")
        }
        try readContainer(containers[0])
        try p.finish()
    }

    mutating func readContainer(_ v: ConfigValue) throws {
        let c = try v.map()
        for key in Self.ignoredContainerKeys { _ = c.optional(key) }
        if let i = c.optional("image") { image = Located(value: try i.string(), at: i) }
        if let r = c.optional("resources") { try readResources(r) }
        if let p = c.optional("readinessProbe") { probe = Located(value: try Self.probe(p), at: p) }
        try c.finish()
    }

    /// `resources: {requests, limits, claims}`. As in Kubernetes, a limit
    /// given without its request is the request too.
    mutating func readResources(_ v: ConfigValue) throws {
        let r = try v.map()
        _ = r.optional("claims")
        let requests = try r.optional("requests").map(Self.resourceList) ?? [:]
        let limits = try r.optional("limits").map(Self.resourceList) ?? [:]
        try r.finish()
        if let q = requests["cpu"] ?? limits["cpu"] {
            let cores = Double(try q.quantity()) / 1000
            guard cores >= 0 else { throw q.error("must not be negative, got '\(Echo.value(try q.string()))'") }
            guard cores <= InputLimits.maxCores else { throw q.error("must be at most 1000000 cores, got '\(Echo.value(try q.string()))'") }
            cpu = Located(value: cores, at: q)
        }
        if let q = requests["memory"] ?? limits["memory"] {
            let mib = Double(try q.quantity()) / 1000 / 1_048_576
            guard mib >= 0 else { throw q.error("must not be negative, got '\(Echo.value(try q.string()))'") }
            guard mib <= InputLimits.maxMebibytes else { throw q.error("must be at most 1Pi, got '\(Echo.value(try q.string()))'") }
            memoryMiB = Located(value: mib, at: q)
        }
    }

    /// A ResourceList's `cpu` and `memory`; `ephemeral-storage`,
    /// `hugepages-*` and extended resources (`vendor.com/gpu`) are ignored.
    static func resourceList(_ v: ConfigValue) throws -> [String: ConfigValue] {
        let m = try v.map()
        if case .mapping(let entries) = v.node {
            for (key, _) in entries {
                let name = key.string ?? ""
                if name == "ephemeral-storage" || name.hasPrefix("hugepages-") || name.contains("/") { _ = m.optional(name) }
            }
        }
        var out: [String: ConfigValue] = [:]
        for name in ["cpu", "memory"] { out[name] = m.optional(name) }
        try m.finish()
        return out
    }

    /// A readinessProbe: `initialDelaySeconds` (0), `periodSeconds` (10),
    /// `successThreshold` (1); the rest is accepted and ignored.
    static func probe(_ v: ConfigValue) throws -> ReadinessProbe {
        let p = try v.map()
        for key in ignoredProbeKeys { _ = p.optional(key) }
        let probe = ReadinessProbe(
            initialDelay: try p.optional("initialDelaySeconds")?.duration() ?? 0,
            period: try p.optional("periodSeconds")?.interval() ?? 10,
            successThreshold: try p.optional("successThreshold")?.int(min: 1, max: InputLimits.maxSuccessThreshold) ?? 1)
        try p.finish()
        return probe
    }
}
