import CloudFormation
import Foundation

/// `stacks deploy`: choose the environment and stacks, synthesize, check the identity, then deploy each stack
/// through a change set, in dependency order. Prints as it goes; returns whether everything succeeded.
public struct DeployRun: Sendable {
    /// CloudFormation's limit for a template sent inline.
    public static let inlineTemplateLimit = 51_200

    public let application: Application
    public let environments: EnvironmentMapping
    public let context: DeployContext

    public init(application: Application, environments: EnvironmentMapping, context: DeployContext) {
        self.application = application
        self.environments = environments
        self.context = context
    }

    /// One stack ready to deploy.
    struct Prepared: Sendable {
        var stack: Stack
        var deployedName: String
        var template: SynthesizedTemplate
        var facts: TemplateFacts
    }

    public func deploy(_ request: DeployRequest) async -> Bool {
        let output = context.output
        do {
            let environment = try environments.environment(request.environmentName, variables: context.variables)
            let stacks = try application.stacks(named: request.stackNames, all: request.all)
            if request.execute != nil, stacks.count != 1 {
                throw DeployError("--execute names one change set of one stack; name exactly one stack.")
            }
            let synthesizer = Synthesizer(application: application, environments: environments, packageRoot: context.packageRoot)
            let templates = try synthesizer.synthesize(stacks: stacks, environmentNames: [environment.name])
            var prepared: [Prepared] = []
            for (stack, template) in zip(stacks, templates) {
                let name = stack.deployedName(environment.stackEnvironment)
                let facts = try TemplateFacts(templateText: template.text, stackName: name, region: environment.region)
                if template.byteCount > Self.inlineTemplateLimit, environment.artifactBucket == nil {
                    throw DeployError("The template of '\(name)' is \(template.byteCount) bytes, over CloudFormation's \(Self.inlineTemplateLimit)-byte limit for templates sent inline, and environment '\(environment.name)' has no artifactBucket; set 'artifactBucket' for it in \(environments.file).")
                }
                if let asset = template.assets.first, environment.artifactBucket == nil {
                    throw DeployError("Stack '\(name)' uses the local asset folder '\(asset.asset.path)', which deploy uploads to the environment's artifact bucket, and environment '\(environment.name)' has no artifactBucket; set 'artifactBucket' for it (or under defaults) in \(environments.file).")
                }
                prepared.append(Prepared(stack: stack, deployedName: name, template: template, facts: facts))
            }
            let session = try await context.session(environment)
            output.line("Deploying to \(environment.name): account \(session.account), region \(session.region), as \(session.arn).")
            let levels = try Self.levels(prepared)
            var failed: Set<String> = []
            var succeeded = true
            for level in levels {
                if context.interruption?.isRequested == true {
                    output.line("Stopped by Ctrl-C: \(level.map(\.deployedName).joined(separator: ", ")) not started.")
                    return false
                }
                let runnable = level.filter { item in item.facts.imports.allSatisfy { name in
                    !prepared.contains { failed.contains($0.deployedName) && $0.facts.exports.contains(name) }
                } }
                for skipped in level where !runnable.contains(where: { $0.deployedName == skipped.deployedName }) {
                    output.line("\(skipped.deployedName): skipped, because a stack it imports from failed.")
                    failed.insert(skipped.deployedName)
                    succeeded = false
                }
                let results = await deployConcurrently(
                    runnable, environment: environment, session: session, request: request,
                    labelled: prepared.count > 1)
                for (name, ok) in results where !ok {
                    failed.insert(name)
                    succeeded = false
                }
            }
            return succeeded
        } catch {
            output.error("\(error)")
            return false
        }
    }

    private func deployConcurrently(
        _ items: [Prepared], environment: Environment, session: DeploySession, request: DeployRequest, labelled: Bool
    ) async -> [(String, Bool)] {
        let limit = max(1, request.concurrency)
        return await withTaskGroup(of: (Int, String, Bool).self) { group in
            var results: [(Int, String, Bool)] = []
            var next = 0
            func add(_ index: Int) {
                let item = items[index]
                group.addTask {
                    let ok = await self.deployOne(item, environment: environment, session: session, request: request, labelled: labelled)
                    return (index, item.deployedName, ok)
                }
            }
            while next < min(limit, items.count) {
                add(next)
                next += 1
            }
            for await result in group {
                results.append(result)
                if next < items.count {
                    add(next)
                    next += 1
                }
            }
            return results.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
        }
    }

    private func deployOne(
        _ item: Prepared, environment: Environment, session: DeploySession, request: DeployRequest, labelled: Bool
    ) async -> Bool {
        let output = context.output
        let name = item.deployedName
        let changeSetName = "stacks-" + DeployText.compactTime(context.now())
        var template = ChangeSetRequest.Template.body(item.template.text)
        if request.execute == nil, item.template.byteCount > Self.inlineTemplateLimit, let bucket = environment.artifactBucket {
            let bytes = Array(item.template.text.utf8)
            let hash = SHA256Hex.of(bytes)
            let key = "stacks/\(name)/\(hash).template"
            do {
                try await session.api.upload(bucket: bucket, key: key, body: bytes)
            } catch {
                output.error("Uploading the template of '\(name)' to s3://\(bucket)/\(key) failed: \(error)")
                return false
            }
            output.line("Uploaded the template of \(name) (\(item.template.byteCount) bytes) to s3://\(bucket)/\(key).")
            template = .url("https://\(bucket).s3.\(environment.region).amazonaws.com/\(key)")
        }
        var parameters: [StackParameterValue] = []
        if request.execute == nil, let bucket = environment.artifactBucket, !item.template.assets.isEmpty {
            do {
                try await AssetUpload(api: session.api, output: output, bucket: bucket).run(item.template.assets, stackName: name)
            } catch {
                output.error("\(error)")
                return false
            }
            parameters = AssetUpload.parameters(item.template.assets, bucket: bucket)
        }
        var tags = [
            StackTagValue(key: "stacks:environment", value: environment.name),
            StackTagValue(key: "stacks:stack", value: item.stack.name),
        ]
        if let commit = context.gitCommit { tags.append(StackTagValue(key: "stacks:git-commit", value: commit)) }
        for tag in environment.tags where !tags.contains(where: { $0.key == tag.key }) {
            tags.append(StackTagValue(key: tag.key, value: tag.value))
        }
        let changeSet = ChangeSetRequest(
            stackName: name, changeSetName: changeSetName, type: .update, template: template,
            capabilities: item.facts.capabilities, tags: tags, notificationARNs: environment.notificationARNs,
            description: context.gitCommit.map { "stacks deploy of \($0)" }, parameters: parameters)
        let mode: DeployStateMachine.Mode = request.execute.map { .executePrepared($0) } ?? .deploy
        let configuration = DeployStateMachine.Configuration(
            stackName: name, changeSetName: changeSetName, mode: mode, replaceFailed: request.replaceFailed,
            protect: environment.isProtected, pollInterval: context.pollInterval)
        let executeCommand = command(item.stack.name, environment: environment, request: request)
        let confirm = context.confirm
        let deployment = StackDeployment(
            api: session.api, output: output, sleep: context.sleep, interruption: context.interruption,
            label: labelled ? name : nil
        ) { [interruption = context.interruption] changeSet in
            if request.prepare { return .prepareOnly }
            if interruption?.isRequested == true {
                return .notApproved("Stopped by Ctrl-C before executing change set \(changeSet.name) on \(name); it is left for `\(executeCommand(changeSet.name))`.")
            }
            guard environment.isProtected, !request.approve else { return .execute }
            if let confirm, await confirm("Execute change set \(changeSet.name) on \(name) in protected environment '\(environment.name)'?") {
                return .execute
            }
            return .notApproved("Environment '\(environment.name)' is protected and the change set was not approved; review it and run `\(executeCommand(changeSet.name)) --approve`.")
        }
        let outcome = await deployment.run(configuration, request: changeSet)
        let report = Self.report(outcome, stackName: name, environment: environment, stack: item.stack.name, executeCommand: executeCommand)
        output.closing(report, succeeded: outcome.isSuccess)
        return outcome.isSuccess
    }

    private func command(_ stack: String, environment: Environment, request: DeployRequest) -> @Sendable (String) -> String {
        var base = "stacks deploy \(stack) --env \(environment.name)"
        if let file = request.environmentsFile { base += " --environments \(file)" }
        let prefix = base
        return { "\(prefix) --execute \($0)" }
    }

    /// The closing lines for one stack.
    static func report(
        _ outcome: DeployOutcome, stackName: String, environment: Environment, stack: String,
        executeCommand: (String) -> String
    ) -> [String] {
        switch outcome {
        case .succeeded(let snapshot):
            return ["\(stackName): \(snapshot.status)."] + DeployText.outputs(snapshot.outputs)
        case .noChanges:
            return ["\(stackName): no changes; the change set was empty and is deleted."]
        case .prepared(let name):
            var command = executeCommand(name)
            if environment.isProtected { command += " --approve" }
            return ["\(stackName): change set \(name) is ready and not executed. To execute it: \(command)"]
        case .notApproved(_, let sentence):
            return [sentence]
        case .nothingToDestroy:
            return ["\(stackName) does not exist; nothing to destroy."]
        case .stackFailed(let snapshot, let causes):
            var lines = ["\(stackName) failed: \(snapshot.status)."]
            if !causes.isEmpty {
                lines.append("Root cause\(causes.count == 1 ? "" : "s"):")
                lines += causes.map { "  \($0.logicalID) (\($0.resourceType)) \($0.status): \(DeployText.oneLine($0.reason ?? "no reason given"))" }
            }
            if snapshot.status == "UPDATE_ROLLBACK_FAILED" {
                lines.append("The stack cannot be updated until its rollback is continued: `aws cloudformation continue-update-rollback --stack-name \(stackName)`.")
            } else if snapshot.status == "ROLLBACK_COMPLETE" {
                lines.append("Fix the cause, then deploy again with --replace-failed to delete and recreate the stack.")
            }
            return lines
        case .failed(let error):
            return [error.message]
        case .stoppedFollowing:
            return ["Stopped following \(stackName); CloudFormation keeps going. Watch it with `stacks events \(stack) --env \(environment.name)`."]
        }
    }

    /// Stacks in dependency order: each level only imports exports of earlier levels.
    static func levels(_ items: [Prepared]) throws -> [[Prepared]] {
        var remaining = items
        var done: Set<String> = []
        var levels: [[Prepared]] = []
        let exporters = { (name: String) in items.filter { $0.facts.exports.contains(name) }.map(\.deployedName) }
        while !remaining.isEmpty {
            let ready = remaining.filter { item in
                item.facts.imports.allSatisfy { name in
                    exporters(name).allSatisfy { $0 == item.deployedName || done.contains($0) }
                }
            }
            guard !ready.isEmpty else {
                throw DeployError("The stacks \(remaining.map { "'\($0.deployedName)'" }.joined(separator: ", ")) import each other's exports in a cycle; break the cycle so one can deploy first.")
            }
            levels.append(ready)
            done.formUnion(ready.map(\.deployedName))
            remaining.removeAll { item in ready.contains { $0.deployedName == item.deployedName } }
        }
        return levels
    }
}
