import Foundation

/// Number formatting for explanation steps.
enum HPAText {
    static func ratio(_ x: Double) -> String { String(format: "%.3f", x) }

    /// A milli-value as Kubernetes writes quantities: `250m`, `12`, `1.5`.
    static func milli(_ v: Int64) -> String {
        if v % 1000 == 0 { return "\(v / 1000)" }
        return "\(v)m"
    }
}

extension Double {
    /// A whole number without its ".0"; otherwise as Swift prints it.
    var formatted0: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
