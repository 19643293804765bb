import Foundation

/// Kubernetes resource quantities (`500m`, `2`, `1.5`, `256Mi`, `1k`,
/// `1e3`) as milli-units, rounded up as `Quantity.MilliValue()` does.
enum KubernetesQuantity {
    private static let suffixes: [(String, Decimal)] = [
        ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
        ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976),
        ("n", Decimal(string: "1e-9") ?? 0), ("u", Decimal(string: "1e-6") ?? 0), ("m", Decimal(string: "0.001") ?? 0),
        ("k", 1000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000),
        ("P", 1_000_000_000_000_000), ("E", 1_000_000_000_000_000_000),
    ]

    /// The milli-value of `text`, or nil when it is not a quantity.
    static func milli(_ text: String) -> Int64? {
        let s = text.trimmingCharacters(in: .whitespaces)
        var number = Substring(s)
        var factor: Decimal = 1
        for (suffix, f) in suffixes where s.hasSuffix(suffix) {
            number = s.dropLast(suffix.count)
            factor = f
            break
        }
        guard !number.isEmpty, number.allSatisfy({ "0123456789.+-eE".contains($0) }),
              let value = Decimal(string: String(number)), !value.isNaN else { return nil }
        var milli = value * factor * 1000
        var rounded = Decimal()
        NSDecimalRound(&rounded, &milli, 0, .up)
        guard abs(rounded) < Decimal(Int64.max / 2) else { return nil }
        return NSDecimalNumber(decimal: rounded).int64Value
    }
}

extension ConfigValue {
    /// A Kubernetes quantity in milli-units (`500m` → 500, `12` → 12000).
    func quantity() throws -> Int64 {
        let s = try string()
        guard let v = KubernetesQuantity.milli(s) else {
            throw error("'\(s)' is not a Kubernetes quantity (such as 500m, 2, 1.5, 256Mi)")
        }
        return v
    }

    /// A quantity that must be greater than zero.
    func positiveQuantity() throws -> Int64 {
        let v = try quantity()
        guard v > 0 else { throw error("must be positive, got '\(try string())'") }
        return v
    }
}
