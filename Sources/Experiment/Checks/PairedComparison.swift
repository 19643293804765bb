import Model

/// `baseline: NAME`: every other scenario against the baseline scenario at
/// each point, paired replication by replication (the scenarios of a point
/// share arrivals and demands: common random numbers), for every metric.
public struct PairedComparison: Sendable {
    /// One row of comparison.csv.
    public struct Row: Sendable {
        public var point: Int
        public var scenario: String
        public var metric: String
        /// Of (scenario − baseline) over replications, 95% Student-t interval.
        public var difference: Estimate
        /// The mean difference over the baseline's mean (NaN when that is 0).
        public var relative: Double
        /// Whether the interval excludes zero.
        public var significant: Bool { difference.low > 0 || difference.high < 0 }
    }

    public let table: RunTable
    public let baseline: String

    public init(_ table: RunTable, baseline: String) {
        self.table = table
        self.baseline = baseline
    }

    /// Point, then scenario (the baseline left out), then metric order.
    public func rows() -> [Row] {
        let study = table.study
        return (0..<study.pointCount).flatMap { p in
            study.scenarios.filter { $0 != baseline }.flatMap { s in
                RunResult.metricNames.map { metric in
                    let (diffs, base) = table.pairedDifferences(p, s, minus: baseline, metric: metric)
                    let d = Estimate(diffs)
                    let baseMean = Estimate(base).mean
                    return Row(point: p, scenario: s, metric: metric, difference: d,
                               relative: baseMean == 0 || baseMean.isNaN ? .nan : d.mean / Swift.abs(baseMean))
                }
            }
        }
    }

    /// comparison.csv.
    func csv() -> String {
        let study = table.study
        var out = CSVFormat.row(study.pointHeader + ["scenario", "baseline", "metric", "n", "diff_mean", "diff_stddev",
                                                     "diff_ci95_low", "diff_ci95_high", "relative_diff", "significant"])
        for r in rows() {
            let e = r.difference
            out += study.pointPrefix(r.point)
            out += CSVFormat.row([CSVFormat.field(r.scenario), CSVFormat.field(baseline), r.metric, String(e.n),
                                  CSVFormat.number(e.mean), CSVFormat.number(e.stddev), CSVFormat.number(e.low),
                                  CSVFormat.number(e.high), CSVFormat.number(r.relative), r.significant ? "1" : "0"])
        }
        return out
    }
}
