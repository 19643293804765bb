import SimRandom

/// The load balancer: the Ready instances (its endpoints, named by instance
/// id) and the index its rule needs to choose one in O(log n).
///
/// Endpoints are ranked by ascending id: rank 0 is the smallest id. Every
/// rule below is stated in those ranks, where n is the number of endpoints.
/// With no endpoint, `pick` returns nil; with exactly one, it returns that
/// one and changes nothing else (no cursor step, no random draw). With n ≥ 2:
///
/// - `roundRobin`: a cursor c (starting at 0) is reset to 0 when c ≥ n; the
///   endpoint of rank c is chosen and c advances by one. The cursor is a
///   rank, not an id: adding or removing an endpoint below it shifts which
///   endpoint it designates, exactly as an index into a sorted list would.
/// - `random`: the endpoint of rank `stream.index(below: n)` (one draw).
/// - `leastOutstanding`: the same cursor c as roundRobin (reset to 0 when
///   c ≥ n, then advanced by one). Among the endpoints with the fewest
///   outstanding requests, the chosen one is the first met when the ranks
///   are read cyclically from c: c, c + 1, ..., n − 1, 0, ..., c − 1. Ties
///   are thus spread by the rotating start rather than piled on the first.
/// - `powerOfTwoChoices`: two distinct ranks are drawn, a = `index(below: n)`
///   then b = `index(below: n − 1)`, plus one if b ≥ a. The endpoint of rank b
///   is chosen if it has strictly fewer outstanding requests than the one of
///   rank a; on a tie, the one of rank a.
///
/// The index is a complete binary tree over the id space (the capacity, a
/// power of two, doubles when an id does not fit): each node holds how many
/// endpoints its range contains, and, for leastOutstanding only, the least
/// outstanding count among them. Outstanding counts are kept only by the
/// rules that read them (leastOutstanding, powerOfTwoChoices).
///
/// - Complexity: `add`, `remove` and `pick` are O(log N), N the largest id
///   added; `outstandingChanged` is O(1) for powerOfTwoChoices and O(log N)
///   for leastOutstanding, and does nothing for the other rules. While the
///   endpoints are exactly the ids 0..<n (a fleet that never lost an
///   instance), finding the endpoint of a rank is O(1).
public struct LoadBalancer: Sendable {
    public let policy: LoadBalancerPolicy
    /// Leaves in the trees below: a power of two, 0 before the first `add`.
    var capacity = 0
    /// Endpoints per node of the tree: node 1 is the root, node k's
    /// children are 2k and 2k + 1, leaf `capacity + id` is 1 for an endpoint.
    var counts: [Int32] = []
    /// leastOutstanding only: per node, the least outstanding count among its
    /// endpoints (`Self.absent` when it has none).
    var minima: [Int32] = []
    /// Outstanding requests per id, meaningful for endpoints only.
    var loads: [Int32] = []
    /// The rotating rank of roundRobin and leastOutstanding.
    var cursor = 0
    /// Whether the endpoints are exactly the ids 0..<count.
    var isPrefix = true
    let tracksLoads: Bool
    let tracksMinima: Bool

    static let absent = Int32.max

    public init(policy: LoadBalancerPolicy) {
        self.policy = policy
        tracksMinima = policy == .leastOutstanding
        tracksLoads = tracksMinima || policy == .powerOfTwoChoices
    }

    /// Number of endpoints.
    public private(set) var count = 0

    /// Whether `id` is an endpoint.
    @inline(__always)
    public func contains(_ id: Int32) -> Bool {
        id >= 0 && Int(id) < capacity && counts[capacity + Int(id)] == 1
    }

    /// The endpoints in ascending id order. - Complexity: O(N).
    public var endpoints: [Int32] {
        (0..<capacity).filter { counts[capacity + $0] == 1 }.map { Int32($0) }
    }

    /// The outstanding count the balancer holds for an endpoint, or nil if
    /// `id` is not one or the rule keeps no counts.
    public func outstanding(of id: Int32) -> Int? {
        tracksLoads && contains(id) ? Int(loads[Int(id)]) : nil
    }

    /// Makes `id` an endpoint holding `outstanding` requests.
    public mutating func add(_ id: Int32, outstanding: Int = 0) {
        precondition(id >= 0 && !contains(id), "add(_:) needs a new non-negative id")
        if Int(id) >= capacity { grow(toFit: Int(id)) }
        adjustCount(Int(id), by: 1)
        count += 1
        if tracksLoads {
            loads[Int(id)] = Int32(outstanding)
            if tracksMinima { setMinimum(Int(id), Int32(outstanding)) }
        }
        isPrefix = isPrefix && Int(id) == count - 1 || endpointsFormPrefix()
    }

    /// Takes `id` out of the endpoints.
    public mutating func remove(_ id: Int32) {
        precondition(contains(id), "remove(_:) needs an endpoint")
        adjustCount(Int(id), by: -1)
        count -= 1
        if tracksMinima { setMinimum(Int(id), Self.absent) }
        isPrefix = endpointsFormPrefix()
    }

    /// Records that an endpoint's outstanding requests changed by `delta`.
    /// An id that is not an endpoint (a terminating instance finishing its
    /// work) is ignored: its count is given again by `add` if it comes back.
    @inline(__always)
    public mutating func outstandingChanged(_ id: Int32, by delta: Int) {
        guard tracksLoads, contains(id) else { return }
        let load = loads[Int(id)] + Int32(delta)
        loads[Int(id)] = load
        if tracksMinima { setMinimum(Int(id), load) }
    }

    /// The endpoint for a new request by the rule (see the type's summary),
    /// or nil when there is none. `stream` is drawn from by random and
    /// powerOfTwoChoices only.
    @inline(__always)
    public mutating func pick(_ stream: RandomStream) -> Int32? {
        let n = count
        if n == 0 { return nil }
        if n == 1 { return endpoint(rank: 0) }
        switch policy {
        case .roundRobin:
            if cursor >= n { cursor = 0 }
            defer { cursor += 1 }
            return endpoint(rank: cursor)
        case .random:
            return endpoint(rank: stream.index(below: n))
        case .leastOutstanding:
            if cursor >= n { cursor = 0 }
            defer { cursor += 1 }
            let least = minima[1]
            let start = Int(endpoint(rank: cursor))
            return Int32(first(atMost: least, from: start) ?? first(atMost: least, from: 0) ?? start)
        case .powerOfTwoChoices:
            let a = stream.index(below: n)
            var b = stream.index(below: n - 1)
            if b >= a { b += 1 }
            let (x, y) = (endpoint(rank: a), endpoint(rank: b))
            return loads[Int(y)] < loads[Int(x)] ? y : x
        }
    }
}
