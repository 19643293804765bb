/// The layer downloads in flight on one node. They share the node's pull
/// bandwidth equally (processor sharing): with n downloads each receives
/// bandwidth/n, so a download's finish time moves whenever another starts
/// or ends. Pods that need a layer already being fetched wait for it.
public struct DownloadSet: Sendable {
    public struct Download: Sendable, Equatable {
        public var layer: String
        public var bytes: Double
        public var remaining: Double
        /// Instances waiting for this layer.
        public var waiters: [Int32]
    }

    public let bandwidth: Double
    public private(set) var downloads: [Download] = []
    private var lastUpdate = 0.0

    public init(bandwidth: Double) { self.bandwidth = bandwidth }

    public var isEmpty: Bool { downloads.isEmpty }

    /// Credits every download with its share of the bandwidth since the last update.
    public mutating func advance(to now: Double) {
        if !downloads.isEmpty {
            let share = bandwidth / Double(downloads.count) * (now - lastUpdate)
            for i in downloads.indices { downloads[i].remaining -= share }
        }
        lastUpdate = now
    }

    /// Adds `waiter` to the download of `layer`, starting it if needed.
    /// Call `advance(to: now)` first.
    public mutating func request(_ layer: String, bytes: Double, for waiter: Int32) {
        if let i = downloads.firstIndex(where: { $0.layer == layer }) {
            downloads[i].waiters.append(waiter)
        } else {
            downloads.append(Download(layer: layer, bytes: bytes, remaining: bytes, waiters: [waiter]))
        }
    }

    /// Seconds from the last update until the next download completes.
    public var timeToNextCompletion: Double? {
        guard let smallest = downloads.map(\.remaining).min() else { return nil }
        return Swift.max(0, smallest) * Double(downloads.count) / bandwidth
    }

    /// Removes and returns the downloads that have completed (within the
    /// rounding of the finish-time arithmetic).
    public mutating func takeCompleted() -> [Download] {
        var done: [Download] = []
        downloads.removeAll { d in
            let finished = d.remaining <= d.bytes * 1e-9 + 1e-6
            if finished { done.append(d) }
            return finished
        }
        return done
    }
}
