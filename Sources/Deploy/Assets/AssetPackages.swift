import CloudFormation

/// Zips each asset folder once per synthesis, and resolves the asset placeholders of templates to their keys.
struct AssetPackages {
    let root: String
    private var packages: [String: Result<AssetPackage, DeployError>] = [:]

    init(root: String) {
        self.root = root
    }

    /// The template with its assets resolved, the packages it uses, and a sentence per problem (naming the
    /// resource and the path).
    mutating func resolve(_ template: Template) -> (Template, [AssetPackage], [String]) {
        let uses = template.assetUses
        guard !uses.isEmpty else { return (template, [], []) }
        var used: [AssetPackage] = []
        var keys: [String: String] = [:]
        var errors: [String] = []
        for use in uses {
            switch package(use.asset) {
            case .success(let package):
                keys[use.asset.path] = package.key
                if !used.contains(where: { $0.asset == package.asset }) { used.append(package) }
            case .failure(let error):
                errors.append("Resource '\(use.resource)' uses asset '\(use.asset.path)', but \(error.message).")
            }
        }
        guard errors.isEmpty else { return (template, [], errors) }
        let resolved = template.resolvingAssets(keys: keys)
        for use in resolved.assetUses {
            errors.append("Resource '\(use.resource)' uses asset '\(use.asset.path)' inside another function; give `asset.key` (or `.asset(...)`) directly as the property's value.")
        }
        return (resolved, used, errors)
    }

    private mutating func package(_ asset: Asset) -> Result<AssetPackage, DeployError> {
        if let known = packages[asset.path] { return known }
        let result: Result<AssetPackage, DeployError>
        do {
            result = .success(try AssetPackage(asset: asset, root: root))
        } catch let error as DeployError {
            result = .failure(error)
        } catch {
            result = .failure(DeployError("its folder could not be read (\(error))"))
        }
        packages[asset.path] = result
        return result
    }
}
