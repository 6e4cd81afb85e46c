import Foundation

/// A JSON schema node as `JSONSerialization` reads it.
typealias JSONObject = [String: Any]

/// One resource type's schema, in the registry's shape, whatever file it came from.
struct ResourceSchema {
    var typeName: String
    var description: String
    /// The node holding `properties` and `required`.
    var root: JSONObject
    var definitions: JSONObject
    /// Attribute paths under `/properties`, such as `["Endpoint", "Address"]`.
    var readOnlyPaths: [[String]]
    var createOnlyPaths: [[String]]
    var primaryIdentifier: [[String]]
    /// The file the schema came from, relative to the repository.
    var source: String
    /// SAM definitions are shared by all SAM types and carry long prefixes; this shortens them.
    var isSAM = false
    /// Attributes known outside the schema (SAM types have none in theirs).
    var extraAttributes: [String] = []
    var refMember: String?

    var serviceName: String {
        let parts = typeName.components(separatedBy: "::")
        let raw = parts.count >= 2 ? parts[1] : typeName
        return ResourceSchema.serviceRenames[raw] ?? Naming.type(raw)
    }

    var typeShortName: String {
        let name = Naming.type(typeName.components(separatedBy: "::").last ?? typeName)
        return ResourceSchema.reservedTypeNames.contains(name) ? name + "Resource" : name
    }

    var qualifiedName: String { "\(serviceName).\(typeShortName)" }

    /// Service namespaces that would shadow a module name.
    static let serviceRenames = ["CloudFormation": "AWSCloudFormation"]

    /// Type names generated code refers to unqualified; a nested type of that name would shadow them.
    static let reservedTypeNames: Set<String> = [
        "Value", "String", "Int", "Double", "Bool", "Array", "Dictionary", "Optional", "TemplateValue", "TemplateMap",
        "ResourceType", "LogicalID", "ResourceAttributes", "Type", "Protocol", "Self", "Any", "Resource",
        "TemplateValueConvertible", "Sendable", "CaseIterable", "Hashable", "Error", "Set", "Character", "Swift",
        "CloudFormation", "Never", "AnyObject", "RawRepresentable",
    ]

    static func path(_ pointer: String) -> [String]? {
        let parts = pointer.components(separatedBy: "/")
        guard parts.count >= 3, parts[0] == "", parts[1] == "properties" else { return nil }
        return Array(parts.dropFirst(2))
    }

    /// A registry schema file (`AWS-DynamoDB-Table.json`).
    init(registry json: JSONObject, source: String) throws {
        guard let typeName = json["typeName"] as? String else {
            throw GeneratorError("Schema '\(source)' has no typeName; check that it is a CloudFormation registry schema.")
        }
        self.typeName = typeName
        self.description = json["description"] as? String ?? ""
        self.root = json
        self.definitions = json["definitions"] as? JSONObject ?? [:]
        func paths(_ key: String) -> [[String]] {
            ((json[key] as? [String]) ?? []).compactMap(ResourceSchema.path).sorted { $0.joined(separator: ".") < $1.joined(separator: ".") }
        }
        self.readOnlyPaths = paths("readOnlyProperties")
        self.createOnlyPaths = paths("createOnlyProperties")
        self.primaryIdentifier = ((json["primaryIdentifier"] as? [String]) ?? []).compactMap(ResourceSchema.path)
        self.source = source
    }

    /// One SAM type out of `sam.schema.json`.
    init(samType typeName: String, properties: JSONObject, definitions: JSONObject, source: String) {
        self.typeName = typeName
        self.description = "The AWS SAM resource `\(typeName)`; the SAM transform expands it into CloudFormation resources."
        self.root = properties
        self.definitions = definitions
        self.readOnlyPaths = []
        self.createOnlyPaths = []
        self.primaryIdentifier = []
        self.source = source
        self.isSAM = true
        let known = ResourceSchema.samAttributes[typeName]
        self.extraAttributes = known?.attributes ?? []
        self.refMember = known?.ref
    }

    /// What `!Ref` and `!GetAtt` give for SAM types (from the SAM documentation; the schema does not say).
    static let samAttributes: [String: (ref: String?, attributes: [String])] = [
        "AWS::Serverless::Function": ("name", ["Arn"]),
        "AWS::Serverless::Api": ("restApiId", ["RootResourceId"]),
        "AWS::Serverless::HttpApi": ("apiId", ["ApiEndpoint"]),
        "AWS::Serverless::SimpleTable": ("tableName", ["Arn", "StreamArn"]),
        "AWS::Serverless::LayerVersion": ("layerVersionArn", []),
        "AWS::Serverless::StateMachine": ("arn", ["Name"]),
        "AWS::Serverless::Application": ("stackId", []),
    ]
}

struct GeneratorError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
