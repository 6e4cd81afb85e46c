import CloudFormation

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One node of a type's constraint data, as the generator writes it (see `ConstraintData` in the generator):
/// short keys keep the generated data small.
final class SchemaNode: Decodable, Sendable {
    let type: String?
    let enumValues: [String]?
    let numericEnumValues: [Double]?
    let pattern: String?
    let minLength: Double?
    let maxLength: Double?
    let minimum: Double?
    let maximum: Double?
    let minItems: Double?
    let maxItems: Double?
    let required: [String]?
    /// Sets of properties of which exactly one must be present (`oneOf` of `required` lists).
    let exactlyOneOf: [[String]]?
    /// Sets of properties of which at least one must be present (`anyOf` of `required` lists).
    let atLeastOneOf: [[String]]?
    let properties: [String: SchemaNode]?
    /// No properties other than `properties` are allowed.
    let isClosed: Bool
    let items: SchemaNode?
    /// The schema of every value of a map.
    let mapValues: SchemaNode?
    /// A definition of the type, by name.
    let reference: String?
    let definitions: [String: SchemaNode]?
    let createOnly: [String]?
    let isStateful: Bool

    enum CodingKeys: String, CodingKey {
        case type = "t", enumValues = "e", numericEnumValues = "en", pattern = "p", minLength = "lmin", maxLength = "lmax", minimum = "min",
             maximum = "max", minItems = "imin", maxItems = "imax", required = "r", exactlyOneOf = "one", atLeastOneOf = "any", properties = "pr", isClosed = "c",
             items = "it", mapValues = "ap", reference = "ref", definitions = "defs", createOnly = "co", isStateful = "st"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        enumValues = try container.decodeIfPresent([String].self, forKey: .enumValues)
        numericEnumValues = try container.decodeIfPresent([Double].self, forKey: .numericEnumValues)
        pattern = try container.decodeIfPresent(String.self, forKey: .pattern)
        minLength = try container.decodeIfPresent(Double.self, forKey: .minLength)
        maxLength = try container.decodeIfPresent(Double.self, forKey: .maxLength)
        minimum = try container.decodeIfPresent(Double.self, forKey: .minimum)
        maximum = try container.decodeIfPresent(Double.self, forKey: .maximum)
        minItems = try container.decodeIfPresent(Double.self, forKey: .minItems)
        maxItems = try container.decodeIfPresent(Double.self, forKey: .maxItems)
        required = try container.decodeIfPresent([String].self, forKey: .required)
        exactlyOneOf = try container.decodeIfPresent([[String]].self, forKey: .exactlyOneOf)
        atLeastOneOf = try container.decodeIfPresent([[String]].self, forKey: .atLeastOneOf)
        properties = try container.decodeIfPresent([String: SchemaNode].self, forKey: .properties)
        isClosed = try container.decodeIfPresent(Int.self, forKey: .isClosed) == 1
        items = try container.decodeIfPresent(SchemaNode.self, forKey: .items)
        mapValues = try container.decodeIfPresent(SchemaNode.self, forKey: .mapValues)
        reference = try container.decodeIfPresent(String.self, forKey: .reference)
        definitions = try container.decodeIfPresent([String: SchemaNode].self, forKey: .definitions)
        createOnly = try container.decodeIfPresent([String].self, forKey: .createOnly)
        isStateful = try container.decodeIfPresent(Int.self, forKey: .isStateful) == 1
    }

    /// The constraint data of a generated type, decoded once per process; `nil` for a type without generated code.
    static func root(of type: ResourceType) -> SchemaNode? {
        SchemaCache.shared.root(of: type)
    }
}
