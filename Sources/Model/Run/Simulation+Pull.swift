import SimCore
import SimRandom

/// Image pulls: layers a node lacks are downloaded once, concurrent
/// downloads on a node share its bandwidth equally (processor sharing), and
/// a pod that needs a layer already being fetched waits for that download.
extension Simulation {
    /// Starts the pull phase. Returns the registry latency to wait before
    /// downloading, or nil when the node has every layer (no registry call:
    /// kubelet's IfNotPresent policy).
    mutating func beginPull(_ id: Int32) -> Double? {
        let i = Int(id)
        let h = Int(instances[i].host)
        guard let image = spec.platform.image, h >= 0 else { return nil }
        if image.layers.allSatisfy({ hosts[h].cache.contains($0.name) }) {
            for layer in image.layers { hosts[h].cache.touch(layer.name) }
            instances[i].cachedBytes = image.bytes
            return nil
        }
        return spec.cluster.hosts?.registryLatency.sample(bootStream) ?? 0
    }

    /// After the registry latency: joins or starts the downloads of every
    /// layer the node still lacks.
    mutating func startDownloads(_ id: Int32, _ engine: inout Engine<SimEvent>) {
        let i = Int(id)
        let h = Int(instances[i].host)
        instances[i].phaseEvent = nil
        guard let image = spec.platform.image else { return finishPhase(id, &engine) }
        advanceDownloads(h, engine.now)
        var waiting = 0
        for layer in image.layers {
            if hosts[h].cache.contains(layer.name) {
                hosts[h].cache.touch(layer.name)
                instances[i].cachedBytes += layer.bytes
                continue
            }
            instances[i].pullBytes += layer.bytes
            waiting += 1
            if let d = hosts[h].downloads.firstIndex(where: { $0.layer == layer.name }) {
                hosts[h].downloads[d].waiters.append(id)
            } else {
                hosts[h].downloads.append(.init(layer: layer.name, bytes: layer.bytes, remaining: layer.bytes, waiters: [id]))
            }
        }
        instances[i].layersOutstanding = waiting
        if waiting == 0 { return finishPhase(id, &engine) }
        scheduleNextDownload(h, &engine)
    }

    mutating func pullProgress(_ h: Int32, _ generation: UInt16, _ engine: inout Engine<SimEvent>) {
        let h = Int(h)
        guard generation == hosts[h].pullGeneration else { return }
        advanceDownloads(h, engine.now)
        var finished: [Host.Download] = []
        hosts[h].downloads.removeAll { d in
            // Tolerance for the rounding of the finish-time arithmetic.
            let done = d.remaining <= d.bytes * 1e-9 + 1e-6
            if done { finished.append(d) }
            return done
        }
        for d in finished {
            hosts[h].cache.insert(d.layer, bytes: d.bytes)
            for w in d.waiters where instances[Int(w)].state == .starting && instances[Int(w)].host == Int32(h) {
                instances[Int(w)].layersOutstanding -= 1
                if instances[Int(w)].layersOutstanding == 0 { finishPhase(w, &engine) }
            }
        }
        scheduleNextDownload(h, &engine)
    }

    /// Every active download has received bandwidth/n since the last update.
    private mutating func advanceDownloads(_ h: Int, _ now: Double) {
        let n = hosts[h].downloads.count
        if n > 0 {
            let share = hosts[h].bandwidth / Double(n) * (now - hosts[h].lastPullUpdate)
            for d in hosts[h].downloads.indices { hosts[h].downloads[d].remaining -= share }
        }
        hosts[h].lastPullUpdate = now
    }

    /// Schedules the next download completion; earlier schedules go stale.
    private mutating func scheduleNextDownload(_ h: Int, _ engine: inout Engine<SimEvent>) {
        hosts[h].pullGeneration &+= 1
        let downloads = hosts[h].downloads
        guard let smallest = downloads.map(\.remaining).min() else { return }
        let delay = Swift.max(0, smallest) * Double(downloads.count) / hosts[h].bandwidth
        engine.schedule(.pullProgress(host: Int32(h), generation: hosts[h].pullGeneration), after: delay)
    }
}
