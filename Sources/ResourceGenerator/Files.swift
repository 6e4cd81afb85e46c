import Foundation

/// `Schemas/services.txt`: one `Vendor::Service` prefix per line (`AWS::DynamoDB`), `*` for all; `#` comments.
enum ServiceList {
    static func read(_ path: String) throws -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw GeneratorError("Cannot read the service list '\(path)'; run stacks-codegen from the repository root.")
        }
        return text.split(separator: "\n").map { line in
            String(line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }
}

/// Copies the listed services' schemas out of the shared schema folder, and derives `iam-actions.json`.
struct SchemaImporter {
    var services: [String]
    var source: URL
    var destination: URL

    func run() throws {
        let manager = FileManager.default
        let resources = destination.appendingPathComponent("resources")
        try manager.createDirectory(at: resources, withIntermediateDirectories: true)
        let generator = Generator(services: services, schemaDirectory: source)
        let sourceResources = source.appendingPathComponent("resources")
        var wanted: Set<String> = []
        for name in try manager.contentsOfDirectory(atPath: sourceResources.path).sorted() where name.hasSuffix(".json") {
            let url = sourceResources.appendingPathComponent(name)
            guard let type = try Generator.readJSON(url)["typeName"] as? String, generator.includes(type) else { continue }
            wanted.insert(name)
            let target = resources.appendingPathComponent(name)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.copyItem(at: url, to: target)
        }
        for name in try manager.contentsOfDirectory(atPath: resources.path) where !wanted.contains(name) {
            try manager.removeItem(at: resources.appendingPathComponent(name))
        }
        for name in ["sam.schema.json", "StatefulResources.json"] {
            let target = destination.appendingPathComponent(name)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.copyItem(at: source.appendingPathComponent(name), to: target)
        }
        let policies = try Generator.readJSON(source.appendingPathComponent("Policies.json"))
        var actions: JSONObject = [:]
        for (prefix, service) in policies {
            guard let names = ((service as? JSONObject)?["Actions"] as? JSONObject)?.keys else { continue }
            actions[prefix] = names.sorted()
        }
        try Data(JSONWriter.write(actions).utf8).write(to: destination.appendingPathComponent("iam-actions.json"))
    }
}

/// Writes generated files, touching only those whose contents changed, and removes stale `.swift` files.
struct OutputWriter {
    var directory: URL

    func write(_ files: [String: String]) throws -> Int {
        let manager = FileManager.default
        var changed = 0
        for path in files.keys.sorted() {
            let url = directory.appendingPathComponent(path)
            let contents = files[path] ?? ""
            if let existing = try? String(contentsOf: url, encoding: .utf8), existing == contents { continue }
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
            changed += 1
        }
        if let enumerator = manager.enumerator(atPath: directory.path) {
            var stale: [String] = []
            while let path = enumerator.nextObject() as? String {
                if path.hasSuffix(".swift"), files[path] == nil { stale.append(path) }
            }
            for path in stale.sorted() {
                try manager.removeItem(at: directory.appendingPathComponent(path))
                changed += 1
            }
        }
        for path in (try? manager.contentsOfDirectory(atPath: directory.path)) ?? [] {
            let url = directory.appendingPathComponent(path)
            if (try? manager.contentsOfDirectory(atPath: url.path))?.isEmpty == true { try manager.removeItem(at: url) }
        }
        return changed
    }
}
