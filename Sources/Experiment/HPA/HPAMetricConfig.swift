import Model

/// One entry of an HPA's `spec.metrics`, validated as the Kubernetes API
/// server validates it:
/// ```yaml
/// - type: Resource                      # cpu or memory of the pods
///   resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
/// - type: Pods                          # a per-pod custom metric
///   pods: {metric: {name: http_requests}, target: {type: AverageValue, averageValue: "10"}}
/// - type: Object                        # one value describing an object
///   object:
///     describedObject: {apiVersion: v1, kind: Service, name: web}
///     metric: {name: queue_length}
///     target: {type: Value, value: "30"}          # or AverageValue
/// - type: External                      # a value from outside the cluster
///   external: {metric: {name: queue_messages}, target: {type: AverageValue, averageValue: "5"}}
/// ```
/// Quantities are Kubernetes quantities (`500m`, `2`, `256Mi`).
enum HPAMetricConfig {
    enum SourceType: String, CaseIterable {
        case Resource, Pods, Object, External, ContainerResource
    }

    enum TargetType: String, CaseIterable {
        case Utilization, Value, AverageValue
    }

    /// The key holding each type's source.
    static let sourceKeys: [SourceType: String] = [
        .Resource: "resource", .Pods: "pods", .Object: "object", .External: "external", .ContainerResource: "containerResource",
    ]

    static func read(_ v: ConfigValue) throws -> HPAMetricSpec {
        let m = try v.map()
        let typeValue = try m.required("type")
        let type = try typeValue.choice(SourceType.self, what: "metric type")
        if type == .ContainerResource {
            throw typeValue.error("ContainerResource metrics are not simulated (a capsim pod runs one container); use type Resource")
        }
        let key = sourceKeys[type] ?? ""
        for (other, otherKey) in sourceKeys where other != type {
            if let wrong = m.peek(otherKey) {
                throw wrong.error("a \(type.rawValue) metric takes '\(key):', not '\(otherKey):'")
            }
        }
        let source = try m.required(key).map()
        let spec: HPAMetricSpec
        switch type {
        case .Resource:
            let nameValue = try source.required("name")
            let name = try nameValue.string()
            guard name == "cpu" || name == "memory" else {
                throw nameValue.error("unknown resource '\(name)'\(Suggestion.hint(name, ["cpu", "memory"])); expected cpu or memory")
            }
            spec = HPAMetricSpec(source: .resource(name), target: try target(source, allowed: [.Utilization, .AverageValue], what: "Resource"))
        case .Pods:
            spec = HPAMetricSpec(source: .pods(try metricName(source)), target: try target(source, allowed: [.AverageValue], what: "Pods"))
        case .Object:
            let described = try source.required("describedObject").map()
            _ = try described.required("kind").string()
            _ = try described.required("name").string()
            _ = described.optional("apiVersion")
            try described.finish()
            spec = HPAMetricSpec(source: .object(try metricName(source)), target: try target(source, allowed: [.Value, .AverageValue], what: "Object"))
        case .External, .ContainerResource:
            spec = HPAMetricSpec(source: .external(try metricName(source)), target: try target(source, allowed: [.Value, .AverageValue], what: "External"))
        }
        try source.finish()
        try m.finish()
        return spec
    }

    /// `metric: {name, selector}`; the selector is accepted and ignored.
    static func metricName(_ source: ConfigMap) throws -> String {
        let metric = try source.map("metric") ?? { throw source.missing("metric") }()
        let name = try metric.required("name").string()
        _ = metric.optional("selector")
        try metric.finish()
        return name
    }

    /// `target: {type, averageUtilization | averageValue | value}`: exactly
    /// the field its type names, positive.
    static func target(_ source: ConfigMap, allowed: [TargetType], what: String) throws -> HPAMetricTarget {
        let t = try source.map("target") ?? { throw source.missing("target") }()
        let typeValue = try t.required("type")
        let type = try typeValue.choice(TargetType.self, what: "target type")
        if let u = t.peek("averageUtilization"), !allowed.contains(.Utilization) {
            throw u.error("averageUtilization is only allowed on a Resource metric; a \(what) metric takes \(allowed.map(\.rawValue).joined(separator: " or "))")
        }
        guard allowed.contains(type) else {
            throw typeValue.error("a \(what) metric's target type must be \(allowed.map(\.rawValue).joined(separator: " or ")), got \(type.rawValue)")
        }
        let field = ["Utilization": "averageUtilization", "Value": "value", "AverageValue": "averageValue"][type.rawValue] ?? ""
        for other in ["averageUtilization", "value", "averageValue"] where other != field {
            if let wrong = t.peek(other) {
                throw wrong.error("a target of type \(type.rawValue) takes '\(field)', not '\(other)'")
            }
        }
        let value = try t.required(field)
        let target: HPAMetricTarget
        switch type {
        case .Utilization: target = .utilization(try value.int(min: 1))
        case .Value: target = .value(try value.positiveQuantity())
        case .AverageValue: target = .averageValue(try value.positiveQuantity())
        }
        try t.finish()
        return target
    }
}
