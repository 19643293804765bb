/// The Cluster Autoscaler of one node pool, as kubernetes/autoscaler runs
/// it, in simulated time. Every `scanInterval` it looks at the pool
/// (`ClusterView`: what the API server shows, not the model's internals) and
/// returns what to do:
///
/// - **Scale-up** for pods that are Pending because they fit on no node:
///   first the free room of nodes still booting ("upcoming" nodes) is used,
///   then the remaining pods are bin-packed first-fit onto empty nodes of the
///   pool's template; that many nodes are added, up to `maxNodes`.
/// - **Scale-down** of a Ready node whose requested CPU and memory (each over
///   its allocatable capacity) stay below `scaleDownUtilizationThreshold`
///   and whose pods fit on the other nodes, once it has been so for
///   `scaleDownUnneededTime`, never within `scaleDownDelayAfterAdd` of a
///   scale-up, never below `minNodes`. Empty nodes go together; of the
///   others one per scan (its pods are evicted and rescheduled).
/// - A node still booting after `maxNodeProvisionTime` is deleted.
public struct ClusterAutoscaler: Sendable {
    public let spec: ClusterAutoscalerSpec
    /// Since when each node has been unneeded, by node id.
    public private(set) var unneededSince: [Int: Double] = [:]
    public private(set) var lastScaleUp = -Double.infinity

    public init(spec: ClusterAutoscalerSpec) { self.spec = spec }

    public enum Action: Equatable, Sendable {
        case addNodes(Int, reason: String)
        case removeNode(Int, reason: String)
    }

    /// One scan: what to add or remove, given the pool as it is now.
    public mutating func scan(_ view: ClusterView, now: Double) -> [Action] {
        var actions: [Action] = []
        let total = view.nodes.count
        for node in view.nodes where node.booting && now - node.since >= spec.maxNodeProvisionTime {
            actions.append(.removeNode(node.id, reason: "maxNodeProvisionTime"))
        }
        let needed = nodesNeeded(view)
        if needed > 0 {
            let room = Swift.max(0, spec.maxNodes - total)
            let add = Swift.min(needed, room)
            if add > 0 {
                actions.append(.addNodes(add, reason: add < needed ? "pendingPods,maxNodes" : "pendingPods"))
                lastScaleUp = now
            }
            // While pods wait for nodes, nothing is scaled down.
            unneededSince = [:]
            return actions
        }
        return actions + scaleDown(view, now: now)
    }

    /// New template nodes the Pending pods need, after the room of upcoming nodes.
    func nodesNeeded(_ view: ClusterView) -> Int {
        var bins = view.nodes.filter(\.booting).map(\.free)
        let upcoming = bins.count
        for pod in view.pendingPods where pod.fits(in: view.template) {
            if let b = bins.firstIndex(where: { pod.fits(in: $0) }) {
                bins[b].take(pod)
            } else {
                var fresh = view.template
                fresh.take(pod)
                bins.append(fresh)
            }
        }
        return bins.count - upcoming
    }

    mutating func scaleDown(_ view: ClusterView, now: Double) -> [Action] {
        var removable: [ClusterView.Node] = []
        var stillUnneeded: [Int: Double] = [:]
        for node in view.nodes where !node.booting && !node.draining {
            let others = view.nodes.filter { $0.id != node.id && !$0.booting && !$0.draining }.map(\.free)
            guard node.utilization < spec.scaleDownUtilizationThreshold,
                  Self.fitAll(node.pods, into: others) else { continue }
            let since = unneededSince[node.id] ?? now
            stillUnneeded[node.id] = since
            if now - since >= spec.scaleDownUnneededTime { removable.append(node) }
        }
        unneededSince = stillUnneeded
        guard now - lastScaleUp >= spec.scaleDownDelayAfterAdd else { return [] }
        var budget = view.nodes.filter { !$0.draining }.count - spec.minNodes
        var actions: [Action] = []
        for node in removable where node.pods.isEmpty && budget > 0 {
            actions.append(.removeNode(node.id, reason: "unneeded"))
            budget -= 1
        }
        if let busy = removable.first(where: { !$0.pods.isEmpty }), budget > 0 {
            actions.append(.removeNode(busy.id, reason: "unneeded"))
        }
        for case .removeNode(let id, _) in actions { unneededSince[id] = nil }
        return actions
    }

    /// Whether every pod fits, first fit, into the given free capacities.
    static func fitAll(_ pods: [ClusterView.Pod], into bins: [ClusterView.Capacity]) -> Bool {
        var bins = bins
        for pod in pods {
            guard let b = bins.firstIndex(where: { pod.fits(in: $0) }) else { return false }
            bins[b].take(pod)
        }
        return true
    }
}

/// The node pool as the Cluster Autoscaler sees it.
public struct ClusterView: Sendable {
    public struct Capacity: Sendable, Equatable {
        public var cpu: Double
        public var memoryMiB: Double
        /// Pods that may still be added (maxPods), or nil for no limit.
        public var pods: Int?
        public init(cpu: Double, memoryMiB: Double, pods: Int?) {
            self.cpu = cpu
            self.memoryMiB = memoryMiB
            self.pods = pods
        }
        mutating func take(_ pod: Pod) {
            cpu -= pod.cpu
            memoryMiB -= pod.memoryMiB
            pods = pods.map { $0 - 1 }
        }
    }

    public struct Pod: Sendable, Equatable {
        public var cpu: Double
        public var memoryMiB: Double
        public init(cpu: Double, memoryMiB: Double) {
            self.cpu = cpu
            self.memoryMiB = memoryMiB
        }
        func fits(in c: Capacity) -> Bool {
            cpu <= c.cpu + 1e-9 && memoryMiB <= c.memoryMiB + 1e-9 && (c.pods ?? 1) >= 1
        }
    }

    public struct Node: Sendable {
        public var id: Int
        public var booting: Bool
        /// Cordoned and being drained by an earlier scale-down.
        public var draining: Bool
        /// When it was asked for (booting) or last changed state.
        public var since: Double
        public var free: Capacity
        /// max(requested CPU / allocatable CPU, requested memory / allocatable memory).
        public var utilization: Double
        public var pods: [Pod]
        public init(id: Int, booting: Bool, draining: Bool, since: Double, free: Capacity, utilization: Double, pods: [Pod]) {
            self.id = id
            self.booting = booting
            self.draining = draining
            self.since = since
            self.free = free
            self.utilization = utilization
            self.pods = pods
        }
    }

    /// Every node not yet gone.
    public var nodes: [Node]
    /// Pods waiting for a node, in order.
    public var pendingPods: [Pod]
    /// The free capacity of a new, empty node of the pool.
    public var template: Capacity

    public init(nodes: [Node], pendingPods: [Pod], template: Capacity) {
        self.nodes = nodes
        self.pendingPods = pendingPods
        self.template = template
    }
}
