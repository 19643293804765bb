import Model

/// The CSV rows of one run, for every per-run file: the only place rows are
/// formatted, so the in-memory writer (`ResultFiles`) and the streaming one
/// (`StudyWriter`) give the same bytes.
struct RunRecords {
    let study: StudyDescription
    var phases: [String] { study.phases }

    init(_ study: StudyDescription) { self.study = study }

    var runsHeader: String { CSVFormat.row(study.pointHeader + ["scenario", "replication", "seed"] + RunResult.metricNames) }
    var bootsHeader: String {
        CSVFormat.row(study.pointHeader + ["scenario", "replication", "instance", "platform", "node", "requested_s", "ready_s",
                       "phase_pending_s"] + phases.map { "phase_\($0)_s" }
                      + ["pull_bytes", "cached_bytes", "terminating_s", "gone_s"])
    }
    var timeseriesHeader: String { CSVFormat.row(study.pointHeader + ["scenario", "replication"] + TimeSeriesRow.columns) }
    var scalingHeader: String { CSVFormat.row(study.pointHeader + ["scenario", "replication", "time_s", "controller", "from", "to", "reason"]) }
    var eventsHeader: String { CSVFormat.row(study.pointHeader + ["scenario", "replication", "time_s", "object", "kind", "detail"]) }

    /// The seed column: the experiment's seed, or with a sweep the point's.
    func runsRow(_ point: Int, _ scenario: Int, _ replication: Int, metrics: [Double]) -> String {
        let seed = study.swept ? study.pointSeeds[point] : study.seed
        return CSVFormat.row([prefix(point, scenario, replication), String(seed)] + metrics.map(CSVFormat.number))
    }

    func bootsRows(_ point: Int, _ scenario: Int, _ replication: Int, _ boots: [BootRecord]) -> String {
        let optional = { (x: Double?) -> String in x.map(CSVFormat.number) ?? "" }
        var out = ""
        for b in boots {
            var cells = [prefix(point, scenario, replication), String(b.instance), b.platform.rawValue, b.host >= 0 ? String(b.host) : ""]
            cells += [CSVFormat.number(b.requested), optional(b.ready), CSVFormat.number(b.pending)]
            cells += phases.map { optional(b.phases[$0]) }
            cells += [CSVFormat.number(b.pullBytes), CSVFormat.number(b.cachedBytes), optional(b.terminating), optional(b.gone)]
            out += CSVFormat.row(cells)
        }
        return out
    }

    func timeseriesRow(_ point: Int, _ scenario: Int, _ replication: Int, _ r: TimeSeriesRow) -> String {
        var out = ""
        appendTimeseriesRow(prefix(point, scenario, replication), r, to: &out)
        return out
    }

    /// Appends one timeseries.csv row (the hot part of writing a long run:
    /// one row per interval, so no intermediate arrays).
    func appendTimeseriesRow(_ prefix: String, _ r: TimeSeriesRow, to out: inout String) {
        func add(_ x: Double) { out += ","; CSVFormat.append(x, to: &out) }
        func add(_ n: Int) { out += ","; out += String(n) }
        out += prefix
        add(r.start); add(r.offeredRate)
        add(r.arrivals); add(r.completions); add(r.rejections); add(r.desired); add(r.pending); add(r.booting)
        add(r.ready); add(r.terminating); add(r.hosts); add(r.nodes)
        add(r.cpuUtilization); add(r.queueLength); add(r.latencyP95); add(r.hpaMetric)
        out += "\n"
    }

    /// `scenario,replication` (after the point's columns with a sweep), the
    /// start of every row of a run.
    func prefix(_ point: Int, _ scenario: Int, _ replication: Int) -> String {
        study.pointPrefix(point) + CSVFormat.field(study.scenarios[scenario]) + "," + String(replication)
    }

    func scalingRows(_ point: Int, _ scenario: Int, _ replication: Int, _ records: [ScalingRecord]) -> String {
        records.map { r in
            CSVFormat.row([prefix(point, scenario, replication), CSVFormat.number(r.time), r.controller, String(r.from), String(r.to),
                           CSVFormat.field(r.reason)])
        }.joined()
    }

    /// events.csv rows: one per timeline event, in the run's (time) order;
    /// `object`, `kind` and `detail` are quoted where they need it.
    func eventsRows(_ point: Int, _ scenario: Int, _ replication: Int, _ events: [TimelineEvent]) -> String {
        events.map { e in
            CSVFormat.row([prefix(point, scenario, replication), CSVFormat.number(e.time), CSVFormat.field(e.object),
                           CSVFormat.field(e.kind), CSVFormat.field(e.detail)])
        }.joined()
    }
}
