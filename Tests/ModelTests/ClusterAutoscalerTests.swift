import Model
import TestSupport
import XCTest

/// The Cluster Autoscaler's rules on built pools (scale-up by bin-packing,
/// scale-down timing) and in whole runs.
final class ClusterAutoscalerTests: XCTestCase {
    typealias Node = ClusterView.Node
    let template = ClusterView.Capacity(cpu: 4, memoryMiB: 16_384, pods: nil)
    let pod = ClusterView.Pod(cpu: 2, memoryMiB: 1024)

    func node(_ id: Int, booting: Bool = false, pods: Int, since: Double = 0) -> Node {
        let used = Double(pods) * 2
        return Node(id: id, booting: booting, draining: false, since: since,
                    free: .init(cpu: 4 - used, memoryMiB: 16_384 - Double(pods) * 1024, pods: nil),
                    utilization: used / 4, pods: Array(repeating: pod, count: pods))
    }

    func testPendingPodsFillUpcomingNodesBeforeNewOnes() {
        var ca = ClusterAutoscaler(spec: ClusterAutoscalerSpec(maxNodes: 10))
        // A booting node has room for two of the five 2-CPU pods; three more need two new 4-CPU nodes.
        let view = ClusterView(nodes: [node(0, pods: 2), node(1, booting: true, pods: 0)],
                               pendingPods: Array(repeating: pod, count: 5), template: template)
        XCTAssertEqual(ca.scan(view, now: 10), [.addNodes(2, reason: "pendingPods")])
    }

    func testScaleUpStopsAtMaxNodes() {
        var ca = ClusterAutoscaler(spec: ClusterAutoscalerSpec(maxNodes: 3))
        let view = ClusterView(nodes: [node(0, pods: 2)], pendingPods: Array(repeating: pod, count: 8), template: template)
        XCTAssertEqual(ca.scan(view, now: 10), [.addNodes(2, reason: "pendingPods,maxNodes")])
    }

    func testAPodLargerThanANodeAddsNothing() {
        var ca = ClusterAutoscaler(spec: ClusterAutoscalerSpec(maxNodes: 3))
        let huge = ClusterView.Pod(cpu: 8, memoryMiB: 1024)
        XCTAssertEqual(ca.scan(ClusterView(nodes: [node(0, pods: 2)], pendingPods: [huge], template: template), now: 10), [])
    }

    /// Nodes 0 and 1 have 50% of their CPU requested: below a 0.6 threshold
    /// (not below the default 0.5). Node 0 goes at exactly the unneeded time,
    /// its pod fitting on node 1; then node 1 alone keeps its pod.
    func testAnUnderusedNodeGoesAfterTheUnneededTime() {
        var spec = ClusterAutoscalerSpec(maxNodes: 5)
        spec.scaleDownUtilizationThreshold = 0.6
        var ca = ClusterAutoscaler(spec: spec)
        let view = ClusterView(nodes: [node(0, pods: 1), node(1, pods: 1), node(2, pods: 2)], pendingPods: [], template: template)
        XCTAssertEqual(ca.scan(view, now: 0), [])
        XCTAssertEqual(ca.scan(view, now: 599), [])
        XCTAssertEqual(ca.scan(view, now: 600), [.removeNode(0, reason: "unneeded")])
        var strict = ClusterAutoscaler(spec: ClusterAutoscalerSpec(maxNodes: 5))
        XCTAssertEqual(strict.scan(view, now: 0), [])
        XCTAssertEqual(strict.scan(view, now: 10_000), [], "50% requested is not below the default 0.5 threshold")
    }

    func testNoScaleDownWithinTheDelayAfterAScaleUp() {
        var ca = ClusterAutoscaler(spec: ClusterAutoscalerSpec(maxNodes: 5))
        let busy = ClusterView(nodes: [node(0, pods: 2)], pendingPods: [pod], template: template)
        XCTAssertEqual(ca.scan(busy, now: 100), [.addNodes(1, reason: "pendingPods")])
        // The new node ends up empty: unneeded from t = 110, but scale-down waits until 100 + 600.
        let idle = ClusterView(nodes: [node(0, pods: 2), node(1, pods: 0)], pendingPods: [], template: template)
        XCTAssertEqual(ca.scan(idle, now: 110), [])
        XCTAssertEqual(ca.scan(idle, now: 699), [])
        XCTAssertEqual(ca.scan(idle, now: 710), [.removeNode(1, reason: "unneeded")])
    }

    func testPodsThatFitNowhereElseKeepTheirNode() {
        var spec = ClusterAutoscalerSpec(maxNodes: 5)
        spec.scaleDownUtilizationThreshold = 0.6
        var ca = ClusterAutoscaler(spec: spec)
        let view = ClusterView(nodes: [node(0, pods: 1), node(1, pods: 2)], pendingPods: [], template: template)
        // Node 0's pod cannot move to the full node 1; node 1 is not underused.
        XCTAssertEqual(ca.scan(view, now: 0), [])
        XCTAssertEqual(ca.scan(view, now: 10_000), [])
    }

    func testMinNodesAndOneBusyNodePerScan() {
        var spec = ClusterAutoscalerSpec(minNodes: 2, maxNodes: 5)
        spec.scaleDownUtilizationThreshold = 0.6
        var ca = ClusterAutoscaler(spec: spec)
        let view = ClusterView(nodes: [node(0, pods: 0), node(1, pods: 0), node(2, pods: 1), node(3, pods: 0)],
                               pendingPods: [], template: template)
        XCTAssertEqual(ca.scan(view, now: 0), [])
        // Three empty nodes are unneeded, but only two may go (minNodes 2).
        XCTAssertEqual(ca.scan(view, now: 600), [.removeNode(0, reason: "unneeded"), .removeNode(1, reason: "unneeded")])
    }

    func testANodeThatNeverBootsIsDeleted() {
        var ca = ClusterAutoscaler(spec: ClusterAutoscalerSpec(maxNodes: 5))
        let view = ClusterView(nodes: [node(0, pods: 2), node(1, booting: true, pods: 0, since: 100)], pendingPods: [],
                               template: template)
        XCTAssertEqual(ca.scan(view, now: 999), [])
        XCTAssertEqual(ca.scan(view, now: 1000), [.removeNode(1, reason: "maxNodeProvisionTime")])
    }

    /// A whole run: pods Pending at 600 s get nodes at the next scan, and the
    /// nodes go again only after the load falls, never sooner than the
    /// unneeded time after the fall nor within the delay after a scale-up.
    func testWholeRunTiming() throws {
        var pool = Specs.nodes(count: 1, cpu: 4)
        pool.boot = .deterministic(value: 60)
        var spec = Specs.scenario(duration: 3600, platform: Specs.container(), replicas: 2,
                                  cluster: ClusterSpec(hosts: pool),
                                  scale: [ScaleStep(at: 605, replicas: 6), ScaleStep(at: 1800, replicas: 2)])
        spec.autoscaling.clusterAutoscaler = ClusterAutoscalerSpec(minNodes: 1, maxNodes: 4)
        let run = try Simulation.runChecked(spec, seed: 1, replication: 0)
        let ca = run.scaling.filter { $0.controller == "cluster-autoscaler" }
        let up = try XCTUnwrap(ca.first)
        XCTAssertEqual(up.time, 610)                   // the first scan after 605
        XCTAssertEqual(up.from, 1)
        XCTAssertEqual(up.to, 2)                        // 1-CPU pods: four fill node 0, the other two need one node
        let downs = ca.filter { $0.reason == "unneeded" }
        XCTAssertFalse(downs.isEmpty)
        for d in downs {
            XCTAssertGreaterThanOrEqual(d.time, 1800 + 600)
            XCTAssertGreaterThanOrEqual(d.time, up.time + 600)
        }
        XCTAssertEqual(try XCTUnwrap(run.timeseries.last).hosts, 1)
    }
}
