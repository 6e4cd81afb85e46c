import CloudFormation
import Foundation

/// What `stacks synth` was asked to do.
public struct SynthesisRequest: Sendable {
    public var stackNames: [String]
    public var environmentName: String?
    public var outputDirectory: String
    public var format: TemplateWriter.Format
    public var checkOnly: Bool

    public init(stackNames: [String], environmentName: String?, outputDirectory: String, format: TemplateWriter.Format, checkOnly: Bool) {
        self.stackNames = stackNames
        self.environmentName = environmentName
        self.outputDirectory = outputDirectory
        self.format = format
        self.checkOnly = checkOnly
    }
}

/// The text a command prints, and whether it succeeded.
public struct CommandReport: Sendable, Equatable {
    public let text: String
    public let succeeded: Bool
}

/// `stacks synth` and `stacks validate`: choose stacks and environments, synthesize, then write or check.
public struct SynthesisRun: Sendable {
    public let application: Application
    public let environments: EnvironmentMapping

    public init(application: Application, environments: EnvironmentMapping) {
        self.application = application
        self.environments = environments
    }

    public func perform(_ request: SynthesisRequest) throws -> CommandReport {
        let stacks = try application.stacks(named: request.stackNames)
        let environmentNames = request.environmentName.map { [$0] } ?? []
        let synthesizer = Synthesizer(application: application, environments: environments, format: request.format)
        let templates = try synthesizer.synthesize(stacks: stacks, environmentNames: environmentNames)
        let directory = request.outputDirectory
        if request.checkOnly {
            // Files no longer produced are looked for only when every environment was synthesized.
            let scope: [String] = request.environmentName != nil ? [] : (request.stackNames.isEmpty ? allFolders(in: directory, plus: stacks.map(\.name)) : stacks.map(\.name))
            let findings = Synthesizer.check(templates, in: directory, stackNames: scope)
            return checkReport(templates: templates, findings: findings, directory: directory, request: request)
        }
        try Synthesizer.write(templates, to: directory)
        return CommandReport(text: table(templates, directory: directory), succeeded: true)
    }

    /// Builds and checks every template of the named stacks for every environment.
    public func validate(stackNames: [String]) throws -> CommandReport {
        let stacks = try application.stacks(named: stackNames)
        let synthesizer = Synthesizer(application: application, environments: environments)
        let templates = try synthesizer.synthesize(stacks: stacks)
        var lines = templates.map { "\($0.stack) (\($0.environment)): valid, \($0.resourceCount) resources" }
        for template in templates {
            lines += template.notes.map { "  note: \($0.message)" }
        }
        return CommandReport(text: lines.map { $0 + "\n" }.joined(), succeeded: true)
    }

    private func table(_ templates: [SynthesizedTemplate], directory: String) -> String {
        let rows = templates.map { template in
            (template.path(in: directory), "\(template.resourceCount) resources", "\(Self.grouped(template.byteCount)) bytes", template.notes)
        }
        let pathWidth = rows.map(\.0.count).max() ?? 0
        let countWidth = rows.map(\.1.count).max() ?? 0
        let sizeWidth = rows.map(\.2.count).max() ?? 0
        var text = ""
        for (path, count, size, notes) in rows {
            text += path.padding(pathWidth) + "  " + count.leftPadding(countWidth) + "  " + size.leftPadding(sizeWidth) + "\n"
            for note in notes { text += "  note: \(note.message)\n" }
        }
        return text
    }

    private func checkReport(templates: [SynthesizedTemplate], findings: [CheckFinding], directory: String, request: SynthesisRequest) -> CommandReport {
        guard !findings.isEmpty else {
            return CommandReport(text: "\(directory)/ is current: \(templates.count) templates match the code.\n", succeeded: true)
        }
        var command = "swift run stacks synth"
        command += request.stackNames.isEmpty ? " --all" : " " + request.stackNames.joined(separator: " ")
        if let env = request.environmentName { command += " --env \(env)" }
        if request.outputDirectory != "out" { command += " --out \(request.outputDirectory)" }
        if request.format != .yaml { command += " --format \(request.format.rawValue)" }
        var text = findings.map { "\($0)\n" }.joined()
        text += "\(findings.count) of the files under \(directory)/ do not match the code; run `\(command)` and commit the result.\n"
        return CommandReport(text: text, succeeded: false)
    }

    private func allFolders(in directory: String, plus names: [String]) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return Array(Set(entries + names)).sorted()
    }

    /// `12345` as `12,345`.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    func leftPadding(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
