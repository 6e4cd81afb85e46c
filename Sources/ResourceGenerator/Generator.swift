import Foundation

/// The whole pipeline: schemas on disk → resolved types → Swift files in memory.
struct Generator {
    /// Which services to generate: `Vendor::Service` prefixes, or `*` for every schema present.
    var services: [String]
    var schemaDirectory: URL
    /// Paths in generated headers are relative to this (the repository).
    var sourcePrefix = "Schemas"

    struct Output {
        /// Path relative to the output directory → file contents.
        var files: [String: String] = [:]
        var droppedPatterns = 0
        var skippedAttributes = 0
        var typeCount = 0
    }

    func includes(_ typeName: String) -> Bool {
        services.contains { $0 == "*" || typeName.hasPrefix($0 + "::") || typeName == $0 }
    }

    static func readJSON(_ url: URL) throws -> JSONObject {
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? JSONObject else {
            throw GeneratorError("File '\(url.path)' is not a JSON object; restore it from the shared schema folder.")
        }
        return object
    }

    func loadSchemas() throws -> [ResourceSchema] {
        let directory = schemaDirectory.appendingPathComponent("resources")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        var schemas: [ResourceSchema] = []
        for name in names {
            let schema = try ResourceSchema(registry: Self.readJSON(directory.appendingPathComponent(name)),
                                            source: "\(sourcePrefix)/resources/\(name)")
            if includes(schema.typeName) { schemas.append(schema) }
        }
        let samURL = schemaDirectory.appendingPathComponent("sam.schema.json")
        if includes("AWS::Serverless::Function"), FileManager.default.fileExists(atPath: samURL.path) {
            schemas += try Self.samSchemas(Self.readJSON(samURL), source: "\(sourcePrefix)/sam.schema.json")
        }
        return schemas.sorted { $0.typeName < $1.typeName }
    }

    static func samSchemas(_ json: JSONObject, source: String) -> [ResourceSchema] {
        let definitions = json["definitions"] as? JSONObject ?? [:]
        var result: [ResourceSchema] = []
        for name in definitions.keys.sorted() where name.hasSuffix("__Resource") {
            guard let resource = definitions[name] as? JSONObject,
                  let properties = resource["properties"] as? JSONObject,
                  let typeNode = properties["Type"] as? JSONObject,
                  let typeName = (typeNode["enum"] as? [String])?.first, typeName.hasPrefix("AWS::Serverless::")
            else { continue }
            var root: JSONObject = ["type": "object", "properties": [String: Any]()]
            if let reference = (properties["Properties"] as? JSONObject)?["$ref"] as? String,
               let target = definitions[String(reference.dropFirst("#/definitions/".count))] as? JSONObject {
                root = target
                if let required = resource["required"] as? [String], required.contains("Properties") {
                    root["required"] = target["required"] ?? []
                } else {
                    root["required"] = []
                }
            }
            result.append(ResourceSchema(samType: typeName, properties: root, definitions: definitions, source: source))
        }
        return result
    }

    func generate() throws -> Output {
        let schemas = try loadSchemas()
        let stateful = try statefulTypes()
        let serviceNames = Set(schemas.map(\.serviceName))
        var output = Output()
        var propertyTypes: [String: [String: SwiftType]] = [:]
        var resolved: [ResolvedResource] = []
        // CloudFormation types first, so SAM properties passed through to them can reuse their types.
        for schema in schemas.filter({ !$0.isSAM }) + schemas.filter(\.isSAM) {
            let resolver = TypeResolver(schema: schema, serviceNames: serviceNames) { type, property in
                propertyTypes[type]?[property]
            }
            let resource = resolver.resolveResource()
            propertyTypes[schema.typeName] = Dictionary(uniqueKeysWithValues: resource.fields.map { ($0.cfnName, $0.type) })
            resolved.append(resource)
        }
        for resource in resolved.sorted(by: { $0.schema.typeName < $1.schema.typeName }) {
            let schema = resource.schema
            var constraints = ConstraintData(schema: schema)
            let data = constraints.render(stateful: stateful.contains(schema.typeName))
            output.droppedPatterns += constraints.droppedPatterns
            output.skippedAttributes += resource.skippedAttributes
            output.typeCount += 1
            output.files["\(schema.serviceName)/\(schema.qualifiedName).swift"] = SwiftEmitter.resourceFile(resource, schemaData: data)
        }
        for service in serviceNames {
            let types = resolved.filter { $0.schema.serviceName == service }.map(\.schema.typeName).sorted()
            let prefix = types.first.map { $0.components(separatedBy: "::").prefix(2).joined(separator: "::") } ?? service
            output.files["\(service)/\(service).swift"] = SwiftEmitter.header("\(sourcePrefix)/services.txt")
                + "/// The `\(prefix)` resource types.\npublic enum \(service) {}\n"
        }
        output.files["ResourceSchemaIndex.swift"] = indexFile(resolved.map(\.schema).sorted { $0.typeName < $1.typeName }, stateful: stateful)
        output.files["IAMActionData.swift"] = try iamFile()
        return output
    }

    func statefulTypes() throws -> [String] {
        let url = schemaDirectory.appendingPathComponent("StatefulResources.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return ((try Self.readJSON(url)["ResourceTypes"] as? JSONObject) ?? [:]).keys.sorted()
    }

    func indexFile(_ schemas: [ResourceSchema], stateful: [String]) -> String {
        var out = SwiftEmitter.header("\(sourcePrefix)/ (every schema listed in services.txt)") + "import CloudFormation\n\n"
        out += "extension ResourceSchemas {\n"
        out += "    /// Every resource type with a generated struct, sorted.\n"
        out += "    public static let generatedTypes: [ResourceType] = [\n"
        for schema in schemas { out += "        \(Naming.literal(schema.typeName)),\n" }
        out += "    ]\n\n"
        out += "    /// Types that hold data (a replacement loses it), from StatefulResources.json, sorted.\n"
        out += "    static let statefulTypes: [String] = [\n"
        for type in stateful { out += "        \(Naming.literal(type)),\n" }
        out += "    ]\n\n"
        out += "    /// The constraint data of a generated type.\n"
        out += "    static func schemaData(for type: String) -> String? {\n        switch type {\n"
        for schema in schemas {
            out += "        case \(Naming.literal(schema.typeName)): \(schema.qualifiedName).schemaData\n"
        }
        out += "        default: nil\n        }\n    }\n}\n"
        return out
    }

    func iamFile() throws -> String {
        let url = schemaDirectory.appendingPathComponent("iam-actions.json")
        var services: JSONObject = [:]
        if FileManager.default.fileExists(atPath: url.path) { services = try Self.readJSON(url) }
        var out = SwiftEmitter.header("\(sourcePrefix)/iam-actions.json") + "\n"
        out += "/// IAM actions by service prefix, lowercased, each surrounded by spaces.\n"
        out += "enum IAMActionData {\n    static func actions(service: String) -> String? {\n        switch service {\n"
        for prefix in services.keys.sorted() {
            let actions = (services[prefix] as? [String] ?? []).sorted()
            out += "        case \(Naming.literal(prefix)): \(Naming.literal(" " + actions.joined(separator: " ") + " "))\n"
        }
        out += "        default: nil\n        }\n    }\n}\n"
        return out
    }
}
