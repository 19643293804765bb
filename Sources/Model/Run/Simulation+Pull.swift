import SimCore
import SimRandom

/// Image pulls: a node downloads each layer it lacks once (`DownloadSet`
/// shares its bandwidth among concurrent downloads) and caches it (`LayerCache`).
extension Simulation {
    /// Starts the pull phase. Returns the registry latency to wait before
    /// downloading, or nil when the node has every layer (no registry call:
    /// kubelet's IfNotPresent policy).
    mutating func beginPull(_ id: Int32) -> Double? {
        let i = Int(id)
        let h = Int(instances[i].host)
        guard let image = image(of: id), h >= 0 else { return nil }
        if image.layers.allSatisfy({ hosts[h].cache.contains($0.name) }) {
            for layer in image.layers {
                hosts[h].cache.touch(layer.name)
                pinLayer(layer.name, of: id)
            }
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
        guard let image = image(of: id) else { return finishPhase(id, &engine) }
        hosts[h].downloads.advance(to: engine.now)
        var waiting = 0
        for layer in image.layers {
            if hosts[h].cache.contains(layer.name) {
                hosts[h].cache.touch(layer.name)
                pinLayer(layer.name, of: id)
                instances[i].cachedBytes += layer.bytes
                continue
            }
            instances[i].pullBytes += layer.bytes
            waiting += 1
            hosts[h].downloads.request(layer.name, bytes: layer.bytes, for: id)
        }
        instances[i].layersOutstanding = waiting
        if waiting == 0 { return finishPhase(id, &engine) }
        scheduleNextDownload(h, &engine)
    }

    mutating func pullProgress(_ h: Int32, _ generation: UInt16, _ engine: inout Engine<SimEvent>) {
        let h = Int(h)
        guard generation == hosts[h].pullGeneration else { return }
        hosts[h].downloads.advance(to: engine.now)
        for d in hosts[h].downloads.takeCompleted() {
            let users = d.waiters.filter { instances[Int($0)].state == .starting && instances[Int($0)].host == Int32(h) }
            hosts[h].cache.insert(d.layer, bytes: d.bytes, pinned: !users.isEmpty)
            for w in users {
                if w != users[0] { hosts[h].cache.pin(d.layer) }
                instances[Int(w)].pinnedLayers.append(d.layer)
                instances[Int(w)].layersOutstanding -= 1
                if instances[Int(w)].layersOutstanding == 0 { finishPhase(w, &engine) }
            }
        }
        scheduleNextDownload(h, &engine)
    }

    /// An instance starts using a layer its node holds (never evicted while used).
    mutating func pinLayer(_ layer: String, of id: Int32) {
        hosts[Int(instances[Int(id)].host)].cache.pin(layer)
        instances[Int(id)].pinnedLayers.append(layer)
    }

    /// A gone instance no longer holds its layers.
    mutating func unpinLayers(of id: Int32) {
        let i = Int(id)
        let h = Int(instances[i].host)
        guard h >= 0 else { return }
        for layer in instances[i].pinnedLayers { hosts[h].cache.unpin(layer) }
        instances[i].pinnedLayers = []
    }

    /// Schedules the next download completion; earlier schedules go stale.
    private mutating func scheduleNextDownload(_ h: Int, _ engine: inout Engine<SimEvent>) {
        hosts[h].pullGeneration &+= 1
        guard let delay = hosts[h].downloads.timeToNextCompletion else { return }
        engine.schedule(.pullProgress(host: Int32(h), generation: hosts[h].pullGeneration), after: delay)
    }
}
