import Foundation
import Yams

/// A Kubernetes manifest file named by `deployment.file` or `hpa.file`: one
/// YAML document, or several (`---`) of which exactly one has the kind
/// wanted, as `kubectl apply -f` files often hold a Deployment, its Service
/// and its HPA.
enum ManifestFile {
    /// The Deployment of a file (see `document`).
    static func deployment(_ file: ConfigValue, directory: String) throws -> ConfigValue {
        try document(file, directory: directory, kind: "Deployment")
    }

    /// The document to read: the only one, or the one of `kind`.
    /// `file` is resolved against `directory` unless absolute.
    static func document(_ file: ConfigValue, directory: String, kind wanted: String) throws -> ConfigValue {
        let name = try file.string()
        let path = name.hasPrefix("/") ? name : directory + "/" + name
        guard FileManager.default.fileExists(atPath: path) else {
            throw file.error("cannot read '\(Echo.value(name))' (looked for \(Echo.value(path)))")
        }
        let documents = try parseAll(path: path)
        if documents.count == 1 { return documents[0] }
        let matching = documents.filter { kind(of: $0) == wanted }
        switch matching.count {
        case 1:
            return matching[0]
        case 0:
            throw file.error("'\(Echo.value(name))' holds \(documents.count) YAML documents and none of kind \(wanted)")
        default:
            let lines = matching.map { $0.line.map(String.init) ?? "?" }.joined(separator: ", ")
            throw file.error("'\(Echo.value(name))' holds \(matching.count) of kind \(wanted) (lines \(lines)); "
                             + "a scenario reads one: split the file")
        }
    }

    /// Every non-empty document of the file, screened like an experiment file.
    static func parseAll(path: String) throws -> [ConfigValue] {
        let text = try ConfigFile.read(path)
        try YAMLScreen.check(text, file: path)
        var nodes: [Node] = []
        do {
            var sequence = try Yams.compose_all(yaml: text)
            while let node = sequence.next() { nodes.append(node) }
            if let error = sequence.error { throw error }
        } catch let e as YamlError {
            throw ExperimentLoader.yamlError(e, path)
        }
        let documents = nodes.filter { node in
            if case .scalar(let s) = node, s.tag.description == "tag:yaml.org,2002:null" || s.string.isEmpty { return false }
            return true
        }
        guard !documents.isEmpty else { throw ConfigError(file: path, line: nil, path: "", message: "the file is empty") }
        return documents.map { ConfigValue(node: $0, file: path, path: "") }
    }

    /// The `kind:` of a mapping document, if any.
    static func kind(of document: ConfigValue) -> String? {
        guard case .mapping(let m) = document.node else { return nil }
        return m.first { $0.key.string == "kind" }?.value.string
    }
}
