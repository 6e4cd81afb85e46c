import CloudFormation
import Foundation

/// `stacks status`, `events`, `outputs`, `destroy` and `whoami`: look at (or delete) deployed stacks.
public struct StackInspection: Sendable {
    public let application: Application
    public let environments: EnvironmentMapping
    public let context: DeployContext

    public init(application: Application, environments: EnvironmentMapping, context: DeployContext) {
        self.application = application
        self.environments = environments
        self.context = context
    }

    /// Status, last update and outputs of one stack, or of every stack of the application.
    public func status(stackName: String?, environmentName: String) async -> Bool {
        await run(environmentName, stackNames: stackName.map { [$0] } ?? []) { session, stacks, environment in
            for (stack, name) in stacks {
                guard let snapshot = try await session.api.describeStack(name) else {
                    context.output.line("\(name): not deployed (stack '\(stack.name)' in \(environment.name)).")
                    continue
                }
                let updated = snapshot.lastUpdated.map { ", last updated \(DeployText.time($0))" } ?? ""
                let protection = snapshot.terminationProtection ? ", termination protection on" : ""
                context.output.line("\(name): \(snapshot.status)\(updated)\(protection).")
                if let reason = snapshot.statusReason, !reason.isEmpty { context.output.line("  \(DeployText.oneLine(reason))") }
                if let drift = snapshot.driftStatus {
                    context.output.line("  " + DeployText.drift(drift, checked: snapshot.driftChecked, stackName: name))
                }
                context.output.lines(DeployText.outputs(snapshot.outputs).map { "  " + $0 })
            }
            return true
        }
    }

    /// Every event of the stack, oldest first.
    public func events(stackName: String, environmentName: String) async -> Bool {
        await run(environmentName, stackNames: [stackName]) { session, stacks, _ in
            for (_, name) in stacks {
                guard try await session.api.describeStack(name) != nil else {
                    throw DeployError("Stack '\(name)' does not exist; deploy it with `stacks deploy`.")
                }
                for event in try await session.api.stackEvents(name, after: nil).reversed() { context.output.event(event) }
            }
            return true
        }
    }

    /// The stack's outputs, `key  value` a line.
    public func outputs(stackName: String, environmentName: String) async -> Bool {
        await run(environmentName, stackNames: [stackName]) { session, stacks, _ in
            for (_, name) in stacks {
                guard let snapshot = try await session.api.describeStack(name) else {
                    throw DeployError("Stack '\(name)' does not exist; deploy it with `stacks deploy`.")
                }
                let width = snapshot.outputs.map(\.key.count).max() ?? 0
                context.output.lines(snapshot.outputs.map { "\($0.key.padding(width))  \($0.value)" })
            }
            return true
        }
    }

    /// Deletes the stack after a yes (or `--yes`); protected environments also need `--force-protected`.
    public func destroy(stackName: String, environmentName: String, yes: Bool, forceProtected: Bool) async -> Bool {
        await run(environmentName, stackNames: [stackName], check: { environment in
            if environment.isProtected, !forceProtected {
                throw DeployError("Environment '\(environment.name)' is protected; destroying '\(stackName)' there needs --force-protected.")
            }
            if !yes, context.confirm == nil {
                throw DeployError("Destroying '\(stackName)' in \(environment.name) needs a yes; run it in a terminal or pass --yes.")
            }
        }) { session, stacks, environment in
            var succeeded = true
            for (_, name) in stacks {
                if !yes, let confirm = context.confirm, await !confirm("Delete stack \(name) and its resources in account \(session.account)?") {
                    context.output.line("Not destroyed: \(name) was kept.")
                    return false
                }
                let deployment = StackDeployment(
                    api: session.api, output: context.output, sleep: context.sleep, interruption: context.interruption)
                let outcome = await deployment.run(DeployStateMachine.Configuration(
                    stackName: name, changeSetName: "", mode: .destroy, forceProtected: forceProtected,
                    pollInterval: context.pollInterval))
                let report = DeployRun.report(outcome, stackName: name, environment: environment, stack: stackName) { $0 }
                context.output.closing(report, succeeded: outcome.isSuccess)
                succeeded = succeeded && outcome.isSuccess
            }
            return succeeded
        }
    }

    private func run(
        _ environmentName: String, stackNames: [String],
        check: (Environment) throws -> Void = { _ in },
        _ body: (DeploySession, [(Stack, String)], Environment) async throws -> Bool
    ) async -> Bool {
        do {
            let environment = try environments.environment(environmentName, variables: context.variables)
            let stacks = try application.stacks(named: stackNames).map { ($0, $0.deployedName(environment.stackEnvironment)) }
            try check(environment)
            let session = try await context.session(environment)
            return try await body(session, stacks, environment)
        } catch {
            context.output.error("\(error)")
            return false
        }
    }
}

/// `stacks whoami`.
public enum WhoAmI {
    public static func lines(_ session: DeploySession) -> [String] {
        [
            "Account:     \(session.account)",
            "ARN:         \(session.arn)",
            "Credentials: \(session.source)",
            "Region:      \(session.region)",
            "Endpoint:    \(session.endpoint)",
        ]
    }
}
