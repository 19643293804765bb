/// The tree behind `LoadBalancer`: endpoint counts and, for
/// leastOutstanding, least outstanding counts per node, over the id space.
extension LoadBalancer {
    /// Doubles the capacity until `id` fits, rebuilding the inner nodes.
    /// - Complexity: O(N), amortized O(1) per id added.
    mutating func grow(toFit id: Int) {
        var newCapacity = Swift.max(capacity, 1)
        while newCapacity <= id { newCapacity *= 2 }
        var newCounts = [Int32](repeating: 0, count: 2 * newCapacity)
        var newMinima = tracksMinima ? [Int32](repeating: Self.absent, count: 2 * newCapacity) : []
        for leaf in 0..<capacity {
            newCounts[newCapacity + leaf] = counts[capacity + leaf]
            if tracksMinima { newMinima[newCapacity + leaf] = minima[capacity + leaf] }
        }
        for node in stride(from: newCapacity - 1, through: 1, by: -1) {
            newCounts[node] = newCounts[2 * node] + newCounts[2 * node + 1]
            if tracksMinima { newMinima[node] = Swift.min(newMinima[2 * node], newMinima[2 * node + 1]) }
        }
        if tracksLoads { loads += [Int32](repeating: 0, count: newCapacity - capacity) }
        capacity = newCapacity
        counts = newCounts
        minima = newMinima
    }

    /// Adds `delta` to the count of leaf `id` and of every node above it.
    /// - Complexity: O(log N).
    mutating func adjustCount(_ id: Int, by delta: Int32) {
        var node = capacity + id
        while node >= 1 {
            counts[node] += delta
            node >>= 1
        }
    }

    /// Sets leaf `id`'s least outstanding count and repairs the nodes above,
    /// stopping at the first one whose value does not change.
    /// - Complexity: O(log N).
    mutating func setMinimum(_ id: Int, _ value: Int32) {
        var node = capacity + id
        minima[node] = value
        node >>= 1
        while node >= 1 {
            let least = Swift.min(minima[2 * node], minima[2 * node + 1])
            if minima[node] == least { return }
            minima[node] = least
            node >>= 1
        }
    }

    /// The id of the endpoint of rank `rank` (0-based, ascending ids).
    /// - Complexity: O(1) while the endpoints are 0..<count, else O(log N).
    @inline(__always)
    func endpoint(rank: Int) -> Int32 {
        isPrefix ? Int32(rank) : descend(rank: rank)
    }

    /// The endpoint of rank `rank`, found from the root by the counts.
    func descend(rank: Int) -> Int32 {
        var remaining = Int32(rank)
        var node = 1
        while node < capacity {
            let left = counts[2 * node]
            if remaining < left {
                node = 2 * node
            } else {
                remaining -= left
                node = 2 * node + 1
            }
        }
        return Int32(node - capacity)
    }

    /// Whether the endpoints are exactly the ids 0..<count: the endpoint of
    /// the highest rank is id count − 1.
    func endpointsFormPrefix() -> Bool {
        let n = count
        return n == 0 || descend(rank: n - 1) == Int32(n - 1)
    }

    /// The smallest endpoint id ≥ `start` whose outstanding count is at most
    /// `bound`, or nil. Visits, left to right, the O(log N) subtrees that
    /// cover [start, N), then descends into the first that holds one.
    /// - Complexity: O(log N).
    func first(atMost bound: Int32, from start: Int) -> Int? {
        guard start < capacity else { return nil }
        var node = capacity + start
        while minima[node] > bound {
            // Climb while `node` is a right child, then step to the next subtree.
            while node & 1 == 1 { node >>= 1 }
            if node == 0 { return nil }
            node += 1
        }
        while node < capacity {
            node = minima[2 * node] <= bound ? 2 * node : 2 * node + 1
        }
        return node - capacity
    }
}
