import AWSResources
import CloudFormation
import Foundation

/// Turns stack definitions into template files under `out/<stack>/<env>.<format>`, or checks that the files on
/// disk are what the code produces.
public struct Synthesizer: Sendable {
    public let application: Application
    public let environments: EnvironmentMapping
    public let format: TemplateWriter.Format
    /// The folder asset paths are relative to: the package root, where `swift run stacks` runs.
    public let packageRoot: String

    public init(
        application: Application, environments: EnvironmentMapping, format: TemplateWriter.Format = .yaml,
        packageRoot: String = FileManager.default.currentDirectoryPath
    ) {
        self.application = application
        self.environments = environments
        self.format = format
        self.packageRoot = packageRoot
    }

    /// Builds, renders and validates (template rules and resource schemas) the templates of `stacks` for `environmentNames` (all when empty).
    /// Throws with every error of every template; nothing is written.
    public func synthesize(stacks: [Stack], environmentNames: [String] = []) throws -> [SynthesizedTemplate] {
        let names = environmentNames.isEmpty ? environments.names : environmentNames
        let stackEnvironments = try names.map { try environments.stackEnvironment($0) }
        var results: [SynthesizedTemplate] = []
        var failures: [String] = []
        var packages = AssetPackages(root: packageRoot)
        for stack in stacks {
            for environment in stackEnvironments {
                let label = "\(stack.name) (\(environment.name))"
                do {
                    let (template, assets, assetErrors) = packages.resolve(try stack.template(for: environment))
                    if !assetErrors.isEmpty {
                        failures.append("Stack \(label) is not valid:\n" + assetErrors.map { "  - \($0)" }.joined(separator: "\n"))
                        continue
                    }
                    let text = try TemplateWriter.render(template, format: format)
                    var issues = TemplateValidator.validate(template, renderedSize: text.utf8.count)
                    // Each resource against its type's schema: enum values, patterns, lengths, bounds, required.
                    for resource in template.resources {
                        issues += ResourceSchemas.validate(resource).map { .error($0.message) }
                    }
                    let errors = issues.filter { $0.severity == .error }
                    if !errors.isEmpty {
                        failures.append("Stack \(label) is not valid:\n" + errors.map { "  - \($0.message)" }.joined(separator: "\n"))
                        continue
                    }
                    results.append(SynthesizedTemplate(
                        stack: stack.name, environment: environment.name, format: format, text: text,
                        resourceCount: template.resources.count, notes: issues.filter { $0.severity == .note },
                        assets: assets))
                } catch {
                    failures.append("Stack \(label) could not be built: \(error)")
                }
            }
        }
        if !failures.isEmpty {
            throw SynthesisError(failures.joined(separator: "\n"))
        }
        return results
    }

    /// Writes each template under `directory`, replacing each file whole (never half-written).
    public static func write(_ templates: [SynthesizedTemplate], to directory: String) throws {
        let fileManager = FileManager.default
        for template in templates {
            let path = template.path(in: directory)
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                if let existing = fileManager.contents(atPath: path), existing == Data(template.text.utf8) { continue }
                try Data(template.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw SynthesisError("Cannot write '\(path)': \(error.localizedDescription); check that the folder is writable.")
            }
        }
    }

    /// Compares the templates with the files under `directory`. `stackNames` limits which stacks' folders are
    /// searched for files no longer produced.
    public static func check(_ templates: [SynthesizedTemplate], in directory: String, stackNames: [String]) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        var expected = Set<String>()
        let fileManager = FileManager.default
        for template in templates {
            let path = template.path(in: directory)
            expected.insert(path)
            guard let data = fileManager.contents(atPath: path) else {
                findings.append(CheckFinding(path: path, kind: .missing))
                continue
            }
            if data != Data(template.text.utf8) {
                findings.append(CheckFinding(path: path, kind: .stale))
            }
        }
        for stack in stackNames {
            let folder = (directory as NSString).appendingPathComponent(stack)
            let files = (try? fileManager.contentsOfDirectory(atPath: folder)) ?? []
            for file in files.sorted() {
                let path = (folder as NSString).appendingPathComponent(file)
                if !expected.contains(path) { findings.append(CheckFinding(path: path, kind: .notProduced)) }
            }
        }
        return findings.sorted { $0.path < $1.path }
    }
}

/// One template produced by synthesis.
public struct SynthesizedTemplate: Sendable {
    public let stack: String
    public let environment: String
    public let format: TemplateWriter.Format
    public let text: String
    public let resourceCount: Int
    /// Notes worth showing, such as a template too large to send inline.
    public let notes: [ValidationIssue]
    /// The zipped asset folders the template names, each once, in the order first used.
    public var assets: [AssetPackage] = []

    /// `<directory>/<stack>/<env>.<yaml|json>`.
    public func path(in directory: String) -> String {
        ((directory as NSString).appendingPathComponent(stack) as NSString)
            .appendingPathComponent("\(environment).\(format.fileExtension)")
    }

    public var byteCount: Int { text.utf8.count }
}

/// A difference between the committed templates and the code.
public struct CheckFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case missing
        case stale
        case notProduced
    }

    public let path: String
    public let kind: Kind

    public var description: String {
        switch kind {
        case .missing: "\(path) is missing"
        case .stale: "\(path) is stale (the code produces different bytes)"
        case .notProduced: "\(path) is no longer produced by any stack and environment"
        }
    }
}
