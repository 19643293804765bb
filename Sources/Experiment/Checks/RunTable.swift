import Model

/// Every run's metrics of a study, in run order.
public typealias RunMetrics = (point: Int, scenario: Int, metrics: [Double])

/// The metrics of a whole study arranged by point, scenario and
/// replication, for estimates, paired differences and expectations.
public struct RunTable: Sendable {
    public let study: StudyDescription
    /// Per cell (point × scenarios + scenario), each replication's metrics in order.
    private let cells: [[[Double]]]

    public init(_ study: StudyDescription, runs: [RunMetrics]) {
        self.study = study
        var cells = Array(repeating: [[Double]](), count: study.pointCount * study.scenarios.count)
        for run in runs { cells[run.point * study.scenarios.count + run.scenario].append(run.metrics) }
        self.cells = cells
    }

    func column(_ metric: String) -> Int {
        guard let m = RunResult.metricNames.firstIndex(of: metric) else { preconditionFailure("unknown metric \(metric)") }
        return m
    }

    func scenarioIndex(_ name: String) -> Int {
        guard let s = study.scenarios.firstIndex(of: name) else { preconditionFailure("unknown scenario \(name)") }
        return s
    }

    /// One metric of one scenario at one point, in replication order.
    public func values(_ point: Int, _ scenario: String, _ metric: String) -> [Double] {
        let m = column(metric)
        return cells[point * study.scenarios.count + scenarioIndex(scenario)].map { $0[m] }
    }

    /// Per replication, `scenario`'s value minus `other`'s (common random
    /// numbers pair them), leaving out replications where either is
    /// undefined; and the other's values over the same replications.
    public func pairedDifferences(_ point: Int, _ scenario: String, minus other: String, metric: String)
        -> (diffs: [Double], base: [Double]) {
        let (a, b) = (values(point, scenario, metric), values(point, other, metric))
        var diffs: [Double] = []
        var base: [Double] = []
        for (x, y) in zip(a, b) where !x.isNaN && !y.isNaN {
            diffs.append(x - y)
            base.append(y)
        }
        return (diffs, base)
    }
}
