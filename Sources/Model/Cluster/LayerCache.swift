/// The image layers a node holds, with least-recently-used eviction when
/// the bytes exceed the capacity.
///
/// A layer used by a container on the node (pinned) is never evicted, as
/// kubelet's image garbage collection never removes an image in use: the
/// cache then holds more than its capacity, and `maxExcess` says by how much.
public struct LayerCache: Sendable {
    struct Entry {
        var bytes: Double
        var lastUse: UInt64
        /// Containers on the node using this layer.
        var users: Int
    }

    public let capacity: Double
    public private(set) var bytes: Double = 0
    /// The most bytes held beyond `capacity` at any time (layers in use).
    public private(set) var maxExcess: Double = 0
    private var entries: [String: Entry] = [:]
    private var tick: UInt64 = 0

    public init(capacity: Double) { self.capacity = capacity }

    public func contains(_ layer: String) -> Bool { entries[layer] != nil }

    /// Whether a container on the node uses the layer.
    public func isPinned(_ layer: String) -> Bool { (entries[layer]?.users ?? 0) > 0 }

    /// Marks a layer as just used.
    public mutating func touch(_ layer: String) {
        tick += 1
        entries[layer]?.lastUse = tick
    }

    /// Stores a layer, evicting the least recently used unpinned others to
    /// make room. A layer that still does not fit (larger than the cache, or
    /// the rest is in use) is not kept, unless `pinned`: a layer a container
    /// is about to use stays whatever the size.
    public mutating func insert(_ layer: String, bytes size: Double, pinned: Bool = false) {
        tick += 1
        if entries[layer] != nil {
            entries[layer]!.lastUse = tick
        } else {
            evict(toFit: size)
            guard pinned || bytes + size <= capacity else { return }
            entries[layer] = Entry(bytes: size, lastUse: tick, users: 0)
            bytes += size
        }
        if pinned { entries[layer]!.users += 1 }
        maxExcess = Swift.max(maxExcess, bytes - capacity)
    }

    /// A container starts using a layer the cache holds.
    public mutating func pin(_ layer: String) {
        precondition(entries[layer] != nil, "pinning a layer the node does not hold")
        entries[layer]!.users += 1
    }

    /// A container using the layer is gone; a cache over its size then
    /// evicts unpinned layers until it fits again (image GC).
    public mutating func unpin(_ layer: String) {
        guard let users = entries[layer]?.users, users > 0 else {
            preconditionFailure("unpinning a layer nobody uses")
        }
        entries[layer]!.users = users - 1
        evict(toFit: 0)
    }

    /// Evicts unpinned layers, least recently used first, until `size` more
    /// bytes fit or nothing unpinned is left.
    private mutating func evict(toFit size: Double) {
        while bytes + size > capacity,
              let victim = entries.filter({ $0.value.users == 0 }).min(by: { $0.value.lastUse < $1.value.lastUse }) {
            bytes -= victim.value.bytes
            entries[victim.key] = nil
        }
    }

    /// Bytes held by layers in use (invariant checks: the cache may exceed
    /// its capacity only by these).
    public var pinnedBytes: Double {
        entries.values.reduce(0) { $0 + ($1.users > 0 ? $1.bytes : 0) }
    }
}
