import Model

/// The text `capsim hpa explain` prints for a decision.
public enum HPAExplanation {
    public static func render(_ d: HPADecision) -> String {
        var lines = ["desired replicas: \(d.desired) (from \(d.current); reason: \(d.reason))", ""]
        var number = 0
        for step in d.steps {
            if step.hasPrefix("  ") {
                lines.append("     " + step)
            } else {
                number += 1
                lines.append("\(pad(number)). \(step)")
            }
        }
        if !d.conditions.isEmpty {
            lines.append("")
            lines.append("conditions: " + d.conditions.keys.sorted().map { "\($0)=\(d.conditions[$0] ?? "")" }.joined(separator: ", "))
        }
        let recs = (d.history.recommendations ?? []).map { "\($0.replicas)@\(seconds($0.time))" }
        lines.append("history kept: recommendations [\(recs.joined(separator: ", "))]"
                     + "; scale-ups [\(events(d.history.scaleUpEvents))]; scale-downs [\(events(d.history.scaleDownEvents))]")
        return lines.joined(separator: "\n")
    }

    static func pad(_ i: Int) -> String { i < 10 ? " \(i)" : "\(i)" }

    static func seconds(_ t: Double) -> String {
        t == t.rounded() && abs(t) < 1e15 ? "\(Int(t))s" : "\(t)s"
    }

    static func events(_ e: [HPAScaleEvent]) -> String {
        e.map { "\($0.replicaChange)@\(seconds($0.time))\($0.outdated ? " (outdated)" : "")" }.joined(separator: ", ")
    }
}
