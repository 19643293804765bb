import SimCore
import SimRandom

/// Hosts and nodes: the pool, placement, manual scaling of the pool.
extension Simulation {
    /// Adds a host: Ready now (the pool at t = 0) or after a VM boot.
    mutating func addHost(ready: Bool, engine: inout Engine<SimEvent>) {
        guard let pool = spec.cluster.hosts else { return }
        let id = Int32(hosts.count)
        var cache = LayerCache(capacity: pool.cacheBytes)
        for image in pool.prepulled {
            for layer in image.layers { cache.insert(layer.name, bytes: layer.bytes) }
        }
        hosts.append(Host(
            state: ready ? .ready : .booting,
            addedAt: engine.now,
            freeCpu: pool.cpu - pool.reservedCpu,
            freeMemoryMiB: pool.memoryMiB - pool.reservedMemoryMiB,
            cache: cache,
            downloads: DownloadSet(bandwidth: pool.pullBandwidth.sample(hostStream))))
        gauges.activeHosts.add(1, at: engine.now)
        if !ready {
            scaling.nodesAdded += 1
            engine.schedule(.hostReady(host: id), after: pool.boot.sample(hostStream))
        }
    }

    /// The host for the next instance under the placement policy, or nil
    /// when it fits on none (it stays Pending).
    func chooseHost() -> Int32? {
        guard let pool = spec.cluster.hosts else { return nil }
        let cpu = spec.platform.cpuRequest
        let memory = spec.platform.memoryRequestMiB + spec.platform.memoryOverheadMiB
        var best: Int32?
        for (h, host) in hosts.enumerated() where host.state == .ready {
            guard host.freeCpu >= cpu - 1e-9, host.freeMemoryMiB >= memory - 1e-9 else { continue }
            if let limit = pool.maxInstances, host.instances >= limit { continue }
            guard let b = best else { best = Int32(h); continue }
            let current = hosts[Int(b)]
            switch spec.cluster.placement {
            case .firstFit:
                return b
            case .bestFit:
                if (host.freeCpu, host.freeMemoryMiB) < (current.freeCpu, current.freeMemoryMiB) { best = Int32(h) }
            case .spread:
                if host.instances < current.instances { best = Int32(h) }
            }
        }
        return best
    }

    /// Grows the pool with booting hosts, or shrinks it by removing empty
    /// hosts, newest first (a host that still runs instances is kept).
    mutating func scaleHosts(to target: Int, _ engine: inout Engine<SimEvent>) {
        let active = hosts.indices.filter { hosts[$0].state != .gone }
        if active.count < target {
            for _ in active.count..<target { addHost(ready: false, engine: &engine) }
        } else {
            var excess = active.count - target
            for h in active.reversed() where excess > 0 && hosts[h].instances == 0 {
                removeHost(h, engine.now)
                excess -= 1
            }
        }
    }
}
