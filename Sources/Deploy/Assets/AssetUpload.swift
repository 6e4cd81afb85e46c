import CloudFormation

/// Puts a template's asset zips in the artifact bucket, each only when its content-hashed key is not there yet.
struct AssetUpload {
    let api: any CloudFormationAPI
    let output: DeployOutput
    let bucket: String

    /// Uploads what is missing; throws a sentence naming the asset and the object when a call fails.
    func run(_ packages: [AssetPackage], stackName: String) async throws {
        for package in packages {
            let location = "s3://\(bucket)/\(package.key)"
            let exists: Bool
            do {
                exists = try await api.objectExists(bucket: bucket, key: package.key)
            } catch {
                throw DeployError("Checking for asset '\(package.asset.path)' of '\(stackName)' at \(location) failed: \(error)")
            }
            if exists {
                output.line("Asset \(package.asset.path) of \(stackName) is already in \(location).")
                continue
            }
            do {
                try await api.upload(bucket: bucket, key: package.key, body: package.zip)
            } catch {
                throw DeployError("Uploading asset '\(package.asset.path)' of '\(stackName)' to \(location) failed: \(error)")
            }
            let files = package.fileCount == 1 ? "1 file" : "\(package.fileCount) files"
            output.line("Uploaded asset \(package.asset.path) of \(stackName) (\(files), \(SynthesisRun.grouped(package.zip.count)) bytes) to \(location).")
        }
    }

    /// The template parameters a template with assets needs.
    static func parameters(_ packages: [AssetPackage], bucket: String) -> [StackParameterValue] {
        packages.isEmpty ? [] : [StackParameterValue(key: Asset.bucketParameter.rawValue, value: bucket)]
    }
}
