import Experiment
import Foundation
import Model
import TestSupport
import XCTest

/// events.csv: one row per timeline event, `<point columns>,scenario,
/// replication,time_s,object,kind,detail`, in run order then in the order of
/// each run's timeline, quoted where a cell needs it; the same bytes from
/// the in-memory writer, the journal, merged shards, any `--jobs` and a
/// killed then resumed study.
final class EventsFileTests: XCTestCase {
    static let study = """
        name: events
        duration: 20s
        replications: 2
        seed: 5
        traffic: {arrivals: poisson, rate: 4}
        service:
          demand: {distribution: exponential, mean: 100ms}
        scenarios:
          - {name: a, replicas: 2, concurrency: 2}
          - {name: b, replicas: 1, concurrency: 2}
        """

    /// A hand-made timeline for one run: two events at the same instant
    /// (their order must be kept), a detail with a comma, one with quotes.
    static func timeline(scenario: Int, replication: Int) -> [TimelineEvent] {
        let t = Double(10 * scenario + replication)
        return [
            TimelineEvent(time: t, object: "pod/0", kind: "Killing", detail: "fault: kill pod"),
            TimelineEvent(time: t, object: "pod/2", kind: "Scheduled", detail: "node 1, after 0 s pending"),
            TimelineEvent(time: t + 1.25, object: "endpoints", kind: "EndpointAdded", detail: "pod/2 \"ready\""),
            TimelineEvent(time: t + 2, object: "replicaset/1", kind: "ScalingReplicaSet"),
        ]
    }

    /// The study's runs with their timelines replaced by `timeline`'s
    /// (the hand-made ones by default).
    func runsWithTimelines(_ experiment: Experiment,
                           _ timeline: (Int, Int) -> [TimelineEvent] = timeline) throws -> [Runner.Run] {
        var runs = try Runner.run(experiment, jobs: 1)
        for i in runs.indices {
            runs[i].result.timeline = timeline(runs[i].scenario, runs[i].replication)
        }
        return runs
    }

    func eventsFile(_ experiment: Experiment, _ runs: [Runner.Run]) throws -> String {
        let dir = try temporaryFolder()
        try ResultFiles(experiment: experiment, runs: runs).write(to: dir.path)
        return try String(contentsOf: dir.appendingPathComponent("events.csv"), encoding: .utf8)
    }

    func testTheHeaderIsTheRunColumnsThenTimeObjectKindDetail() throws {
        let experiment = try loadConfig(Self.study)
        let header = "scenario,replication,time_s,object,kind,detail\n"
        XCTAssertEqual(try eventsFile(experiment, try runsWithTimelines(experiment) { _, _ in [] }), header, "no events, no rows")
        XCTAssertTrue(try eventsFile(experiment, try Runner.run(experiment, jobs: 1)).hasPrefix(header))
    }

    func testASweepPutsThePointColumnsFirst() throws {
        let experiment = try loadConfig(Self.study + "\nsweep:\n  grid:\n    traffic.rate: [2, 3]")
        let text = try eventsFile(experiment, try runsWithTimelines(experiment))
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.first, "point,traffic.rate,scenario,replication,time_s,object,kind,detail")
        XCTAssertEqual(lines.count, 1 + 2 * 2 * 2 * 4)
        XCTAssertEqual(lines.last, "1,3,b,1,13,replicaset/1,ScalingReplicaSet,")
    }

    func testRowsFollowRunOrderThenTheTimelineOrderWithQuoting() throws {
        let experiment = try loadConfig(Self.study)
        let text = try eventsFile(experiment, try runsWithTimelines(experiment))
        var expected = "scenario,replication,time_s,object,kind,detail\n"
        for (scenario, s) in [("a", 0), ("b", 1)] {
            for r in 0..<2 {
                let t = 10 * s + r
                expected += "\(scenario),\(r),\(t),pod/0,Killing,fault: kill pod\n"
                    + "\(scenario),\(r),\(t),pod/2,Scheduled,\"node 1, after 0 s pending\"\n"
                    + "\(scenario),\(r),\(t + 1).25,endpoints,EndpointAdded,\"pod/2 \"\"ready\"\"\"\n"
                    + "\(scenario),\(r),\(t + 2),replicaset/1,ScalingReplicaSet,\n"
            }
        }
        XCTAssertEqual(text, expected)
    }

    func testAQuotedDetailReadsBackAsWritten() throws {
        let experiment = try loadConfig(Self.study)
        let detail = "a, \"b\"\nc"
        let runs = try runsWithTimelines(experiment) { s, r in
            s + r == 0 ? [TimelineEvent(time: 0.5, object: "deployment", kind: "RolloutStarted", detail: detail)] : []
        }
        let text = try eventsFile(experiment, runs)
        let body = try XCTUnwrap(text.split(separator: "\n", maxSplits: 1).last)
        XCTAssertEqual(CSVCells.parse(String(body.dropLast())), ["a", "0", "0.5", "deployment", "RolloutStarted", detail])
    }

    /// Shards' journals get the hand-made events records in place of the
    /// model's (where `capsim run` appends them, before each run's runs.csv
    /// record); the merge writes them in run order, byte for byte the
    /// in-memory writer's file.
    func testJournalledEventsAreMergedInRunOrder() throws {
        let experiment = try loadConfig(Self.study)
        let dir = try temporaryFolder()
        let expected = try eventsFile(experiment, try runsWithTimelines(experiment))
        var rows: [Int: String] = [:]
        for line in expected.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", maxSplits: 2)
            let run = (cells[0] == "a" ? 0 : 2) + (Int(cells[1]) ?? -1)
            rows[run, default: ""] += line + "\n"
        }
        XCTAssertEqual(rows.count, 4)
        let parts = try (0..<2).map { k in
            let path = dir.appendingPathComponent("shard-\(k)").path
            _ = try Study.run(experiment, directory: path, jobs: 1, shard: Shard(index: k, count: 2))
            try JournalRecords.replaceEvents(with: rows, in: URL(fileURLWithPath: path).appendingPathComponent(".journal"))
            return path
        }
        let merged = dir.appendingPathComponent("merged")
        _ = try Study.merge(parts.reversed(), into: merged.path)
        XCTAssertEqual(try String(contentsOf: merged.appendingPathComponent("events.csv"), encoding: .utf8), expected)
    }

    /// Six pod kills per study: 3 replications of a deployment and of bare
    /// pods; the kill takes the lowest-id Ready instance, pod/0, and is
    /// written as `Lost` (`Killing` is a scale-down's graceful termination).
    static let killed = """
        name: killed
        duration: 30s
        replications: 3
        seed: 3
        traffic: {arrivals: poisson, rate: 5}
        service:
          demand: {distribution: exponential, mean: 100ms}
        scenarios:
          - {name: deployment, replicas: 2, concurrency: 2, faults: [{at: 5s, kill: pod}]}
          - {name: pods, workload: pods, replicas: 2, concurrency: 2, faults: [{at: 5s, kill: pod}]}
        """

    func testAKilledPodsEventsAreTheSameBytesWhateverJobs() throws {
        let config = try writeConfig(Self.killed)
        let dir = URL(fileURLWithPath: config).deletingLastPathComponent()
        var files: [String] = []
        for jobs in ["1", "2"] {
            let out = dir.appendingPathComponent("jobs-\(jobs)")
            let r = try CapsimBinary.run(["run", config, "--out", out.path, "--jobs", jobs, "--quiet"])
            XCTAssertEqual(r.status, 0, r.err)
            files.append(try String(contentsOf: out.appendingPathComponent("events.csv"), encoding: .utf8))
        }
        XCTAssertEqual(files[0], files[1])
        XCTAssertTrue(files[0].hasPrefix("scenario,replication,time_s,object,kind,detail\n"), files[0])
        for scenario in ["deployment", "pods"] {
            for r in 0..<3 {
                XCTAssertTrue(files[0].contains("\n\(scenario),\(r),5,pod/0,Lost,pod killed\n"), "\(scenario) \(r): \(files[0])")
            }
        }
    }

    /// Kills `capsim run` part way, runs it again, and compares events.csv
    /// with an uninterrupted run's.
    func testAKilledStudyResumesToTheSameEvents() throws {
        let config = try writeConfig(Self.killed.replacingOccurrences(of: "duration: 30s", with: "duration: 1000s")
            .replacingOccurrences(of: "replications: 3", with: "replications: 40")
            .replacingOccurrences(of: "rate: 5}", with: "rate: 40}"))
        let dir = URL(fileURLWithPath: config).deletingLastPathComponent()
        let killed = dir.appendingPathComponent("killed")
        XCTAssertTrue(try CapsimBinary.runAndKill(config: config, out: killed),
                      "the study ended before it could be killed: make it longer")
        let resumed = try CapsimBinary.run(["run", config, "--out", killed.path, "--jobs", "1"])
        XCTAssertEqual(resumed.status, 0, resumed.err)
        XCTAssertTrue(resumed.out.contains("reused from an interrupted attempt"), resumed.out)
        let whole = dir.appendingPathComponent("whole")
        XCTAssertEqual(try CapsimBinary.run(["run", config, "--out", whole.path, "--jobs", "2", "--quiet"]).status, 0)
        let events = try String(contentsOf: whole.appendingPathComponent("events.csv"), encoding: .utf8)
        XCTAssertEqual(events.components(separatedBy: ",Lost,pod killed\n").count - 1, 80, "one kill per run")
        for file in ["events.csv", "runs.csv"] {
            XCTAssertEqual(try Data(contentsOf: killed.appendingPathComponent(file)),
                           try Data(contentsOf: whole.appendingPathComponent(file)), file)
        }
    }
}

/// The journal's records (`@<run> <kind> <bytes>\n` then the bytes), edited
/// as a test needs.
enum JournalRecords {
    /// Drops the events records and adds one holding `rows[run]` before each
    /// run's runs.csv record, in every segment under `journal`.
    static func replaceEvents(with rows: [Int: String], in journal: URL) throws {
        let files = FileManager.default.enumerator(at: journal, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasPrefix("segment-") } ?? []
        XCTAssertFalse(files.isEmpty, "no journal segment under \(journal.path)")
        for file in files {
            var bytes = Array(try Data(contentsOf: file))[...]
            var out = Data()
            while let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                let header = String(decoding: bytes[bytes.startIndex..<newline], as: UTF8.self)
                let fields = header.dropFirst().split(separator: " ")
                let run = Int(fields[0]) ?? -1, length = Int(fields[2]) ?? 0
                if fields[1] == "R", let text = rows[run] {
                    out.append(contentsOf: "@\(run) E \(text.utf8.count)\n\(text)".utf8)
                }
                if fields[1] != "E" { out.append(contentsOf: bytes[bytes.startIndex...(newline + length)]) }
                bytes = bytes[(newline + 1 + length)...]
            }
            try out.write(to: file)
        }
    }
}

/// One RFC 4180 record read back into its cells.
enum CSVCells {
    static func parse(_ line: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false, previous: Character = " "
        for c in line {
            if quoted {
                if c == "\"" { quoted = false } else { cell.append(c) }
            } else if c == "\"" {
                if previous == "\"" { cell.append(c) }
                quoted = true
            } else if c == "," {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
            previous = c
        }
        return cells + [cell]
    }
}
