import Model
import SimRandom
import TestSupport
import XCTest

/// Each load-balancing rule chooses exactly the endpoint its documentation
/// names, ties included, in states built by hand; and agrees pick by pick
/// with a naive O(n) reference over random sequences of changes.
final class LoadBalancerTests: XCTestCase {
    private func balancer(_ policy: LoadBalancerPolicy, _ endpoints: [(Int32, Int)]) -> LoadBalancer {
        var b = LoadBalancer(policy: policy)
        for (id, load) in endpoints { b.add(id, outstanding: load) }
        return b
    }

    private func picks(_ b: inout LoadBalancer, _ count: Int, _ stream: RandomStream) -> [Int32?] {
        (0..<count).map { _ in b.pick(stream) }
    }

    func testNoEndpointGivesNilAndOneEndpointIsChosenWithoutDrawing() {
        let stream = RandomStream(seed: 5), twin = RandomStream(seed: 5)
        for policy in LoadBalancerPolicy.allCases {
            var b = LoadBalancer(policy: policy)
            XCTAssertNil(b.pick(stream), "\(policy)")
            b.add(7)
            XCTAssertEqual(b.pick(stream), 7, "\(policy)")
        }
        XCTAssertEqual(stream.index(below: 1000), twin.index(below: 1000), "a lone endpoint costs no draw")
    }

    func testRoundRobinCyclesByRankAndItsCursorIsARankAcrossChanges() {
        let stream = RandomStream(seed: 1)
        var b = balancer(.roundRobin, [(5, 0), (2, 0), (9, 0)])
        XCTAssertEqual(b.endpoints, [2, 5, 9])
        XCTAssertEqual(picks(&b, 4, stream), [2, 5, 9, 2])    // cursor now 1
        b.add(3)                                              // [2, 3, 5, 9]
        XCTAssertEqual(b.pick(stream), 3)                     // rank 1; cursor 2
        b.remove(2)                                           // [3, 5, 9]
        XCTAssertEqual(picks(&b, 3, stream), [9, 3, 5])       // rank 2, then wraps to 0
        b.remove(3)
        b.remove(5)                                           // [9]: no cursor step
        XCTAssertEqual(b.pick(stream), 9)
        b.add(1001)
        b.add(1000)                                           // grows the tree: [9, 1000, 1001]
        XCTAssertEqual(picks(&b, 3, stream), [1001, 9, 1000]) // from the cursor left at 2
    }

    func testRandomChoosesTheEndpointOfTheDrawnRank() {
        let stream = RandomStream(seed: 3), twin = RandomStream(seed: 3)
        var b = balancer(.random, [(30, 0), (4, 0), (11, 0), (10, 0)])
        let sorted: [Int32] = [4, 10, 11, 30]
        for _ in 0..<50 { XCTAssertEqual(b.pick(stream), sorted[twin.index(below: 4)]) }
    }

    func testLeastOutstandingTakesTheFirstLeastLoadedReadCyclicallyFromTheRotatingRank() {
        let stream = RandomStream(seed: 1)
        // Ranks 0...4 are ids 1, 3, 4, 6, 8 holding 2, 0, 1, 0, 2 requests.
        var b = balancer(.leastOutstanding, [(1, 2), (3, 0), (4, 1), (6, 0), (8, 2)])
        // Cursor 0...4, then 5 ≥ 5 wraps to 0: the tie between ids 3 and 6
        // goes to the first met from the cursor's rank.
        XCTAssertEqual(picks(&b, 6, stream), [3, 3, 6, 6, 3, 3])   // cursor now 1
        b.outstandingChanged(3, by: 1)                             // loads 2, 1, 1, 0, 2
        XCTAssertEqual(b.pick(stream), 6)                          // the only 0; cursor 2
        b.outstandingChanged(6, by: 2)                             // loads 2, 1, 1, 2, 2
        XCTAssertEqual(b.pick(stream), 4)                          // from rank 2 (id 4); cursor 3
        XCTAssertEqual(b.pick(stream), 3)                          // from rank 3: 6, 8, 1, then 3
        b.remove(3)
        b.add(2, outstanding: 1)                                   // ids 1, 2, 4, 6, 8: 2, 1, 1, 2, 2
        XCTAssertEqual(b.pick(stream), 2)                          // from rank 4 (id 8): 8, 1, then 2
        XCTAssertEqual(b.pick(stream), 2)                          // cursor 5 wraps: from id 1
        XCTAssertEqual(b.outstanding(of: 2), 1)
        XCTAssertEqual(b.outstanding(of: 6), 2)
        XCTAssertNil(b.outstanding(of: 3))
    }

    func testLeastOutstandingIgnoresChangesOfIdsThatAreNotEndpoints() {
        var b = balancer(.leastOutstanding, [(0, 1), (1, 1)])
        b.remove(1)
        b.outstandingChanged(1, by: -1)      // a terminating instance finishing
        b.outstandingChanged(40, by: 1)
        b.add(1, outstanding: 3)
        XCTAssertEqual(b.pick(RandomStream(seed: 1)), 0)
        XCTAssertEqual(b.count, 2)
        XCTAssertFalse(b.contains(40))
    }

    func testPowerOfTwoChoicesTakesTheLessLoadedOfTwoDistinctRanksAndTheFirstOnATie() {
        let stream = RandomStream(seed: 8), twin = RandomStream(seed: 8)
        var b = balancer(.powerOfTwoChoices, [(4, 3), (9, 1)])
        XCTAssertEqual(picks(&b, 20, stream), Array(repeating: 9, count: 20))
        b.outstandingChanged(4, by: -2)      // 1 and 1: the first draw wins
        for _ in 0..<20 { _ = twin.index(below: 2); _ = twin.index(below: 1) }
        for _ in 0..<40 {
            let a = twin.index(below: 2)
            _ = twin.index(below: 1)
            XCTAssertEqual(b.pick(stream), [4, 9][a])
        }
        // Three endpoints, ids 2, 5, 7 holding 0, 2, 1: second rank b skips a.
        var c = balancer(.powerOfTwoChoices, [(7, 1), (2, 0), (5, 2)])
        let ids: [Int32] = [2, 5, 7], loads = [0, 2, 1]
        for _ in 0..<60 {
            let a = twin.index(below: 3)
            var second = twin.index(below: 2)
            if second >= a { second += 1 }
            XCTAssertNotEqual(a, second)
            XCTAssertEqual(c.pick(stream), loads[second] < loads[a] ? ids[second] : ids[a])
        }
    }

    func testEveryRuleAgreesWithTheNaiveScanOverRandomChanges() {
        for policy in LoadBalancerPolicy.allCases {
            for seed: UInt64 in 1...4 {
                let ops = RandomStream(seed: 100 + seed)
                let (s1, s2) = (RandomStream(seed: seed), RandomStream(seed: seed))
                var fast = LoadBalancer(policy: policy), naive = NaiveBalancer(policy: policy)
                // Start as a warm fleet 0..<k (the rank-is-id shortcut), then churn.
                for id in 0..<Int32(seed * 3) { fast.add(id); naive.add(id, 0) }
                for step in 0..<20_000 {
                    let roll = ops.index(below: 100)
                    if roll < 12 {
                        let id = Int32(ops.index(below: seed == 4 ? 2_000 : 120))
                        guard !naive.ids.contains(id) else { continue }
                        let load = ops.index(below: 4)
                        fast.add(id, outstanding: load)
                        naive.add(id, load)
                    } else if roll < 22, !naive.ids.isEmpty {
                        let id = naive.ids[ops.index(below: naive.ids.count)]
                        fast.remove(id)
                        naive.remove(id)
                    } else if roll < 50, !naive.ids.isEmpty {
                        let id = naive.ids[ops.index(below: naive.ids.count)]
                        let delta = naive.loads[id, default: 0] > 0 && ops.index(below: 2) == 0 ? -1 : 1
                        fast.outstandingChanged(id, by: delta)
                        naive.loads[id, default: 0] += delta
                    } else {
                        let chosen = fast.pick(s1), expected = naive.pick(s2)
                        XCTAssertEqual(chosen, expected, "\(policy) seed \(seed) step \(step)")
                        if chosen != expected { return }
                        if let chosen, ops.index(below: 2) == 0 {   // the request joins it
                            fast.outstandingChanged(chosen, by: 1)
                            naive.loads[chosen, default: 0] += 1
                        }
                    }
                }
                XCTAssertEqual(fast.endpoints, naive.ids, "\(policy) seed \(seed)")
                XCTAssertEqual(fast.count, naive.ids.count)
                if policy == .leastOutstanding || policy == .powerOfTwoChoices {
                    XCTAssertEqual(naive.ids.map { fast.outstanding(of: $0) }, naive.ids.map { naive.loads[$0] })
                }
            }
        }
    }

    func testLeastOutstandingWaitsFarLessThanRandomSplitting() {
        // Ten one-slot instances at 80% load. Random splitting makes each an
        // M/M/1 at ρ = 0.8 (mean wait ρ/(μ − λ) = 4 s); joining the shortest
        // queue keeps requests off busy instances while others idle.
        func wait(_ policy: LoadBalancerPolicy) -> Double {
            var spec = Specs.scenario(rate: 8, duration: 40_000, warmup: 1_000, replicas: 10)
            spec.loadBalancer = policy
            return Specs.run(spec, seed: 4)[0].value("wait_mean_s")
        }
        let random = wait(.random), p2c = wait(.powerOfTwoChoices)
        let least = wait(.leastOutstanding), roundRobin = wait(.roundRobin)
        XCTAssertEqual(random, 4, accuracy: 0.8, "random split: M/M/1 at 0.8")
        XCTAssertLessThan(p2c, random / 2)
        XCTAssertLessThan(least, p2c / 2, "least \(least), p2c \(p2c)")
        XCTAssertLessThan(least, roundRobin / 2, "least \(least), roundRobin \(roundRobin)")
    }
}

/// The rules as a linear scan over a sorted list (the simulator's code
/// before the tree): the reference for the differential test.
private struct NaiveBalancer {
    let policy: LoadBalancerPolicy
    var ids: [Int32] = []
    var loads: [Int32: Int] = [:]
    var cursor = 0

    init(policy: LoadBalancerPolicy) { self.policy = policy }

    mutating func add(_ id: Int32, _ load: Int) {
        ids.insert(id, at: ids.firstIndex { $0 > id } ?? ids.count)
        loads[id] = load
    }

    mutating func remove(_ id: Int32) {
        ids.removeAll { $0 == id }
        loads[id] = nil
    }

    mutating func pick(_ stream: RandomStream) -> Int32? {
        let n = ids.count
        if n == 0 { return nil }
        if n == 1 { return ids[0] }
        let loads = self.loads
        let load = { loads[$0, default: 0] }
        switch policy {
        case .roundRobin:
            if cursor >= n { cursor = 0 }
            defer { cursor += 1 }
            return ids[cursor]
        case .random:
            return ids[stream.index(below: n)]
        case .leastOutstanding:
            if cursor >= n { cursor = 0 }
            var best = ids[cursor]
            for k in 1..<n where load(ids[(cursor + k) % n]) < load(best) { best = ids[(cursor + k) % n] }
            cursor += 1
            return best
        case .powerOfTwoChoices:
            let a = stream.index(below: n)
            var b = stream.index(below: n - 1)
            if b >= a { b += 1 }
            return load(ids[b]) < load(ids[a]) ? ids[b] : ids[a]
        }
    }
}
