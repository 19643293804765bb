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
    let cpuFactor: Double
    let ioFactor: Double
    let concurrency: Int32
    let phaseNames: [String]

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

    /// Runs one replication to `spec.duration`.
    public static func run(_ spec: ScenarioSpec, seed: UInt64, replication: Int) -> RunResult {
        var engine = Engine<SimEvent>()
        var sim = Simulation(spec: spec, seed: seed, replication: replication)
        sim.start(&engine)
        engine.run(until: spec.duration, &sim)
        sim.gauges.settle(at: spec.duration)
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
        cpuFactor = 1 + spec.platform.cpuOverhead
        ioFactor = 1 + spec.platform.ioOverhead
        concurrency = Int32(spec.concurrency)
        phaseNames = spec.platform.kind.phaseNames
        desired = spec.replicas
        balancer = LoadBalancer(policy: spec.loadBalancer)
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
        engine.schedule(.sample, at: Swift.min(spec.timeseriesInterval, spec.duration), urgent: true)
        for (i, step) in spec.scaleSchedule.enumerated() { engine.schedule(.scale(step: Int32(i)), at: step.at) }
        for (i, step) in spec.cluster.hostSchedule.enumerated() {
            engine.schedule(.hostScale(step: Int32(i)), at: step.at)
        }
    }

    public mutating func handle(_ event: SimEvent, engine: inout Engine<SimEvent>) {
        switch event {
        case .arrival: arrive(&engine)
        case .departure(let id): depart(id, &engine)
        case .warmupEnd: gauges.reset(at: engine.now)
        case .sample: sample(&engine)
        case .scale(let step):
            desired = spec.scaleSchedule[Int(step)].replicas
            reconcile(&engine)
        case .hostScale(let step): scaleHosts(to: spec.cluster.hostSchedule[Int(step)].hosts, &engine)
        case .hostReady(let h):
            hosts[Int(h)].state = .ready
            placeUnplaced(&engine)
        case .phaseDone(let i): finishPhase(i, &engine)
        case .pullStart(let i): startDownloads(i, &engine)
        case .pullProgress(let h, let generation): pullProgress(h, generation, &engine)
        case .terminationDeadline(let i): dropHeldRequests(i, &engine)
        }
    }
}

/// Request counters over the statistics window (arrivals after warm-up).
struct Counters {
    var requests = 0
    var completed = 0
    var rejected = 0
    var dropped = 0
    var sloViolations = 0
    var waitSum = 0.0
    var latencySum = 0.0
    /// Completions at or after the warm-up, whatever their arrival (throughput).
    var completionsInWindow = 0
    var arrivalsSimulated = 0
}

/// What the current timeseries interval has seen so far.
struct IntervalCounters {
    var start = 0.0
    var arrivals = 0
    var completions = 0
    var rejections = 0
    var latency = IntervalHistogram()
}
