import Model

/// Warnings about results that look like numbers but cannot be trusted as
/// they stand: scenarios whose runs were overloaded (see `stable` in
/// runs.csv). One sentence per scenario, in scenario order, written to
/// stderr by `capsim run` and to the `warnings` list of manifest.json.
public enum RunWarnings {
    public static func make(_ study: StudyDescription, runs: [(scenario: Int, metrics: [Double])]) -> [String] {
        let column = { (name: String) in RunResult.metricNames.firstIndex(of: name)! }
        let (stable, load, unfinished, requests) = (column("stable"), column("offered_load"), column("unfinished"), column("requests"))
        return study.scenarios.indices.compactMap { s in
            let mine = runs.filter { $0.scenario == s }.map(\.metrics)
            let unstable = mine.filter { $0[stable] == 0 }
            guard !unstable.isEmpty else { return nil }
            let meanLoad = Estimate(unstable.map { $0[load] }).mean
            let meanUnfinished = unstable.map { $0[unfinished] }.reduce(0, +) / Double(unstable.count)
            let arrivals = unstable.map { $0[requests] }.reduce(0, +) / Double(unstable.count)
            let share = arrivals > 0 ? 100 * meanUnfinished / arrivals : 0
            return "scenario '\(study.scenarios[s])' is overloaded in \(unstable.count) of \(mine.count) "
                + "replication(s): offered load \(format(meanLoad)) × its Ready capacity, "
                + "\(format(meanUnfinished)) request(s) unfinished at the end on average (\(format(share))% of arrivals); "
                + "its latency metrics cover completed requests only and understate the truth"
        }
    }

    static func format(_ x: Double) -> String {
        if x.isNaN { return "undefined" }
        if x.isInfinite { return "infinite" }
        let rounded = (x * 100).rounded() / 100
        return CSVFormat.number(rounded)
    }
}
