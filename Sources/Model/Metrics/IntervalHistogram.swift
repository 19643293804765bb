/// A small log-linear histogram of microsecond latencies for one
/// timeseries interval: 64 sub-buckets per power of two (1.6% resolution).
///
/// HdrHistogram serves the run-wide percentiles; this one exists because an
/// interval's histogram is read and cleared every few simulated seconds, and
/// the library's percentile scan and `reset()` go through unspecialized
/// generic code (measured: half the run time of the M/M/10 benchmark). Only
/// the touched range is scanned and cleared here.
struct IntervalHistogram {
    private static let subBits = 6
    private var counts = [UInt32](repeating: 0, count: 64 << subBits)
    private var low = Int.max
    private var high = -1
    private(set) var total = 0

    private static func bucket(_ v: UInt64) -> Int {
        if v < (1 << subBits) { return Int(v) }
        let exponent = 63 - v.leadingZeroBitCount
        let shift = exponent - subBits
        return ((shift + 1) << subBits) | Int((v >> UInt64(shift)) & ((1 << subBits) - 1))
    }

    /// The middle of a bucket's value range.
    private static func value(_ b: Int) -> Double {
        let block = b >> subBits, sub = b & ((1 << subBits) - 1)
        if block == 0 { return Double(sub) }
        let shift = block - 1
        let lower = Double((UInt64(1 << subBits) | UInt64(sub)) << UInt64(shift))
        return lower + Double(UInt64(1) << UInt64(shift)) / 2
    }

    mutating func record(_ micros: UInt64) {
        let b = Self.bucket(micros)
        counts[b] &+= 1
        total += 1
        if b < low { low = b }
        if b > high { high = b }
    }

    /// The value at percentile p (0...100), nearest rank; NaN when empty.
    func percentile(_ p: Double) -> Double {
        guard total > 0 else { return .nan }
        let rank = Swift.max(1, Int((p / 100 * Double(total)).rounded(.up)))
        var seen = 0
        for b in low...high {
            seen += Int(counts[b])
            if seen >= rank { return Self.value(b) }
        }
        return Self.value(high)
    }

    mutating func clear() {
        if total == 0 { return }
        for b in low...high { counts[b] = 0 }
        (low, high, total) = (.max, -1, 0)
    }
}
