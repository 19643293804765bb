import Model

/// `images:` (a catalog by name) and a scenario's `image:` (a name from the
/// catalog, or an inline `{name, layers}`).
enum ImageConfig {
    static func readCatalog(_ value: ConfigValue?) throws -> [String: ImageSpec] {
        guard let value else { return [:] }
        guard case .mapping(let m) = value.node else { throw value.error("expected a mapping of image names to images") }
        guard m.count <= InputLimits.maxListItems else {
            throw value.error("lists \(m.count) images, more than the limit of \(InputLimits.maxListItems)")
        }
        var out: [String: ImageSpec] = [:]
        for (k, v) in m {
            let name = k.string ?? "?"
            out[name] = try readImage(value.child(v, ".\(name)"), name: name)
        }
        return out
    }

    static func readImage(_ value: ConfigValue, name: String) throws -> ImageSpec {
        let m = try value.map()
        let imageName = try m.optional("name")?.string() ?? name
        var layers: [ImageSpec.Layer] = []
        for item in try m.required("layers").list() {
            let l = try item.map()
            let layerName = try l.required("name").string()
            if layers.contains(where: { $0.name == layerName }) { throw item.error("layer '\(Echo.value(layerName))' is listed twice") }
            layers.append(.init(name: layerName, bytes: try l.required("size").bytes()))
            try l.finish()
        }
        try m.finish()
        return ImageSpec(name: imageName, layers: layers)
    }

    static func resolve(_ value: ConfigValue, catalog: [String: ImageSpec]) throws -> ImageSpec {
        if case .mapping = value.node { return try readImage(value, name: "image") }
        let name = try value.string()
        guard let image = catalog[name] else {
            throw value.error("unknown image '\(Echo.value(name))'\(Suggestion.hint(name, Array(catalog.keys).sorted())); define it under images:")
        }
        return image
    }
}
