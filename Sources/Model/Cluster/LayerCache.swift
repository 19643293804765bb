/// The image layers a node holds, with least-recently-used eviction when
/// the bytes exceed the capacity.
public struct LayerCache: Sendable {
    public let capacity: Double
    public private(set) var bytes: Double = 0
    /// Layer name → (size, last use tick).
    private var entries: [String: (bytes: Double, lastUse: UInt64)] = [:]
    private var tick: UInt64 = 0

    public init(capacity: Double) { self.capacity = capacity }

    public func contains(_ layer: String) -> Bool { entries[layer] != nil }

    /// Marks a layer as just used.
    public mutating func touch(_ layer: String) {
        tick += 1
        entries[layer]?.lastUse = tick
    }

    /// Stores a layer, evicting the least recently used others to make room.
    /// A layer larger than the whole cache is not kept.
    public mutating func insert(_ layer: String, bytes size: Double) {
        tick += 1
        if entries[layer] != nil { entries[layer]!.lastUse = tick; return }
        guard size <= capacity else { return }
        while bytes + size > capacity, let victim = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            bytes -= victim.value.bytes
            entries[victim.key] = nil
        }
        entries[layer] = (size, tick)
        bytes += size
    }
}
