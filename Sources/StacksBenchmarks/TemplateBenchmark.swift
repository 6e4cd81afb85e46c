import CloudFormation
import Foundation
import YAML

/// Writing and reading back generated templates of 100 to 500 resources, and synthesizing `url-shortener` as a
/// whole process.
enum TemplateBenchmark {
    /// A template of `count` resources shaped like real ones: nested properties, intrinsics, long strings.
    static func generated(resources count: Int) -> Template {
        var template = Template(description: "Generated benchmark template with \(count) resources")
        template.parameters = [ParameterDefinition(id: "Env", properties: ["Type": "String", "Default": "sbx"])]
        for index in 0..<count {
            let previous = index > 0 ? "Function\(index - 1)" : "Env"
            var attributes = ResourceAttributes()
            if index > 0 { attributes.dependsOn = [LogicalID("Function\(index - 1)")] }
            template.resources.append(TemplateResource(id: LogicalID("Function\(index)"), type: "AWS::Lambda::Function", properties: [
                "Architectures": ["arm64"],
                "Code": ["S3Bucket": .intrinsic(.importValue("artifacts-bucket")), "S3Key": .string("functions/\(index)/code-0123456789abcdef.zip")],
                "Description": .string("Function number \(index): handles 'quoted' input, yes/no answers and 00\(index) codes"),
                "Environment": ["Variables": [
                    "TABLE": .intrinsic(.ref(previous)),
                    "ARN": .intrinsic(.sub("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:f\(index)", [:])),
                    "FLAG": "true",
                ]],
                "Handler": "index.handler",
                "MemorySize": .int(128 + index % 4 * 128),
                "Role": .intrinsic(.getAtt("Role", "Arn")),
                "Runtime": "nodejs24.x",
                "Tags": [["Key": "index", "Value": .string(String(index))], ["Key": "team", "Value": "links"]],
                "Timeout": 10,
            ], attributes: attributes))
        }
        template.outputs = [OutputDefinition(id: "Last", properties: ["Value": .intrinsic(.getAtt("Function\(count - 1)", "Arn"))])]
        return template
    }

    static func run() throws -> [String] {
        var lines: [String] = []
        for count in [100, 250, 500] {
            let template = generated(resources: count)
            var text = ""
            let write = try Measure.milliseconds(repeat: 15) { text = try TemplateWriter.render(template, format: .yaml) }
            var read: Template?
            let readBack = try Measure.milliseconds(repeat: 15) { read = try TemplateReader.read(text) }
            guard read == template else { throw BenchmarkError("the \(count)-resource template did not read back as written") }
            lines.append("template \(count) resources (\(text.utf8.count / 1024) KiB): write \(Measure.format(write.median)) ms, read \(Measure.format(readBack.median)) ms (median of 15)")
        }
        // Where the time of the largest one goes.
        let template = generated(resources: 500)
        var node = TemplateWriter.node(for: template, format: .yaml)
        let text = try emitYAML(node)
        let toNode = Measure.milliseconds(repeat: 15) { node = TemplateWriter.node(for: template, format: .yaml) }
        let emit = try Measure.milliseconds(repeat: 15) { _ = try emitYAML(node) }
        let parse = try Measure.milliseconds(repeat: 15) { node = try readYAML(text) }
        let convert = try Measure.milliseconds(repeat: 15) { _ = try TemplateReader.template(from: node) }
        lines.append("  500 resources, by stage: model→nodes \(Measure.format(toNode.median)) ms, libyaml emit \(Measure.format(emit.median)) ms, libyaml parse \(Measure.format(parse.median)) ms, nodes→model \(Measure.format(convert.median)) ms")
        if let peak = Measure.peakResidentMiB() {
            lines.append("peak resident memory after the template runs: \(Measure.format(peak, decimals: 1)) MiB")
        }
        return lines
    }

    /// `stacks synth url-shortener` as a whole process, all three environments, into a temporary folder.
    static func synthProcess(binary: String, repository: String, runs: Int = 20) throws -> [String] {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("stacks-bench-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let cpuBefore = Measure.childrenCPUMilliseconds()
        // posix_spawn and waitpid: Foundation's Process adds about 20 ms of its own to each run.
        let arguments = [binary, "synth", "url-shortener", "--out", out]
        let figures = try Measure.milliseconds(repeat: runs) {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            var pid = pid_t()
            let argv = arguments.map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            let spawned = FileManager.default.changeCurrentDirectoryPath(repository)
                ? posix_spawn(&pid, binary, &actions, nil, argv, environ) : -1
            guard spawned == 0 else { throw BenchmarkError("could not start \(binary)") }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            guard status == 0 else { throw BenchmarkError("stacks synth exited with status \(status)") }
        }
        let cpu = (Measure.childrenCPUMilliseconds() - cpuBefore) / Double(runs)
        return ["stacks synth url-shortener (3 environments, whole process): wall median \(Measure.format(figures.median, decimals: 1)) ms, best \(Measure.format(figures.best, decimals: 1)) ms; CPU \(Measure.format(cpu, decimals: 1)) ms per run (\(runs) runs)"]
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
