/// One lifecycle or controller event of a run (a row of events.csv): what
/// happened to which object, readable as a timeline.
///
/// `object` is `pod/N` (an instance; a restarted container keeps its pod's
/// number), `node/N`, `deployment`, `replicaset/N` (revision N), `endpoints`,
/// or the controller that rescaled (`hpa`, `scale-group`, `schedule`,
/// `cluster-autoscaler`); `kind` is a Kubernetes-style reason (README,
/// "Outputs" of "Deployments, rollouts and self-healing").
public struct TimelineEvent: Sendable, Codable, Equatable {
    public var time: Double
    public var object: String
    public var kind: String
    public var detail: String
    public init(time: Double, object: String, kind: String, detail: String = "") {
        self.time = time
        self.object = object
        self.kind = kind
        self.detail = detail
    }
}
