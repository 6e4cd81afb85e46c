/// A local folder whose files are a resource's code: `Asset("functions/create-link")`, relative to the package
/// root (where `swift run stacks` runs).
///
/// The model holds only the path. Synthesis (in `Deploy`) reads the folder, zips it deterministically and replaces
/// the asset with the zip's content-hashed key, `assets/<sha256>.zip`; deploy uploads the zip to the environment's
/// artifact bucket, which the template receives through the `AssetsBucket` parameter. So a template names no
/// bucket and no machine-specific value, and the model needs neither file access nor hashing.
public struct Asset: Sendable, Hashable, TemplateValueConvertible {
    /// The folder, relative to the package root, with `/` separators.
    public let path: String

    public init(_ path: String) {
        self.path = path
    }

    /// The template parameter holding the artifact bucket's name, added by synthesis when a template uses assets.
    public static let bucketParameter: LogicalID = "AssetsBucket"
    /// The placeholder function that marks an asset's key until synthesis resolves it.
    public static let placeholderName = "Stacks::Asset"

    /// `!Ref AssetsBucket`: the bucket the asset is uploaded to.
    public var bucket: Value<String> { .ref(Self.bucketParameter) }

    /// The asset's object key; a placeholder until synthesis replaces it with `assets/<sha256>.zip`.
    public var key: Value<String> { Value(unchecked: templateValue) }

    public var templateValue: TemplateValue { .intrinsic(.other(Self.placeholderName, .string(path))) }

    /// The object key for a zip with this SHA-256 (lowercase hex).
    public static func key(forHash hash: String) -> String { "assets/\(hash).zip" }
}

/// One place a template uses an asset.
public struct AssetUse: Sendable, Hashable {
    public var resource: LogicalID
    public var asset: Asset
}

extension Template {
    /// Every asset the resources use, in resource order, one entry per resource and asset.
    public var assetUses: [AssetUse] {
        var uses: [AssetUse] = []
        for resource in resources {
            var seen: [Asset] = []
            TemplateValue.map(resource.properties).forEachIntrinsic { intrinsic in
                if case .other(Asset.placeholderName, .string(let path)) = intrinsic, !seen.contains(Asset(path)) {
                    seen.append(Asset(path))
                }
            }
            uses += seen.map { AssetUse(resource: resource.id, asset: $0) }
        }
        return uses
    }

    /// The template with each asset placeholder replaced by the key `keys` gives its path, and the
    /// `AssetsBucket` parameter declared when any asset is used (and not declared already).
    public func resolvingAssets(keys: [String: String]) -> Template {
        guard !assetUses.isEmpty else { return self }
        var copy = self
        copy.resources = resources.map { resource in
            var resource = resource
            resource.properties = resource.properties.replacingAssets(keys)
            return resource
        }
        if !parameters.contains(where: { $0.id == Asset.bucketParameter }) {
            copy.parameters.append(ParameterDefinition(id: Asset.bucketParameter, properties: [
                "Type": "String",
                "Description": "The artifact bucket holding the function code of local asset folders; deploy fills it in.",
            ]))
        }
        return copy
    }
}

extension TemplateMap {
    fileprivate func replacingAssets(_ keys: [String: String]) -> TemplateMap {
        TemplateMap(map { ($0.key, $0.value.replacingAssets(keys)) })
    }
}

extension TemplateValue {
    fileprivate func replacingAssets(_ keys: [String: String]) -> TemplateValue {
        switch self {
        case .string, .int, .double, .bool, .null:
            return self
        case .list(let items):
            return .list(items.map { $0.replacingAssets(keys) })
        case .map(let map):
            return .map(map.replacingAssets(keys))
        case .intrinsic(.other(Asset.placeholderName, .string(let path))):
            return keys[path].map(TemplateValue.string) ?? self
        case .intrinsic:
            // Placeholders sit where a key is expected, never inside another function (`.asset` builds them so).
            return self
        }
    }
}
