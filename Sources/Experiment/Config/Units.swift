import Foundation

/// Parsing of the units config values carry.
enum Units {
    /// Seconds from `250ms`, `90s`, `5m`, `2h`, `1d` or a bare number.
    static func duration(_ text: String) -> Double? {
        let s = text.trimmingCharacters(in: .whitespaces)
        for (suffix, factor) in [("ms", 0.001), ("s", 1.0), ("m", 60.0), ("h", 3600.0), ("d", 86400.0)] where s.hasSuffix(suffix) {
            let number = s.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            if let v = Double(number), v.isFinite { return v * factor }
            if suffix == "s" || suffix == "m" { continue } // "ms" also ends in "s"
            return nil
        }
        if let v = Double(s), v.isFinite { return v }
        return nil
    }

    /// Bytes from `150MB`, `1.5GiB`, `64Ki`, `512B` or a bare number.
    static func bytes(_ text: String) -> Double? {
        let s = text.trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [
            ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("TiB", 1_099_511_627_776),
            ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
            ("kB", 1e3), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("B", 1),
        ]
        for (suffix, factor) in units where s.hasSuffix(suffix) {
            let number = s.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            if let v = Double(number), v.isFinite { return v * factor }
            return nil
        }
        if let v = Double(s), v.isFinite { return v }
        return nil
    }
}
