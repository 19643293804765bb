import Foundation

/// A conformance case file in the schema of `shared/hpa/README.md`: cases
/// transcribed from the Kubernetes HPA unit tests, each with the inputs of
/// one tested function and the replica count the test asserts.
public struct HPACase: Decodable, Sendable {
    public var name: String
    public var kind: String
    public var stage: String?
    public var inputs: Inputs
    public var expectedReplicas: Int?
    public var expectedExtras: [String: JSONValue]?
    public var assertedInSource: Bool?

    /// Reads every case of a JSON file (a list of cases).
    public static func load(path: String) throws -> [HPACase] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, path: "", message: "cannot read the file (does it exist?)")
        }
        do {
            return try JSONDecoder().decode([HPACase].self, from: data)
        } catch let DecodingError.dataCorrupted(context), let DecodingError.keyNotFound(_, context),
                let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let where_ = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            throw ConfigError(file: path, line: nil, path: where_, message: context.debugDescription)
        }
    }

    /// The union of every kind's and stage's inputs; each reads its own.
    public struct Inputs: Decodable, Sendable {
        var currentReplicas, specReplicas, statusReplicas, minReplicas, maxReplicas: Int?
        var metric: Metric?
        var metrics: [Metric]?
        var tolerance: Tolerance?
        var cpuInitializationPeriodSeconds, initialReadinessDelaySeconds, metricWindowSeconds: Double?
        var pods: [Pod]?
        var behavior: Behavior?
        var recommendationHistory: [Recommendation]?
        var scaleUpEvents, scaleDownEvents, prevEvents: [Event]?
        var downscaleStabilizationWindowSeconds, scaleUpLimitFactor, scaleUpLimitMinimum: Double?
        var prenormalizedDesiredReplicas: Int?
        var scaleUpStabilizationWindowSeconds, scaleDownStabilizationWindowSeconds: Double?
        var direction: String?
        var rules: Rules?
        var prevReplicas, replicaChange, sumWindowSeconds: Int?
    }

    struct Metric: Decodable, Sendable {
        var sourceType: String
        var name: String?
        var targetType: String?
        var target: Int64?
        var objectValueMilli: Int64?
        var externalValuesMilli: [Int64]?
        var extraneousPodValuesMilli: [Int64]?
        var fetchError: Bool?
    }

    struct Tolerance: Decodable, Sendable { var scaleUp, scaleDown: Double }

    struct Pod: Decodable, Sendable {
        var name: String
        var phase: String
        var ready: Bool
        var start: String
        var deleting: Bool
        var requestMilli: Int64?
        var values: [String: Int64?]
    }

    struct Behavior: Decodable, Sendable { var scaleUp, scaleDown: Rules? }

    struct Rules: Decodable, Sendable {
        var stabilizationWindowSeconds: Int?
        var selectPolicy: String?
        var policies: [Policy]?
    }

    struct Policy: Decodable, Sendable {
        var type: String
        var value: Int
        var periodSeconds: Int
    }

    struct Recommendation: Decodable, Sendable { var ageSeconds: Double; var replicas: Int }
    struct Event: Decodable, Sendable { var ageSeconds: Double; var replicaChange: Int }
}
