/// The documented bounds of everything capsim reads (README, "Limits"):
/// an input outside them is refused before anything runs, with one sentence
/// naming the value, so that no file can make a run overflow, trap, or take
/// unbounded time or memory. Each bound is far beyond what a real study
/// needs; the work budget (`maxEvents`) is the one a large valid study may
/// meet, and `--max-events` moves it.
public enum InputLimits {
    // MARK: Files

    /// Size of an experiment or preset file.
    public static let maxConfigBytes = 4 * 1_048_576
    /// Size of a trace CSV file, and its data rows.
    public static let maxTraceBytes = 128 * 1_048_576
    public static let maxTraceRows = 5_000_000

    // MARK: YAML structure (checked before composing, see `YAMLScreen`)

    /// Nested collections; real experiment files need fewer than 12.
    public static let maxNesting = 64
    /// Values of the document with every alias expanded where it is used.
    public static let maxExpandedValues = 200_000
    /// Bytes of scalar text with every alias expanded where it is used.
    public static let maxExpandedBytes = 16 * 1_048_576
    /// Keys of one mapping, items of one list (written, before aliases).
    public static let maxMappingKeys = 1_000
    public static let maxSequenceItems = 100_000

    // MARK: Counts

    public static let maxScenarios = 1_000
    public static let maxReplications = 10_000
    /// Scenarios × replications.
    public static let maxRuns = 100_000
    /// `replicas`, and each `scaleSchedule` step's replicas.
    public static let maxReplicas = 10_000
    /// Service slots per instance.
    public static let maxConcurrency = 1_000_000
    public static let maxQueueLimit = 1_000_000_000
    /// `hosts.count`, and each `hostSchedule` step's hosts.
    public static let maxHosts = 10_000
    public static let maxPodsPerHost = 1_000_000
    /// Entries of any list: schedule steps, traffic steps, Markov states,
    /// layers of an image, images, mixture components, empirical values.
    public static let maxListItems = 1_000
    public static let maxEmpiricalValues = 100_000
    public static let maxSuccessThreshold = 1_000
    public static let maxErlangK = 1_000_000
    /// Instances one run may start (warm fleet plus every scale-up), and
    /// hosts one run may add.
    public static let maxInstancesPerRun = 100_000
    public static let maxHostsPerRun = 10_000

    // MARK: Magnitudes

    /// Any duration or time of day: at most 10^9 s (about 31.7 years).
    public static let maxSeconds = 1e9
    /// Intervals that divide time (trace interval, timeseries interval,
    /// probe period, Markov state mean duration, diurnal period): at least 1 ms.
    public static let minInterval = 0.001
    /// Any rate in requests per second: zero, or from 10^-9 (one request in
    /// about 32 years) to 10^9.
    public static let maxRate = 1e9
    public static let minRate = 1e-9
    /// Any size in bytes (1 PB), bandwidths in bytes per second likewise;
    /// bandwidths at least 1 B/s.
    public static let maxBytes = 1e15
    public static let minBandwidth = 1.0
    /// Memory in MiB (1 PiB), CPU cores, prices per hour.
    public static let maxMebibytes = 1_073_741_824.0
    public static let maxCores = 1e6
    public static let maxPrice = 1e9
    /// Overhead factors (`overhead.cpu`, `overhead.io`): service × (1 + factor).
    public static let maxOverhead = 1_000.0
    /// Unitless distribution parameters (cv, sigma, shape, mu, weights).
    public static let maxPlain = 1e6
    /// Any other number or whole number a reader takes without naming its
    /// own bound (a key added later starts bounded): at most 10^9.
    public static let maxNumber = 1e9

    // MARK: Work

    /// Expected events of a whole experiment (arrivals, departures, thinning
    /// candidates, boots, samples; see `WorkEstimate`). About half a minute
    /// on two cores; a larger study passes `--max-events`.
    public static let defaultMaxEvents = 2e8
    /// Expected arrivals of one run: requests in flight can never exceed
    /// them, so this bounds a run's memory even when its queue grows without end.
    public static let maxArrivalsPerRun = 1e8
    /// Requests in the system at once in one run (fluid estimate, see
    /// `WorkEstimate`): each costs about 80 bytes while it waits.
    public static let maxInFlight = 5_000_000.0
    /// Timeseries rows of one run, and of the whole experiment: rows are
    /// streamed to the journal as they are produced (never held), so this
    /// bounds the disk the output takes (about 100 bytes a row).
    public static let maxTimeseriesRowsPerRun = 10_000_000.0
    public static let maxTimeseriesRows = 10_000_000.0
    /// Instance starts (boots.csv rows) of the whole experiment: a run holds
    /// its own until it ends.
    public static let maxBootRecords = 1_000_000.0
}
