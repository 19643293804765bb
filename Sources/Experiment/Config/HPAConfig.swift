import Foundation
import Model

/// A scenario's `hpa:` and `hpaController:` values.
///
/// `hpa:` takes a Kubernetes `autoscaling/v2` HorizontalPodAutoscaler as
/// users paste it: the whole manifest (`apiVersion: autoscaling/v2`,
/// `kind: HorizontalPodAutoscaler`, `metadata` (ignored), `spec`, and
/// `status` (ignored)), or just the spec, or `{file: my-hpa.yaml}` read
/// from beside the config. Spec keys:
/// - `scaleTargetRef`: accepted and ignored (the HPA scales its scenario);
/// - `minReplicas` (default 1; 0 allowed, the `HPAScaleToZero` gate),
///   `maxReplicas` (required, at least `minReplicas`);
/// - `metrics`: a list (default: `cpu` at 80% `Utilization`, as the API
///   defaults it), see `HPAMetricConfig`;
/// - `behavior`: `scaleUp` / `scaleDown` rules, see `HPABehaviorConfig`.
///
/// `hpaController:` holds the controller-manager flags: `syncPeriod` (15s),
/// `tolerance` (0.1, or `{scaleUp, scaleDown}`), `cpuInitializationPeriod`
/// (5m), `initialReadinessDelay` (30s), `downscaleStabilization` (5m).
///
/// Bad manifests stop with one located sentence, following the Kubernetes
/// API validation rules.
public enum HPAConfig {
    /// Reads `hpa:`; `directory` is where `file:` paths are resolved.
    public static func read(_ v: ConfigValue, directory: String) throws -> HPASpec {
        let m = try v.map()
        if let file = m.optional("file") {
            try m.finish()
            return try read(ManifestFile.document(file, directory: directory, kind: "HorizontalPodAutoscaler"), directory: directory)
        }
        if m.has("apiVersion") || m.has("kind") || m.has("spec") {
            let api = try m.required("apiVersion")
            let version = try api.string()
            guard version == "autoscaling/v2" else {
                throw api.error("unsupported apiVersion '\(version)'; capsim reads autoscaling/v2 HorizontalPodAutoscalers")
            }
            let kind = try m.required("kind")
            guard try kind.string() == "HorizontalPodAutoscaler" else {
                throw kind.error("expected kind HorizontalPodAutoscaler, got '\(try kind.string())'")
            }
            if let meta = m.optional("metadata") { _ = try meta.map() }
            _ = m.optional("status")
            let spec = try self.spec(m.required("spec"))
            try m.finish()
            return spec
        }
        return try spec(v)
    }

    /// Reads a HorizontalPodAutoscalerSpec.
    static func spec(_ v: ConfigValue) throws -> HPASpec {
        let m = try v.map()
        _ = m.optional("scaleTargetRef")
        let minValue = m.optional("minReplicas")
        let minReplicas = try minValue?.int(min: 0) ?? 1
        let maxValue = try m.required("maxReplicas")
        let maxReplicas = try maxValue.int(min: 1)
        if let minValue, minReplicas > maxReplicas {
            throw minValue.error("minReplicas \(minReplicas) is greater than maxReplicas \(maxReplicas)")
        }
        var metrics = try (m.optional("metrics")?.list() ?? []).map(HPAMetricConfig.read)
        if metrics.isEmpty { metrics = [HPAMetricSpec(source: .resource("cpu"), target: .utilization(80))] }
        let behavior = try m.optional("behavior").map(HPABehaviorConfig.read)
        try m.finish()
        return HPASpec(minReplicas: minReplicas, maxReplicas: maxReplicas, metrics: metrics, behavior: behavior)
    }

    /// Reads `hpaController:`; nil gives Kubernetes' defaults.
    public static func controller(_ v: ConfigValue?) throws -> HPAControllerConfig {
        var c = HPAControllerConfig.kubernetes
        guard let v else { return c }
        let m = try v.map()
        if let s = m.optional("syncPeriod") { c.syncPeriod = try s.positiveDuration() }
        if let t = m.optional("tolerance") {
            if case .mapping = t.node {
                let tm = try t.map()
                c.tolerance = HPATolerances(scaleUp: try tm.optional("scaleUp")?.nonNegative() ?? 0.1,
                                            scaleDown: try tm.optional("scaleDown")?.nonNegative() ?? 0.1)
                try tm.finish()
            } else {
                c.tolerance = HPATolerances(try t.nonNegative())
            }
        }
        if let s = m.optional("cpuInitializationPeriod") { c.cpuInitializationPeriod = try s.duration() }
        if let s = m.optional("initialReadinessDelay") { c.initialReadinessDelay = try s.duration() }
        if let s = m.optional("downscaleStabilization") { c.downscaleStabilization = try s.duration() }
        try m.finish()
        return c
    }
}
