import CGSL

/// One independent random stream: a GSL Mersenne Twister (`gsl_rng_mt19937`)
/// seeded explicitly, never from the environment (`GSL_RNG_SEED` is ignored).
///
/// A stream is owned by one simulation run and used from one thread.
public final class RandomStream {
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>

    /// A stream seeded with `seed`. MT19937 keeps the low 32 bits of its seed,
    /// so seeds are first mixed (see `StreamSeed`) to spread their entropy.
    public init(seed: UInt64) {
        RandomStream.disableGSLAbort
        guard let rng = gsl_rng_alloc(capsim_rng_mt19937()) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        self.rng = rng
        gsl_rng_set(rng, UInt(truncatingIfNeeded: StreamSeed.fold32(seed)))
    }

    /// The stream for (experiment seed, replication, stream name): two
    /// scenarios with the same seed see the same arrivals and demands.
    public convenience init(seed: UInt64, replication: Int, name: String) {
        self.init(seed: StreamSeed.derive(seed: seed, replication: replication, name: name))
    }

    deinit { gsl_rng_free(rng) }

    /// GSL aborts the process on a domain error by default; parameters are
    /// validated in Swift instead, so the handler is switched off once.
    private static let disableGSLAbort: Void = capsim_gsl_errors_off()

    /// Uniform on the open interval (0, 1) (`gsl_rng_uniform_pos`).
    @inlinable public func uniform() -> Double { gsl_rng_uniform_pos(rng) }

    /// Uniform integer in 0 ..< n (`gsl_rng_uniform_int`).
    @inlinable public func index(below n: Int) -> Int {
        precondition(n > 0, "index(below:) needs n > 0")
        return Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    /// Exponential with the given mean (`gsl_ran_exponential` takes the mean).
    @inlinable public func exponential(mean: Double) -> Double {
        gsl_ran_exponential(rng, mean)
    }

    /// Raw access for distributions that call GSL directly.
    @inlinable public var gsl: UnsafeMutablePointer<gsl_rng> { rng }
}

/// Derives stream seeds from (experiment seed, replication, name) with a
/// fixed hash (FNV-1a then SplitMix64), identical on every machine and run;
/// Swift's `Hasher` is randomized per process and cannot be used.
public enum StreamSeed {
    public static func derive(seed: UInt64, replication: Int, name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        var x = mix(seed ^ mix(h)) ^ mix(UInt64(bitPattern: Int64(replication)) &+ 0x5851_f42d_4c95_7f2d)
        x = mix(x)
        return x
    }

    /// SplitMix64's finalizer: a bijection that spreads every input bit.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// 64 → 32 bits, keeping entropy from both halves; never 0 (MT19937 maps
    /// seed 0 to its default seed 4357, which would alias another stream).
    static func fold32(_ value: UInt64) -> UInt32 {
        let folded = UInt32(truncatingIfNeeded: value ^ (value >> 32))
        return folded == 0 ? 0x9e37_79b9 : folded
    }
}
