import DequeModule
import Histogram
import SimCore
import SimRandom

/// One replication of one scenario: the model's state and its event handler.
/// `Simulation.run` is a pure function of (spec, seed, replication).
public struct Simulation: EventHandler {
    let spec: ScenarioSpec
    var arrivals: ArrivalGenerator
    /// Separate streams per purpose, so that scenarios sharing a seed see the
    /// same arrivals and demands whatever else differs (common random numbers).
    let demandStream: RandomStream
    let balancerStream: RandomStream
    let bootStream: RandomStream
    let hostStream: RandomStream
    /// The HPA's sync offset.
    let hpaStream: RandomStream
    /// Times to failure (random failures).
    let failureStream: RandomStream
    let cpuFactor: Double
    let ioFactor: Double
    let concurrency: Int32
    let phaseNames: [String]
    /// Expected service time of a request (overhead included), NaN if infinite.
    let meanService: Double

    var requests = RequestPool()
    var instances: [Instance] = []
    /// The load balancer: its endpoints are the Ready instances.
    var balancer: LoadBalancer
    var hosts: [Host] = []
    /// Instances waiting for a host, first come first placed.
    var unplaced = Deque<Int32>()
    var desired: Int

    var gauges = Gauges()
    var counters = Counters()
    var latency = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000)
    var interval = IntervalCounters()
    var series: [TimeSeriesRow] = []
    var stability = StabilityCheck()
    var metricsServer = MetricsServer()
    var clusterAutoscaler: ClusterAutoscaler?
    var scaleGroup: ScaleGroup?
    /// The HPA's recommendations and scale events, carried from sync to sync.
    var hpaHistory = HPAHistory()
    /// The group's own busy-time marks per instance, for its metric periods.
    var groupMarks: [Double] = []
    var scaling = ScalingLog()
    /// The HPA's last reading of its first metric (timeseries `hpa_metric`).
    var hpaMetricSeen = Double.nan
    /// Time with no Ready instance, and losses awaiting their recovery.
    var availability = AvailabilityLog()
    /// The Deployment's ReplicaSets and rollouts.
    var deployment: DeploymentState
    /// Lifecycle and controller events (events.csv).
    var timeline: [TimelineEvent] = []
    /// Endpoints that can serve: listed by the load balancer and Ready.
    var serving = 0

    /// Receives each timeseries row as its interval closes, instead of the
    /// rows being held in the result (streaming output).
    var onRow: ((TimeSeriesRow) -> Void)?

    /// Runs one replication to `spec.duration`. With `onRow`, timeseries rows
    /// go to it as they are produced and `timeseries` of the result is empty.
    public static func run(_ spec: ScenarioSpec, seed: UInt64, replication: Int,
                           onRow: ((TimeSeriesRow) -> Void)? = nil) -> RunResult {
        var engine = Engine<SimEvent>()
        var sim = Simulation(spec: spec, seed: seed, replication: replication)
        sim.onRow = onRow
        sim.start(&engine)
        engine.run(until: spec.duration, &sim)
        sim.gauges.settle(at: spec.duration)
        sim.accrueExtra(spec.duration)
        return sim.result(events: engine.eventsHandled)
    }

    init(spec: ScenarioSpec, seed: UInt64, replication: Int) {
        self.spec = spec
        let stream = { RandomStream(seed: seed, replication: replication, name: $0) }
        arrivals = ArrivalGenerator(spec: spec.traffic, stream: stream("arrivals"))
        demandStream = stream("demand")
        balancerStream = stream("loadBalancer")
        bootStream = stream("boot")
        hostStream = stream("hosts")
        hpaStream = stream("hpa")
        failureStream = stream("failures")
        cpuFactor = 1 + spec.platform.cpuOverhead
        ioFactor = 1 + spec.platform.ioOverhead
        concurrency = Int32(spec.concurrency)
        phaseNames = spec.platform.kind.phaseNames
        let cpuMean = spec.demand.cpu.mean.map { $0 * (1 + spec.platform.cpuOverhead) }
        let ioMean = spec.demand.io.map { $0.mean.map { $0 * (1 + spec.platform.ioOverhead) } } ?? 0
        meanService = cpuMean.flatMap { c in ioMean.map { c + $0 } } ?? .nan
        desired = spec.replicas
        clusterAutoscaler = spec.autoscaling.clusterAutoscaler.map(ClusterAutoscaler.init)
        scaleGroup = spec.autoscaling.scaleGroup.map(ScaleGroup.init)
        scaling.replicasMax = spec.replicas
        balancer = LoadBalancer(policy: spec.loadBalancer)
        deployment = DeploymentState(replicas: spec.replicas)
        latency.autoResize = true
    }

    /// Sets up hosts, the warm fleet and the first events.
    mutating func start(_ engine: inout Engine<SimEvent>) {
        if let pool = spec.cluster.hosts {
            for _ in 0..<pool.count { addHost(ready: true, engine: &engine) }
        }
        for _ in 0..<spec.replicas { requestInstance(warm: true, engine: &engine) }
        if let first = arrivals.next(after: 0, horizon: spec.duration) { engine.schedule(.arrival, at: first) }
        // Statistics boundaries are urgent: an arrival at exactly t belongs
        // to the interval (and the window) that starts at t.
        if spec.warmup > 0 { engine.schedule(.warmupEnd, at: spec.warmup, urgent: true) }
        engine.schedule(.tailStart, at: StabilityCheck.tailStart(spec), urgent: true)
        engine.schedule(.sample, at: Swift.min(spec.timeseriesInterval, spec.duration), urgent: true)
        for (i, step) in spec.scaleSchedule.enumerated() { engine.schedule(.scale(step: Int32(i)), at: step.at) }
        for (i, step) in spec.cluster.hostSchedule.enumerated() {
            engine.schedule(.hostScale(step: Int32(i)), at: step.at)
        }
        startAutoscalers(&engine)
        for (k, f) in spec.faults.enumerated() { engine.schedule(.fault(index: Int32(k)), at: f.at) }
        if spec.workload == .deployment {
            for (k, r) in spec.deployment.rollouts.enumerated() { engine.schedule(.rollout(index: Int32(k)), at: r.at) }
        }
    }

    public mutating func handle(_ event: SimEvent, engine: inout Engine<SimEvent>) {
        switch event {
        case .arrival: arrive(&engine)
        case .departure(let id): depart(id, &engine)
        case .warmupEnd: gauges.reset(at: engine.now)
        case .tailStart: beginTail(engine.now)
        case .sample: sample(&engine)
        case .scale(let step):
            setDesired(spec.scaleSchedule[Int(step)].replicas, controller: "schedule", reason: "scaleSchedule", &engine)
        case .hostScale(let step):
            let before = poolSize
            scaleHosts(to: spec.cluster.hostSchedule[Int(step)].hosts, &engine)
            logNodes(before, controller: "schedule", reason: "hostSchedule", engine.now)
        case .hostReady(let h):
            // A host removed while it booted stays gone.
            guard hosts[Int(h)].state == .booting else { return }
            hosts[Int(h)].state = .ready
            note(engine.now, "node/\(h)", "NodeReady")
            placeUnplaced(&engine)
        case .phaseDone(let i): finishPhase(i, &engine)
        case .pullStart(let i): startDownloads(i, &engine)
        case .pullProgress(let h, let generation): pullProgress(h, generation, &engine)
        case .terminationDeadline(let i): dropHeldRequests(i, &engine)
        case .scrape: scrape(&engine)
        case .clusterScan: clusterScan(&engine)
        case .groupPeriod: groupPeriod(&engine)
        case .hpaSync: hpaSync(&engine)
        case .fault(let k): fault(spec.faults[Int(k)].target, &engine)
        case .failure(let i): fail(instance: i, &engine)
        case .deploymentSync: deploymentSync(&engine)
        case .rollout(let k): startRollout(Int(k), &engine)
        case .progressCheck(let k): progressCheck(Int(k), &engine)
        case .available(let i): podAvailable(i, &engine)
        case .endpoint(let i, let add): endpointChanged(i, add: add, engine.now)
        case .restartDue(let i): restartContainer(i, &engine)
        case .healthCheckFailed(let i): lossNoticed([i], &engine)
        case .nodeNotReady(let h): nodeNotReady(h, &engine)
        case .nodeEvicted(let h): nodeEvicted(h, &engine)
        }
    }
}

/// Request counters over the statistics window (arrivals after warm-up).
struct Counters {
    var requests = 0
    var completed = 0
    var rejected = 0
    var dropped = 0
    /// Requests lost with the instance that held them (a fault), or sent to
    /// an endpoint that was gone.
    var errors = 0
    var sloViolations = 0
    var waitSum = 0.0
    var latencySum = 0.0
    /// Completions at or after the warm-up, whatever their arrival (throughput).
    var completionsInWindow = 0
    var arrivalsSimulated = 0
    /// Every request that left, warm-up included (invariant checks).
    var all = (completed: 0, rejected: 0, dropped: 0, errors: 0)
    /// Service time (with overhead) of the window's arrivals, served or not.
    var offeredWork = 0.0
}

/// What the current timeseries interval has seen so far.
struct IntervalCounters {
    var start = 0.0
    var arrivals = 0
    var completions = 0
    var rejections = 0
    var latency = IntervalHistogram()
}
