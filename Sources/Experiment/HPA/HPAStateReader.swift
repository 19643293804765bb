import Foundation
import Model

/// One HPA sync's situation, for `capsim hpa explain`.
public struct HPAState: Sendable {
    public var spec: HPASpec
    public var config: HPAControllerConfig
    public var input: HPAInput
    public var history: HPAHistory
    public var now: Double

    /// The decision, by the one implementation (`HPA.decide`).
    public func decide() -> HPADecision {
        HPA.decide(spec: spec, config: config, input: input, history: history, now: now)
    }
}

/// Reads a state file for `capsim hpa explain`:
/// ```yaml
/// now: 600s                     # the sync's time (default 0)
/// hpa: {...}                    # manifest, spec, or {file: my-hpa.yaml}
/// hpaController: {...}          # optional flags (see HPAConfig)
/// currentReplicas: 4            # scale.spec.replicas
/// statusReplicas: 4             # optional; default currentReplicas
/// metricWindow: 60s             # window of every sample (default 60s)
/// pods:
///   - name: web-0
///     phase: Running            # Pending | Running | Succeeded | Failed
///     ready: true               # default true
///     deleting: false           # terminating (default false)
///     started: 0s               # start time; default 0
///     readySince: 20s           # last readiness transition; default: started
///     sampledAt: 600s           # time of the samples; default: now
///     requests: {cpu: 500m, memory: 256Mi}
///     metrics: {cpu: 400m, http_requests: "12"}   # a metric absent here is missing
/// objectMetrics: {queue_length: "30"}
/// externalMetrics: {queue_messages: ["10", "20"]}   # a list is summed
/// history:                      # omit for a first sync
///   recommendations: [{at: 550s, replicas: 6}]
///   scaleUps: [{at: 500s, change: 2}]
///   scaleDowns: []
/// ```
public enum HPAStateReader {
    public static func load(path: String) throws -> HPAState {
        let root = try ExperimentLoader.parse(path: path)
        let m = try root.map()
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let now = try m.optional("now")?.duration() ?? 0
        let spec = try HPAConfig.read(m.required("hpa"), directory: directory)
        let config = try HPAConfig.controller(m.optional("hpaController"))
        let current = try m.required("currentReplicas").int(min: 0)
        let status = try m.optional("statusReplicas")?.int(min: 0)
        let window = try m.optional("metricWindow")?.positiveDuration() ?? 60
        let pods = try (m.optional("pods")?.list() ?? []).map { try pod($0, now: now, window: window) }
        var input = HPAInput(specReplicas: current, statusReplicas: status, pods: pods)
        if let o = try m.map("objectMetrics") {
            for key in o.keys { input.objectMetrics[key] = try o.required(key).quantity() }
            try o.finish()
        }
        if let e = try m.map("externalMetrics") {
            for key in e.keys {
                let v = try e.required(key)
                if case .sequence = v.node { input.externalMetrics[key] = try v.list().map { try $0.quantity() } }
                else { input.externalMetrics[key] = [try v.quantity()] }
            }
            try e.finish()
        }
        let history = try self.history(m.map("history"))
        try m.finish()
        return HPAState(spec: spec, config: config, input: input, history: history, now: now)
    }

    static func pod(_ v: ConfigValue, now: Double, window: Double) throws -> HPAPod {
        let m = try v.map()
        let name = try m.required("name").string()
        let phase = try m.optional("phase")?.choice(HPAPod.Phase.self, what: "pod phase") ?? .running
        let started = try m.optional("started")?.duration() ?? 0
        var pod = HPAPod(name: name, phase: phase, deleting: try m.optional("deleting")?.bool() ?? false,
                         ready: try m.optional("ready")?.bool() ?? true, startTime: started,
                         readyTransitionTime: try m.optional("readySince")?.duration() ?? started)
        let sampledAt = try m.optional("sampledAt")?.duration() ?? now
        if let r = try m.map("requests") {
            for key in r.keys { pod.requests[key] = try r.required(key).quantity() }
            try r.finish()
        }
        if let s = try m.map("metrics") {
            for key in s.keys {
                pod.samples[key] = HPAMetricSample(value: try s.required(key).quantity(), timestamp: sampledAt, window: window)
            }
            try s.finish()
        }
        try m.finish()
        return pod
    }

    static func history(_ m: ConfigMap?) throws -> HPAHistory {
        guard let m else { return HPAHistory() }
        var h = HPAHistory()
        if let r = m.optional("recommendations") {
            h.recommendations = try r.list().map {
                let e = try $0.map()
                let rec = HPARecommendation(time: try e.required("at").duration(), replicas: try e.required("replicas").int(min: 0))
                try e.finish()
                return rec
            }
        }
        h.scaleUpEvents = try events(m.optional("scaleUps"))
        h.scaleDownEvents = try events(m.optional("scaleDowns"))
        try m.finish()
        return h
    }

    static func events(_ v: ConfigValue?) throws -> [HPAScaleEvent] {
        try (v?.list() ?? []).map {
            let e = try $0.map()
            let event = HPAScaleEvent(time: try e.required("at").duration(), replicaChange: try e.required("change").int(min: 1))
            try e.finish()
            return event
        }
    }
}

extension ConfigMap {
    /// The keys of the top mapping, in file order (for maps keyed by name).
    var keys: [String] {
        guard case .mapping(let m) = top.node else { return [] }
        return m.map { $0.key.string ?? "?" }
    }
}
