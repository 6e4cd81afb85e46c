import AWSClient
import Foundation

/// Runs one stack's `DeployStateMachine` against a `CloudFormationAPI`: performs each action, feeds the result
/// back, prints what happens.
public struct StackDeployment: Sendable {
    public var api: any CloudFormationAPI
    public var output: DeployOutput
    /// Waits between polls; tests pass one that returns at once.
    public var sleep: @Sendable (Duration) async -> Void
    public var interruption: Interruption?
    /// Decides, after the change set is shown, whether to execute it.
    public var decide: @Sendable (ChangeSetSnapshot) async -> DeployStateMachine.Decision
    /// Prefixes event lines when several stacks deploy at once.
    public var label: String?

    public init(
        api: any CloudFormationAPI,
        output: DeployOutput,
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) },
        interruption: Interruption? = nil,
        label: String? = nil,
        decide: @escaping @Sendable (ChangeSetSnapshot) async -> DeployStateMachine.Decision = { _ in .execute }
    ) {
        self.api = api
        self.output = output
        self.sleep = sleep
        self.interruption = interruption
        self.label = label
        self.decide = decide
    }

    /// Deploys (or destroys) one stack and returns how it ended. `request` is the change set to create (deploy
    /// mode only).
    public func run(_ configuration: DeployStateMachine.Configuration, request: ChangeSetRequest? = nil) async
        -> DeployOutcome
    {
        var machine = DeployStateMachine(configuration)
        let stack = configuration.stackName
        var action = machine.start()
        var changeSetName = configuration.changeSetName
        if case .executePrepared(let name) = configuration.mode { changeSetName = name }
        while true {
            do {
                switch action {
                case .describeStack(let delay):
                    await sleep(delay)
                    action = machine.stackDescribed(try await api.describeStack(stack))
                case .deleteFailedStack:
                    output.line("Deleting \(stack), left in ROLLBACK_COMPLETE, to create it anew (--replace-failed).")
                    try await api.deleteStack(stack)
                    action = machine.stackDeleted()
                case .createChangeSet(let type):
                    guard var request else {
                        return .failed(DeployError("No template was given for stack '\(stack)'; this is a bug in stacks."))
                    }
                    request.type = type
                    request.changeSetName = changeSetName
                    do {
                        try await api.createChangeSet(request)
                        action = machine.changeSetCreated()
                    } catch let error as AWSClientError where Self.isNoUpdates(error) {
                        action = machine.changeSetRefusedAsUnchanged()
                    }
                case .describeChangeSet(let delay):
                    await sleep(delay)
                    action = machine.changeSetDescribed(try await api.describeChangeSet(changeSetName, stackName: stack))
                case .deleteEmptyChangeSet:
                    try await api.deleteChangeSet(changeSetName, stackName: stack)
                    action = machine.changeSetDeleted()
                case .present(let changeSet, let type):
                    output.lines(DeployText.changeSet(changeSet, type: type, stackName: stack))
                    action = machine.decided(await decide(changeSet))
                case .markEvents:
                    action = machine.eventsMarked(newestID: try await api.stackEvents(stack, after: nil).first?.id)
                case .executeChangeSet:
                    // From here until ExecuteChangeSet returns, Ctrl-C is only noted.
                    interruption?.install()
                    try await api.executeChangeSet(changeSetName, stackName: stack)
                    output.line("Executing change set \(changeSetName) on \(stack).")
                    action = machine.changeSetExecuted()
                case .deleteStack:
                    interruption?.install()
                    try await api.deleteStack(stack)
                    output.line("Deleting \(stack).")
                    action = machine.stackDeleted()
                case .pollEvents(let delay):
                    if await wait(delay) { return stopFollowing(stack) }
                    let newestFirst: [DeployEvent]
                    do {
                        newestFirst = try await api.stackEvents(stack, after: machine.newestEventID)
                    } catch let error as AWSClientError where configuration.mode == .destroy && LiveCloudFormationAPI.isMissingStack(error) {
                        action = machine.stackVanished()
                        continue
                    }
                    let known = Set(machine.events.map(\.id))
                    for event in newestFirst.reversed() where !known.contains(event.id) {
                        output.event(event, stack: label)
                    }
                    action = machine.eventsPolled(newestFirst)
                case .describeFinalStack:
                    output.endLiveView()
                    action = machine.stackDescribed(try await api.describeStack(stack))
                case .enableTerminationProtection:
                    do {
                        try await api.enableTerminationProtection(stack)
                        output.line("Termination protection is on for \(stack).")
                    } catch {
                        // The deploy itself succeeded; say what is missing rather than failing it.
                        output.line("warning: could not turn on termination protection for \(stack) (\(error)); turn it on in the CloudFormation console.")
                    }
                    action = machine.terminationProtectionEnabled()
                case .disableTerminationProtection:
                    try await api.disableTerminationProtection(stack)
                    output.line("Turned termination protection off for \(stack) (--force-protected).")
                    action = machine.terminationProtectionDisabled()
                case .finish(let outcome):
                    return outcome
                }
            } catch let error as AWSClientError where error.serviceCode.map(Throttling.codes.contains) == true {
                action = machine.throttled()
                output.line("AWS is throttling calls for \(stack); trying again in \(Self.seconds(machine.currentInterval)).")
            } catch let error as AWSClientError where error.serviceCode == "ChangeSetNotFound" {
                output.endLiveView()
                let name = if case .executePrepared(let name) = configuration.mode { name } else { configuration.changeSetName }
                return .failed(DeployError("Stack '\(stack)' has no change set '\(name)': it had no changes when it was prepared, it was executed or deleted since, or the name is mistyped."))
            } catch {
                output.endLiveView()
                return .failed(DeployError("\(Self.operation(action)) for stack '\(stack)' failed: \(error)"))
            }
        }
    }

    /// Sleeps in short slices, so Ctrl-C is noticed quickly; true when interrupted.
    private func wait(_ delay: Duration) async -> Bool {
        guard let interruption else {
            await sleep(delay)
            return false
        }
        var left = delay
        let slice = Duration.milliseconds(100)
        while left > .zero {
            if interruption.isRequested { return true }
            let step = min(slice, left)
            await sleep(step)
            left -= step
        }
        return interruption.isRequested
    }

    private func stopFollowing(_ stack: String) -> DeployOutcome {
        output.endLiveView()
        return .stoppedFollowing
    }

    static func operation(_ action: DeployStateMachine.Action) -> String {
        switch action {
        case .describeStack, .describeFinalStack: "DescribeStacks"
        case .deleteFailedStack, .deleteStack: "DeleteStack"
        case .createChangeSet: "CreateChangeSet"
        case .describeChangeSet: "DescribeChangeSet"
        case .deleteEmptyChangeSet: "DeleteChangeSet"
        case .markEvents, .pollEvents: "DescribeStackEvents"
        case .executeChangeSet: "ExecuteChangeSet"
        case .enableTerminationProtection, .disableTerminationProtection: "UpdateTerminationProtection"
        case .present, .finish: "Deploy"
        }
    }

    /// `ValidationError: No updates are to be performed.`, UpdateStack's answer, which some servers give to
    /// CreateChangeSet too.
    static func isNoUpdates(_ error: AWSClientError) -> Bool {
        guard case .service(let service) = error else { return false }
        return service.code == "ValidationError" && service.message.hasPrefix("No updates are to be performed")
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
