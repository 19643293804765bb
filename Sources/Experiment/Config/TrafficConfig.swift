import Foundation
import Model

/// `traffic:`: the arrival process.
enum TrafficConfig {
    static let kinds = ["poisson", "diurnal", "ramp", "steps", "spike", "mmpp", "trace"]

    static func read(_ value: ConfigValue, directory: String, cache: LoadCache) throws -> TrafficSpec {
        let m = try value.map()
        let kindValue = try m.required("arrivals")
        let kind = try kindValue.string()
        func rate(_ key: String) throws -> Double { try m.required(key).rate(zero: true) }
        func time(_ key: String) throws -> Double { try m.required(key).duration() }
        let spec: TrafficSpec
        switch kind {
        case "poisson":
            spec = .poisson(rate: try m.required("rate").rate(zero: false))
        case "diurnal":
            let mean = try rate("mean")
            let amplitude = try rate("amplitude")
            let period = try m.required("period").interval()
            let phase = try m.optional("phase")?.duration() ?? 0
            spec = .shaped(.diurnal(mean: mean, amplitude: amplitude, period: period, phase: phase))
        case "ramp":
            let start = try time("start"), endValue = try m.required("end"), end = try endValue.duration()
            guard end >= start else { throw endValue.error("must not be before start") }
            spec = .shaped(.ramp(from: try rate("from"), to: try rate("to"), start: start, end: end))
        case "steps":
            var steps: [(at: Double, rate: Double)] = []
            for item in try m.required("steps").list() {
                let s = try item.map()
                let at = try s.required("at").duration()
                if let last = steps.last, at < last.at { throw item.error("steps must be in time order") }
                steps.append((at, try s.required("rate").rate(zero: true)))
                try s.finish()
            }
            spec = .shaped(.steps(initial: try rate("initial"), steps: steps))
        case "spike":
            spec = .shaped(.spike(base: try rate("base"), peak: try rate("peak"), start: try time("start"),
                                  rise: try time("rise"), hold: try time("hold"), decay: try time("decay")))
        case "mmpp":
            var states: [MMPPState] = []
            for item in try m.required("states").list() {
                let s = try item.map()
                states.append(MMPPState(rate: try s.required("rate").rate(zero: true),
                                        meanDuration: try s.required("meanDuration").interval()))
                try s.finish()
            }
            guard !states.isEmpty else { throw try m.required("states").error("must list at least one state") }
            spec = .markovModulated(states: states)
        case "trace":
            spec = try TraceConfig.read(m, directory: directory, cache: cache)
        default:
            throw kindValue.error("unknown arrival process '\(Echo.value(kind))'\(Suggestion.hint(kind, kinds))")
        }
        if case .shaped(let shape) = spec, shape.peak <= 0 {
            throw value.error("the rate is zero everywhere: no request would ever arrive")
        }
        try m.finish()
        return spec
    }
}
