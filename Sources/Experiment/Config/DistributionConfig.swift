import SimRandom

/// How the numbers of a distribution are written: durations carry time
/// units, sizes carry byte units, bandwidths bytes per second.
enum Quantity {
    case duration, bytes, bandwidth, plain

    func read(_ v: ConfigValue) throws -> Double {
        switch self {
        case .duration: return try v.duration()
        case .bytes: return try v.bytes()
        case .bandwidth: return try v.bandwidth()
        case .plain: return try v.double(in: -InputLimits.maxPlain...InputLimits.maxPlain)
        }
    }
}

/// Reads `{distribution: NAME, ...parameters}`; a bare scalar (`90s`) is a
/// deterministic value.
enum DistributionConfig {
    static let names = ["exponential", "deterministic", "uniform", "normal", "lognormal", "gamma",
                        "erlang", "weibull", "pareto", "empirical", "mixture"]

    static func read(_ value: ConfigValue, _ quantity: Quantity) throws -> Distribution {
        if case .scalar = value.node {
            return try wrap(value) { try .makeDeterministic(value: quantity.read(value)) }
        }
        let m = try value.map()
        var d = try readMap(m, quantity)
        try m.finish()
        if quantity == .bandwidth {
            // A draw near zero would make a download last forever.
            d = try .makeClipped(d, min: InputLimits.minBandwidth, max: InputLimits.maxBytes)
        }
        return d
    }

    private static func readMap(_ m: ConfigMap, _ q: Quantity) throws -> Distribution {
        let nameValue = try m.required("distribution")
        let name = try nameValue.string()
        func num(_ key: String) throws -> Double { try q.read(m.required(key)) }
        func plain(_ key: String) throws -> Double { try Quantity.plain.read(m.required(key)) }
        let v = m.top
        var d: Distribution
        switch name {
        case "exponential": d = try wrap(v, m) { try .makeExponential(mean: num("mean")) }
        case "deterministic": d = try wrap(v, m) { try .makeDeterministic(value: num("value")) }
        case "uniform": d = try wrap(v, m) { try .makeUniform(min: num("min"), max: num("max")) }
        case "normal": d = try wrap(v, m) { try .makeNormal(mean: num("mean"), sd: num("sd")) }
        case "lognormal":
            if m.has("cv") {
                d = try wrap(v, m) { try .makeLognormal(mean: num("mean"), cv: plain("cv")) }
            } else if m.has("mu") {
                d = try wrap(v, m) { try .makeLognormal(mu: plain("mu"), sigma: plain("sigma")) }
            } else if m.has("median") {
                d = try wrap(v, m) { try .makeLognormal(median: num("median"), sigma: plain("sigma")) }
            } else {
                throw v.error("lognormal needs {mean, cv}, {mu, sigma} or {median, sigma}")
            }
        case "gamma":
            if m.has("cv") {
                d = try wrap(v, m) { try .makeGamma(mean: num("mean"), cv: plain("cv")) }
            } else {
                d = try wrap(v, m) { try .makeGamma(shape: plain("shape"), scale: num("scale")) }
            }
        case "erlang": d = try wrap(v, m) { try .makeErlang(k: m.required("k").int(min: 1, max: InputLimits.maxErlangK), mean: num("mean")) }
        case "weibull": d = try wrap(v, m) { try .makeWeibull(shape: plain("shape"), scale: num("scale")) }
        case "pareto": d = try wrap(v, m) { try .makePareto(shape: plain("shape"), scale: num("scale")) }
        case "empirical":
            let values = try m.required("values").list(max: InputLimits.maxEmpiricalValues).map { try q.read($0) }
            let weights = try m.optional("weights")?.list(max: InputLimits.maxEmpiricalValues).map { try $0.nonNegative(max: InputLimits.maxPlain) }
            d = try wrap(v, m) { try .makeEmpirical(values: values, weights: weights) }
        case "mixture":
            var weights: [Double] = [], parts: [Distribution] = []
            for c in try m.required("components").list() {
                let cm = try c.map()
                weights.append(try cm.required("weight").nonNegative(max: InputLimits.maxPlain))
                parts.append(try readMap(cm, q))
                try cm.finish()
            }
            d = try wrap(v, m) { try .makeMixture(weights: weights, components: parts) }
        default:
            throw nameValue.error("unknown distribution '\(Echo.value(name))'\(Suggestion.hint(name, names))")
        }
        if let clip = try m.map("clip") {
            let lo = try clip.optional("min").map { try q.read($0) }
            let hi = try clip.optional("max").map { try q.read($0) }
            try clip.finish()
            d = try wrap(clip.top, clip) { try .makeClipped(d, min: lo, max: hi) }
        }
        return d
    }

    /// Turns a parameter error from SimRandom into a located config error.
    private static func wrap(_ at: ConfigValue, _ m: ConfigMap? = nil,
                             _ make: () throws -> Distribution) throws -> Distribution {
        do {
            return try make()
        } catch let e as DistributionError {
            if let exact = m?.peek(e.parameter) { throw exact.error(e.message) }
            throw ConfigError(file: at.file, line: at.line, path: at.path.isEmpty ? e.parameter : "\(at.path).\(e.parameter)",
                              message: e.message)
        }
    }
}
