import Foundation
import Synchronization
import TestSupport
import XCTest

/// No input crashes or hangs capsim: every shipped experiment (and preset,
/// and two trace experiments) is cut to a short horizon and mutated
/// deterministically; each mutant goes through the built `capsim validate`,
/// and a few hundred that validate through `capsim run`, under a time and
/// a memory limit. Each must end with exit 0, or exit 2/3 and one `error:`
/// line naming a file of the mutant: never a signal, a backtrace or the
/// watchdog. `CAPSIM_FUZZ=10000` runs 10^4 validate mutants (and 10^3 runs);
/// `CAPSIM_FUZZ_SHOW=1` prints every refusal; `CAPSIM_FUZZ_MAX_EVENTS`
/// sets the runs' work budget (default 5e6).
final class ConfigFuzzTests: XCTestCase {
    /// A base experiment: its file text and the files beside it.
    struct Seed {
        var name: String
        var text: String
        var files: [String: String] = [:]
        /// A preset to mutate instead of the experiment (written to presets/).
        var preset: String?
    }

    /// One mutant on disk.
    struct Mutant: Sendable {
        var index: Int
        var directory: String
        var config: String
        var seed: String
    }

    /// The built binary beside the tests, or `CAPSIM_BIN` (to fuzz another build).
    var capsim: String {
        if let bin = ProcessInfo.processInfo.environment["CAPSIM_BIN"] { return bin }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("capsim").path,
            Fixtures.path(".build/release/capsim"), Fixtures.path(".build/debug/capsim"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }

    static var validateCount: Int { Int(ProcessInfo.processInfo.environment["CAPSIM_FUZZ"] ?? "") ?? 2_000 }

    func seeds() throws -> [Seed] {
        let fm = FileManager.default
        var out: [Seed] = []
        for folder in ["experiments", "experiments/validation", "experiments/seed-claims"] {
            for name in try fm.contentsOfDirectory(atPath: Fixtures.path(folder)).sorted() where name.hasSuffix(".yaml") {
                out.append(Seed(name: "\(folder)/\(name)",
                                text: try String(contentsOfFile: Fixtures.path("\(folder)/\(name)"), encoding: .utf8)))
            }
        }
        let study = try String(contentsOfFile: Fixtures.path("experiments/vm-vs-container.yaml"), encoding: .utf8)
        for name in try fm.contentsOfDirectory(atPath: Fixtures.path("experiments/presets")).sorted() where name.hasSuffix(".yaml") {
            // The study's first scenario uses the preset, so that its mutations matter.
            let preset = String(name.dropLast(5))
            let text = study.contains("preset: \(preset)")
                ? study : study.replacingOccurrences(of: "preset: public-cloud-vm", with: "preset: \(preset)")
            out.append(Seed(name: "experiments/presets/\(name)", text: text, preset: preset))
        }
        let mmc = try String(contentsOfFile: Fixtures.path("experiments/mmc.yaml"), encoding: .utf8)
        let rates = mmc.replacingOccurrences(of: "arrivals: poisson\n  rate: 9             # requests per second",
                                             with: "arrivals: trace\n  file: rates.csv\n  format: rates\n  interval: 30s")
        let times = mmc.replacingOccurrences(of: "arrivals: poisson\n  rate: 9             # requests per second",
                                             with: "arrivals: trace\n  file: times.csv\n  format: timestamps")
        XCTAssertNotEqual(rates, mmc, "the trace seeds no longer replace mmc.yaml's traffic")
        out.append(Seed(name: "trace rates", text: rates, files: ["rates.csv": "rate\n5\n9\n12\n7\n"]))
        out.append(Seed(name: "trace timestamps", text: times,
                        files: ["times.csv": "timestamp\n" + (0..<400).map { "\(Double($0) * 1.5)" }.joined(separator: "\n")]))
        return out
    }

    /// The same experiment over a short horizon: 660 s, 30 s of warm-up, 2 replications.
    static func shorten(_ text: String) -> String {
        text.components(separatedBy: "\n").map { line in
            if line.hasPrefix("duration:") { return "duration: 660s" }
            if line.hasPrefix("warmup:") { return "warmup: 30s" }
            if line.hasPrefix("replications:") { return "replications: 2" }
            return line
        }.joined(separator: "\n")
    }

    func makeMutants(_ count: Int, in root: URL) throws -> [Mutant] {
        let seeds = try seeds()
        var out: [Mutant] = []
        for i in 0..<count {
            let seed = seeds[i % seeds.count]
            var rng = SplitMix64(seed: UInt64(i) &* 0x9E37_79B9 &+ 7)
            let dir = root.appendingPathComponent("m\(i)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            var config = Self.shorten(seed.text)
            if let preset = seed.preset {
                let text = try String(contentsOfFile: Fixtures.path("experiments/presets/\(preset).yaml"), encoding: .utf8)
                let presets = dir.appendingPathComponent("presets")
                try FileManager.default.createDirectory(at: presets, withIntermediateDirectories: true)
                try Mutator.mutate(text, &rng).write(to: presets.appendingPathComponent("\(preset).yaml"),
                                                     atomically: false, encoding: .utf8)
            } else {
                config = Mutator.mutate(config, &rng)
            }
            for (name, text) in seed.files {
                let column = name == "rates.csv" ? "rate" : "timestamp"
                let body = rng.chance(0.5) ? Mutator.trace(column: column, &rng) : text
                try body.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
            }
            let file = dir.appendingPathComponent("x.yaml")
            try config.write(to: file, atomically: false, encoding: .utf8)
            out.append(Mutant(index: i, directory: dir.path + "/", config: file.path, seed: seed.name))
        }
        return out
    }

    /// Runs `arguments(mutant)` for every mutant, four processes at a time.
    func judge(_ mutants: [Mutant], limits: LimitedProcess,
               _ arguments: @Sendable (Mutant) -> [String]) -> [(Mutant, Verdict, LimitedProcess.Outcome)] {
        let next = Atomic<Int>(0)
        let results = Mutex<[(Mutant, Verdict, LimitedProcess.Outcome)]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            while true {
                let k = next.add(1, ordering: .relaxed).oldValue
                guard k < mutants.count else { return }
                let m = mutants[k]
                let outcome: LimitedProcess.Outcome
                do {
                    outcome = try limits.run(arguments(m))
                } catch {
                    outcome = .init(status: -1, signaled: false, timedOut: false, stderr: "\(error)", seconds: 0)
                }
                let verdict = Verdict.of(outcome, naming: [m.directory, "experiments/presets/"])
                results.withLock { $0.append((m, verdict, outcome)) }
            }
        }
        return results.withLock { $0 }.sorted { $0.0.index < $1.0.index }
    }

    func report(_ what: String, _ results: [(Mutant, Verdict, LimitedProcess.Outcome)], seconds: Double) {
        let counts = Verdict.allCases.map { v in "\(results.filter { $0.1 == v }.count) \(v.rawValue)" }
        let slowest = results.max { $0.2.seconds < $1.2.seconds }
        print("fuzz \(what): \(results.count) mutants in \(String(format: "%.1f", seconds)) s: "
              + counts.joined(separator: ", ")
              + (slowest.map { String(format: "; slowest %.1f s (mutant %d of %@)", $0.2.seconds, $0.0.index, $0.0.seed) } ?? ""))
        if ProcessInfo.processInfo.environment["CAPSIM_FUZZ_SHOW"] != nil {
            for (m, verdict, o) in results where verdict == .refused { print("\(m.index) \(m.seed): \(o.stderr.prefix(300))") }
        }
        for (m, verdict, o) in results where verdict != .ok && verdict != .refused {
            let text = (try? String(contentsOfFile: m.config, encoding: .utf8)) ?? ""
            XCTFail("\(what) mutant \(m.index) of \(m.seed) \(verdict.rawValue) (exit \(o.status), "
                    + "\(String(format: "%.1f", o.seconds)) s): \(o.stderr.prefix(600))\n--- config:\n\(text.prefix(1_500))")
        }
    }

    func testMutantsOfEveryShippedConfigNeverCrashOrHang() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: capsim), "build capsim first: \(capsim)")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let mutants = try makeMutants(Self.validateCount, in: root)

        var started = Date()
        let validate = LimitedProcess(executable: capsim, directory: Fixtures.root, seconds: 20, memoryKiB: 1_048_576)
        let checked = judge(mutants, limits: validate) { ["validate", $0.config] }
        report("validate", checked, seconds: Date().timeIntervalSince(started))
        XCTAssertGreaterThan(checked.filter { $0.1 == .ok }.count, Self.validateCount / 20, "too few mutants are valid")

        // The runs: mutants that validated, under a work budget the harness
        // sets as a user would (--max-events), so each ends in seconds.
        let runCount = Swift.max(300, Self.validateCount / 10)
        let valid = checked.filter { $0.1 == .ok }.map(\.0).prefix(runCount)
        started = Date()
        let run = LimitedProcess(executable: capsim, directory: Fixtures.root, seconds: 60, memoryKiB: 2_097_152)
        let budget = ProcessInfo.processInfo.environment["CAPSIM_FUZZ_MAX_EVENTS"] ?? "5e6"
        let ran = judge(Array(valid), limits: run) {
            ["run", $0.config, "--out", $0.directory + "out", "--jobs", "1", "--quiet", "--max-events", budget]
        }
        report("run", ran, seconds: Date().timeIntervalSince(started))
        XCTAssertGreaterThanOrEqual(ran.count, Swift.min(300, valid.count))
    }
}
