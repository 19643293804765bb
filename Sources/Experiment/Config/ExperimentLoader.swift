import Foundation
import Model
import SimRandom
import Yams

/// Reads an experiment file into an `Experiment`, rejecting bad input with
/// one located sentence (`ConfigError`) before anything runs: every value
/// within `InputLimits`, and the expected work within `maxEvents`.
public enum ExperimentLoader {
    public static func load(path: String, maxEvents: Double = InputLimits.defaultMaxEvents) throws -> Experiment {
        let experiment = try StudyLoader.load(root: try parse(path: path), path: path)
        try checkBudget(experiment.work, maxEvents: maxEvents, file: path)
        return experiment
    }

    /// One point of a study: the file's tree (a sweep's values applied,
    /// the study sections `StudyLoader.keys` taken out) read as an experiment.
    static func loadPoint(root: ConfigValue, path: String) throws -> Experiment {
        let top = try root.map()
        // Taken out by StudyLoader; named here so a misspelt one gets a suggestion.
        for key in StudyLoader.keys { _ = top.optional(key) }
        let name = try Names.check(top.required("name"), what: "experiment name")
        let description = try top.optional("description")?.string() ?? ""
        let duration = try top.required("duration").positiveDuration()
        let warmupValue = top.optional("warmup")
        let warmup = try warmupValue?.duration() ?? 0
        if warmup >= duration, let w = warmupValue { throw w.error("must be shorter than duration") }
        let replications = try top.optional("replications")?.int(min: 1, max: InputLimits.maxReplications) ?? 1
        let seed = try readSeed(top.optional("seed"))
        guard let service = try top.map("service") else { throw top.missing("service") }
        let demand = try ServiceConfig.demand(service)
        let sloLatency = try ServiceConfig.slo(service)
        try service.finish()
        let traffic = top.optional("traffic")
        let output = try top.map("output")
        let interval = try output?.optional("timeseriesInterval")?.interval() ?? 10
        try output?.finish()
        let images = try ImageConfig.readCatalog(top.optional("images"))
        let context = ScenarioContext(
            configDirectory: URL(fileURLWithPath: path).deletingLastPathComponent().path,
            duration: duration, warmup: warmup, traffic: traffic, demand: demand, sloLatency: sloLatency,
            timeseriesInterval: interval, images: images)

        let list = try top.required("scenarios").list(max: InputLimits.maxScenarios)
        guard !list.isEmpty else { throw try top.required("scenarios").error("must list at least one scenario") }
        if list.count * replications > InputLimits.maxRuns {
            throw try top.required("scenarios").error(
                "\(list.count) scenarios × \(replications) replications make \(list.count * replications) runs, "
                + "more than the limit of \(InputLimits.maxRuns)")
        }
        var scenarios: [ScenarioSpec] = []
        var resolvedScenarios: [[String: Any]] = []
        var work = WorkEstimate()
        for item in list {
            let (spec, resolved) = try ScenarioConfig.read(item, context)
            if scenarios.contains(where: { $0.name == spec.name }) {
                throw item.error("duplicate scenario name '\(Echo.value(spec.name))'")
            }
            let run = try checkedRun(spec, item)
            work.runs += replications
            work.arrivals += run.arrivals * Double(replications)
            work.events += run.events * Double(replications)
            work.timeseriesRows += run.samples * Double(replications)
            work.bootRecords += run.instances * Double(replications)
            scenarios.append(spec)
            resolvedScenarios.append(resolved)
        }
        try top.finish()

        var resolved = top.resolved()
        resolved["scenarios"] = resolvedScenarios
        let files = inputFiles(resolved, directory: context.configDirectory)
        if !files.isEmpty { resolved["inputFiles"] = files }
        let json = try canonicalJSON(resolved)
        return Experiment(name: name, description: description, file: path, seed: seed,
                          replications: replications, scenarios: scenarios,
                          resolvedJSON: json, configHash: Hashing.fnv1a64Hex(json), work: work)
    }

    /// Every file the config names under a `file:` key (traces, HPA and
    /// Deployment manifests) with a hash of its bytes. They go into the
    /// resolved config, so that its hash, and a journal resumed under it,
    /// changes when one of those files does, not only when the YAML does.
    static func inputFiles(_ tree: Any, directory: String) -> [String: String] {
        var out: [String: String] = [:]
        func walk(_ node: Any) {
            if let map = node as? [String: Any] {
                for (key, value) in map {
                    if key == "file", let path = value as? String {
                        let full = path.hasPrefix("/") ? path : directory + "/" + path
                        let bytes = FileManager.default.contents(atPath: full) ?? Data()
                        out[path] = Hashing.fnv1a64Hex(String(decoding: bytes, as: UTF8.self))
                    } else {
                        walk(value)
                    }
                }
            } else if let list = node as? [Any] {
                list.forEach(walk)
            }
        }
        walk(tree)
        return out
    }

    /// One run's estimate, refused when its arrivals (which bound the
    /// requests it can hold), instances or hosts pass their limits.
    static func checkedRun(_ spec: ScenarioSpec, _ item: ConfigValue) throws -> WorkEstimate.Run {
        let run = WorkEstimate.run(spec)
        let show = WorkEstimate.show
        if !(run.arrivals <= InputLimits.maxArrivalsPerRun) {
            throw item.error("expects about \(show(run.arrivals)) arrivals per run (rate × duration), more than the "
                             + "limit of \(show(InputLimits.maxArrivalsPerRun)); shorten the duration or lower the rate")
        }
        if !(run.inFlight <= InputLimits.maxInFlight) {
            throw item.error("would hold about \(show(run.inFlight)) requests at once (arrivals outpace what its "
                             + "instances serve, or service outlasts the run), more than the limit of "
                             + "\(show(InputLimits.maxInFlight)); set queueLimit, add capacity or shorten the run")
        }
        if !(run.samples <= InputLimits.maxTimeseriesRowsPerRun) {
            throw item.error("writes about \(show(run.samples)) timeseries rows per run (duration ÷ "
                             + "output.timeseriesInterval), more than the limit of \(show(InputLimits.maxTimeseriesRowsPerRun)); "
                             + "lengthen output.timeseriesInterval")
        }
        if !(run.instances <= Double(InputLimits.maxInstancesPerRun)) {
            throw item.error("starts about \(show(run.instances)) instances per run (replicas and scale-ups), more than "
                             + "the limit of \(InputLimits.maxInstancesPerRun)")
        }
        if !(run.hosts <= Double(InputLimits.maxHostsPerRun)) {
            throw item.error("adds about \(show(run.hosts)) hosts per run (count and schedule), more than the limit of "
                             + "\(InputLimits.maxHostsPerRun)")
        }
        return run
    }

    /// Refuses an experiment whose expected events or timeseries rows pass their limits.
    static func checkBudget(_ work: WorkEstimate, maxEvents: Double, file: String) throws {
        let show = WorkEstimate.show
        if !(work.events <= maxEvents) {
            throw ConfigError(file: file, line: nil, path: "", message:
                "expects about \(show(work.events)) events in \(work.runs) runs (\(show(work.arrivals)) arrivals), "
                + "more than the limit of \(show(maxEvents)); pass --max-events to allow more")
        }
        if !(work.timeseriesRows <= InputLimits.maxTimeseriesRows) {
            throw ConfigError(file: file, line: nil, path: "", message:
                "expects about \(show(work.timeseriesRows)) timeseries rows in \(work.runs) runs, more than the limit of "
                + "\(show(InputLimits.maxTimeseriesRows)); lengthen output.timeseriesInterval")
        }
        if !(work.bootRecords <= InputLimits.maxBootRecords) {
            throw ConfigError(file: file, line: nil, path: "", message:
                "expects about \(show(work.bootRecords)) instance starts in \(work.runs) runs, more than the limit of "
                + "\(show(InputLimits.maxBootRecords)) rows of boots.csv")
        }
    }

    /// The YAML tree of a file, or a located error for a missing file or bad syntax.
    static func parse(path: String) throws -> ConfigValue {
        let text = try ConfigFile.read(path)
        try YAMLScreen.check(text, file: path)
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigError(file: path, line: nil, path: "", message: "the file is empty")
            }
            return ConfigValue(node: node, file: path, path: "")
        } catch let e as YamlError {
            throw yamlError(e, path)
        }
    }

    static func yamlError(_ e: YamlError, _ path: String) -> ConfigError {
        switch e {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ConfigError(file: path, line: mark.line, path: "", message: "YAML syntax error: \(Echo.value(problem))")
        case .reader(let problem, let offset, let value, let yaml):
            let line = offset.map { o in 1 + yaml.utf8.prefix(o).reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return ConfigError(file: path, line: line, path: "", message: "YAML syntax error: \(Echo.value(problem))\(character)")
        default:
            return ConfigError(file: path, line: nil, path: "", message: "YAML error: \(Echo.value("\(e)"))")
        }
    }

    static func readSeed(_ v: ConfigValue?) throws -> UInt64 {
        guard let v else { return 1 }
        let s = try v.string()
        guard let seed = UInt64(s) else { throw v.error("expected a whole number from 0 to 2^64-1, got '\(Echo.value(s))'") }
        return seed
    }

    static func canonicalJSON(_ object: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

/// Experiment-wide values every scenario starts from.
struct ScenarioContext {
    var configDirectory: String
    var duration: Double
    var warmup: Double
    var traffic: ConfigValue?
    var demand: DemandSpec
    var sloLatency: Double?
    var timeseriesInterval: Double
    var images: [String: ImageSpec]
    var cache = LoadCache()
}

enum Hashing {
    /// FNV-1a, 64 bits, as 16 hex digits: stable across machines and runs.
    static func fnv1a64Hex(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
