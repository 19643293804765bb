/// A HorizontalPodAutoscaler's `spec` (autoscaling/v2), already validated:
/// replica bounds, the metrics it watches and, when set, its `behavior`
/// with the API defaults filled in.
///
/// `behavior == nil` selects the legacy normalization (scale-up cap
/// max(2x, 4) and the controller's downscale stabilization), exactly as
/// Kubernetes does when the field is absent.
public struct HPASpec: Sendable, Equatable {
    /// `minReplicas`; Kubernetes defaults it to 1. 0 is only meaningful with
    /// Object or External metrics (the `HPAScaleToZero` gate).
    public var minReplicas: Int
    public var maxReplicas: Int
    public var metrics: [HPAMetricSpec]
    public var behavior: HPABehavior?

    public init(minReplicas: Int = 1, maxReplicas: Int, metrics: [HPAMetricSpec], behavior: HPABehavior? = nil) {
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.metrics = metrics
        self.behavior = behavior
    }
}

/// One entry of `spec.metrics`: where the value comes from and its target.
public struct HPAMetricSpec: Sendable, Equatable {
    public var source: HPAMetricSource
    /// nil when the manifest set no target: the controller rejects the
    /// metric at evaluation time (it never passes API validation).
    public var target: HPAMetricTarget?

    public init(source: HPAMetricSource, target: HPAMetricTarget?) {
        self.source = source
        self.target = target
    }

    /// The metric's name: `cpu`, `memory`, `http_requests`, ...
    public var name: String {
        switch source {
        case .resource(let n), .pods(let n), .object(let n), .external(let n): return n
        case .unsupported(let type): return type
        }
    }
}

/// `type:` of a metric and the metric name it reads.
public enum HPAMetricSource: Sendable, Equatable {
    /// A resource of the pods (`cpu`, `memory`), from metrics-server.
    case resource(String)
    /// A per-pod custom metric (`http_requests`), averaged over the pods.
    case pods(String)
    /// One value describing an object (say, the load balancer's queue length).
    case object(String)
    /// A value from outside the cluster; several series are summed.
    case external(String)
    /// A metric source the controller does not know: it fails at evaluation
    /// ("unknown metric source type"). Config never produces it.
    case unsupported(String)

    /// The Kubernetes name of the source type.
    public var typeName: String {
        switch self {
        case .resource: return "Resource"
        case .pods: return "Pods"
        case .object: return "Object"
        case .external: return "External"
        case .unsupported(let t): return t
        }
    }
}

/// A metric target. Values are Kubernetes milli-units (`MilliValue()`):
/// 500m CPU is 500, a custom metric of 15 is 15000.
public enum HPAMetricTarget: Sendable, Equatable {
    /// `averageUtilization`: integer percent of the pods' requests.
    case utilization(Int)
    /// `averageValue`, per pod, in milli-units.
    case averageValue(Int64)
    /// `value` (Object and External), in milli-units.
    case value(Int64)
}
