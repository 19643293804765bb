import DequeModule
import SimCore

/// The events of the model: data, not closures, carrying small integer ids.
/// Kept within 7 bytes of payload so a queue entry stays 24 bytes.
public enum SimEvent: Sendable {
    case arrival
    case departure(request: Int32)
    case warmupEnd
    /// The last quarter of the statistics window begins (stability check).
    case tailStart
    case sample
    case scale(step: Int32)
    case hostScale(step: Int32)
    case hostReady(host: Int32)
    /// The current boot phase of an instance has ended.
    case phaseDone(instance: Int32)
    /// The registry latency before an instance's layer downloads has passed.
    case pullStart(instance: Int32)
    /// Layer downloads on a host may have finished (stale if the generation moved on).
    case pullProgress(host: Int32, generation: UInt16)
    /// A terminating instance's grace period is over.
    case terminationDeadline(instance: Int32)
    /// metrics-server scrapes every pod.
    case scrape
    /// The Cluster Autoscaler's periodic scan.
    case clusterScan
    /// A VM scale group's metric period ends.
    case groupPeriod
    /// The HPA controller's periodic sync.
    case hpaSync
    /// Scripted fault number `index` of `spec.faults`.
    case fault(index: Int32)
    /// An instance's drawn time to failure has passed (ignored unless it is still Ready).
    case failure(instance: Int32)
    /// The Deployment and ReplicaSet controllers reconcile (coalesced).
    case deploymentSync
    /// Rollout number `index` of `spec.deployment.rollouts` begins.
    case rollout(index: Int32)
    /// A rollout's progress deadline may have passed.
    case progressCheck(rollout: Int32)
    /// An instance has been Ready for minReadySeconds: it is available.
    case available(instance: Int32)
    /// A change of an instance's Ready state reaches the load balancer.
    case endpoint(instance: Int32, add: Bool)
    /// A crashed container's back-off is over: it starts again.
    case restartDue(instance: Int32)
    /// A dead VM or microVM is found by the health check.
    case healthCheckFailed(instance: Int32)
    /// A dead node is marked NotReady, then its pods are evicted.
    case nodeNotReady(host: Int32)
    case nodeEvicted(host: Int32)
}

/// One request in the system. Kept in a pool with a free list, so memory
/// grows with requests in flight, never with requests simulated.
struct Request {
    var arrival: Double
    var start: Double = 0
    var service: Double
    var instance: Int32
    /// Whether its statistics count (it arrived after the warm-up).
    var counted: Bool
    var departureEvent = EventID(sequence: 0)
    /// False once it has left and its slot is free for reuse.
    var live = true
}

struct RequestPool {
    private(set) var items: [Request] = []
    private var free: [Int32] = []

    var inUse: Int { items.count - free.count }

    mutating func add(_ r: Request) -> Int32 {
        if let id = free.popLast() {
            items[Int(id)] = r
            return id
        }
        items.append(r)
        return Int32(items.count - 1)
    }

    mutating func remove(_ id: Int32) {
        items[Int(id)].live = false
        free.append(id)
    }

    /// Ids of the requests in the system, in id order.
    func liveIDs() -> [Int32] {
        items.indices.filter { items[$0].live }.map { Int32($0) }
    }

    subscript(id: Int32) -> Request {
        get { items[Int(id)] }
        _modify { yield &items[Int(id)] }
    }
}

/// One instance (VM, container, microVM or bare server): `concurrency`
/// service slots and a FIFO queue, on a host, moving through its lifecycle.
struct Instance {
    var state: InstanceState = .pending
    var host: Int32 = -1
    private(set) var busy: Int32 = 0
    /// ∫ busy dt since the start (what metrics-server turns into CPU usage).
    private(set) var busyArea = 0.0
    private var busyChangedAt = 0.0
    /// Requests it accepted (served or queued), for per-pod request rates.
    var accepted = 0
    /// When its application process started (init phase or Ready): from then
    /// on metrics are scraped from it.
    var runningAt: Double = .nan
    var queue = Deque<Int32>()
    /// Whether it was part of the warm fleet at t = 0 (no boot record).
    var warm = false

    // Boot bookkeeping.
    var requestedAt: Double
    var placedAt: Double = .nan
    var readyAt: Double = .nan
    var terminatingAt: Double = .nan
    var goneAt: Double = .nan
    var phaseIndex = -1
    var phaseStart: Double = 0
    var phaseDurations: [Double] = []
    var phaseEvent: EventID?
    var layersOutstanding = 0
    /// Layers of its node's cache it uses (pinned until it is gone).
    var pinnedLayers: [String] = []
    var pullBytes: Double = 0
    var cachedBytes: Double = 0
    var deadlineEvent: EventID?
    /// For a replacement: when the instance it replaces was lost (NaN otherwise).
    var recovers: Double = .nan
    /// The Deployment revision whose template it runs (0: the first).
    var revision: Int32 = 0
    /// The pod it is: its own id, or for a restarted container the id of
    /// the pod's first container (events.csv names pods by it).
    var pod: Int32 = 0
    /// Consecutive restarts of its pod's container (CrashLoopBackOff).
    var restarts = 0
    /// A restarted container, not a boot (no boot record).
    var isRestart = false
    /// Whether the load balancer has it as an endpoint (it lags the Ready
    /// state by the endpoint propagation delay).
    var listed = false
    /// Dead, but nobody has noticed yet (a dead node or VM): its ReplicaSet
    /// still counts it.
    var unnoticed = false

    init(requestedAt: Double, phases: Int) {
        self.requestedAt = requestedAt
        self.phaseDurations = Array(repeating: .nan, count: phases)
    }

    /// Changes the busy slots, integrating the busy time up to `now`.
    mutating func changeBusy(by delta: Int32, at now: Double) {
        busyArea += Double(busy) * (now - busyChangedAt)
        busyChangedAt = now
        busy += delta
    }

    /// ∫ busy dt up to `now`.
    func busyArea(at now: Double) -> Double { busyArea + Double(busy) * (now - busyChangedAt) }

    /// Requests it holds: in service plus queued.
    var outstanding: Int { Int(busy) + queue.count }

    /// Counts toward the desired replicas (not on its way out).
    var isLive: Bool { state < .terminating }
}

/// A host or node: capacity, the instances on it, its layer cache and the
/// layer downloads that share its pull bandwidth.
struct Host {
    /// `draining`: cordoned by a scale-down, its instances being evicted.
    enum State { case booting, ready, draining, gone }
    var state: State
    /// When it was added (at t = 0 for the initial pool).
    var addedAt: Double
    var freeCpu: Double
    var freeMemoryMiB: Double
    var instances = 0
    var cache: LayerCache
    var downloads: DownloadSet
    /// Bumped at each reschedule so that stale completion events are ignored.
    var pullGeneration: UInt16 = 0
}

