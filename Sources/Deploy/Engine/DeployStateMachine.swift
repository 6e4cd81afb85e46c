/// The deploy of one stack as a state machine: it is fed the results of AWS calls and answers with the next thing
/// to do. It performs no I/O and reads no clock, so a recorded sequence of results always gives the same actions.
///
/// The driver (`StackDeployment`) performs each `Action` and feeds its result back through the matching method.
/// A call that AWS throttled (after the client's own retries) is fed back with `throttled()`: the machine repeats
/// the same action after a longer wait.
public struct DeployStateMachine: Sendable {
    public enum Mode: Sendable, Hashable {
        /// Create a change set, show it, execute it when approved, follow it.
        case deploy
        /// Execute the change set prepared earlier under this name.
        case executePrepared(String)
        /// Delete the stack and follow the deletion.
        case destroy
    }

    public struct Configuration: Sendable {
        public var stackName: String
        public var changeSetName: String
        public var mode: Mode
        /// Delete a stack left in ROLLBACK_COMPLETE and create it anew.
        public var replaceFailed: Bool
        /// Turn termination protection on once the stack exists.
        public var protect: Bool
        /// Destroy: turn termination protection off first when it is on.
        public var forceProtected: Bool
        public var pollInterval: Duration
        public var maxPollInterval: Duration
        /// How many times a change set still being created is looked at before giving up.
        public var maxChangeSetPolls: Int
        /// How many event polls without the stack's final event before stopping following (the stack goes on).
        public var maxFollowPolls: Int

        public init(
            stackName: String, changeSetName: String, mode: Mode = .deploy, replaceFailed: Bool = false,
            protect: Bool = false, forceProtected: Bool = false, pollInterval: Duration = .seconds(2),
            maxPollInterval: Duration = .seconds(30), maxChangeSetPolls: Int = 300, maxFollowPolls: Int = 10_800
        ) {
            self.maxFollowPolls = maxFollowPolls
            self.forceProtected = forceProtected
            self.stackName = stackName
            self.changeSetName = changeSetName
            self.mode = mode
            self.replaceFailed = replaceFailed
            self.protect = protect
            self.pollInterval = pollInterval
            self.maxPollInterval = maxPollInterval
            self.maxChangeSetPolls = maxChangeSetPolls
        }
    }

    public enum ChangeSetType: String, Sendable, Hashable {
        case create = "CREATE", update = "UPDATE"
    }

    /// What the driver decided after showing the change set.
    public enum Decision: Sendable, Hashable {
        case execute
        /// `--prepare`: leave the change set for `--execute`.
        case prepareOnly
        /// Approval was needed and not given; the sentence says how to give it.
        case notApproved(String)
    }

    public enum Action: Sendable, Hashable {
        /// DescribeStacks for the stack (nil result when it does not exist), after `delay`.
        case describeStack(after: Duration)
        /// DeleteStack, for a stack in ROLLBACK_COMPLETE replaced with `--replace-failed`; then `describeStack`.
        case deleteFailedStack
        case createChangeSet(ChangeSetType)
        /// DescribeChangeSet, after `delay`.
        case describeChangeSet(after: Duration)
        /// DeleteChangeSet of an empty change set.
        case deleteEmptyChangeSet
        /// Show the change set and decide (`decided(_:)`).
        case present(ChangeSetSnapshot, ChangeSetType)
        /// Read the newest event id, so following shows only what comes after (`eventsMarked(newestID:)`).
        case markEvents
        case executeChangeSet
        /// DeleteStack of the stack being destroyed.
        case deleteStack
        /// DescribeStackEvents newer than the last one seen, after `delay`.
        case pollEvents(after: Duration)
        /// DescribeStacks once the stack reached a final status, for its outputs.
        case describeFinalStack
        case enableTerminationProtection
        /// Destroy with `--force-protected` of a stack with termination protection on.
        case disableTerminationProtection
        case finish(DeployOutcome)
    }

    /// Where the machine stands. Each case lists the inputs it accepts; any other input is a programming error
    /// and finishes the deploy with a sentence saying so.
    enum State: Sendable, Hashable {
        /// Nothing done yet. → `start()` → describing.
        case idle
        /// DescribeStacks sent. → `stackDescribed` → creatingChangeSet, replacingFailed, lookingAtChangeSet
        /// (executePrepared), deleting (destroy), or finished.
        case describing
        /// DeleteStack of a ROLLBACK_COMPLETE stack sent, then DescribeStacks until it is gone. → `stackDeleted`,
        /// `stackDescribed` → creatingChangeSet (CREATE) or finished.
        case replacingFailed
        /// CreateChangeSet sent. → `changeSetCreated` → lookingAtChangeSet.
        case creatingChangeSet(ChangeSetType)
        /// DescribeChangeSet sent (`polls` so far). → `changeSetDescribed` → lookingAtChangeSet (still creating),
        /// deletingEmpty, presenting, or finished (failed).
        case lookingAtChangeSet(ChangeSetType, polls: Int)
        /// DeleteChangeSet of an empty change set sent. → `changeSetDeleted` → finished (no changes).
        case deletingEmpty
        /// The change set is shown. → `decided` → marking, or finished (prepared / not approved).
        case presenting(ChangeSetType)
        /// Destroy: UpdateTerminationProtection (off) sent. → `terminationProtectionDisabled` → marking.
        case unprotecting
        /// DescribeStackEvents sent for the newest id. → `eventsMarked` → executing or deleting.
        case marking
        /// ExecuteChangeSet sent. → `changeSetExecuted` → following.
        case executing
        /// DeleteStack sent (destroy). → `stackDeleted` → following.
        case deleting
        /// DescribeStackEvents sent. → `eventsPolled` → following, or describingFinal once the stack's final event came.
        case following
        /// DescribeStacks sent after the final event. → `stackDescribed` → protecting or finished.
        case describingFinal(finalStatus: String)
        /// UpdateTerminationProtection sent. → `terminationProtectionEnabled` → finished.
        case protecting(StackSnapshot)
        case finished
    }

    public let configuration: Configuration
    private(set) var state: State = .idle
    /// The last action that calls AWS, repeated after a throttle.
    private var lastCall: Action?
    private var interval: Duration
    /// The events of this operation, oldest first.
    public private(set) var events: [DeployEvent] = []
    /// The newest event seen, for the next poll.
    public private(set) var newestEventID: String?
    private var changeSetType: ChangeSetType = .update
    private var followPolls = 0

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        self.interval = configuration.pollInterval
    }

    var stackName: String { configuration.stackName }

    // MARK: Inputs

    public mutating func start() -> Action {
        guard state == .idle else { return unexpected("start") }
        state = .describing
        return call(.describeStack(after: .zero))
    }

    /// The result of DescribeStacks: nil when the stack does not exist.
    public mutating func stackDescribed(_ stack: StackSnapshot?) -> Action {
        resetInterval()
        switch state {
        case .describing:
            return decideFromExistingStack(stack)
        case .replacingFailed:
            guard let stack, stack.status != "DELETE_COMPLETE" else { return createChangeSet(.create) }
            if stack.status == "DELETE_IN_PROGRESS" { return call(.describeStack(after: interval)) }
            return finish(.failed(DeployError("Stack '\(stackName)' could not be deleted to be replaced (\(stack.status)\(Self.reasonSuffix(stack.statusReason))); delete it in the console or with `stacks destroy`, then deploy again.")))
        case .describingFinal(let finalStatus):
            let status = stack?.status ?? finalStatus
            let snapshot = stack ?? StackSnapshot(name: stackName, status: status)
            if Status.isSuccess(status) {
                if configuration.protect, configuration.mode != .destroy, !snapshot.terminationProtection {
                    state = .protecting(snapshot)
                    return call(.enableTerminationProtection)
                }
                return finish(.succeeded(snapshot))
            }
            return finish(.stackFailed(snapshot, rootCauses: rootCauses()))
        default:
            return unexpected("stackDescribed")
        }
    }

    public mutating func stackDeleted() -> Action {
        switch state {
        case .replacingFailed: return call(.describeStack(after: interval))
        case .deleting:
            state = .following
            return call(.pollEvents(after: .zero))
        default: return unexpected("stackDeleted")
        }
    }

    public mutating func changeSetCreated() -> Action {
        guard case .creatingChangeSet(let type) = state else { return unexpected("changeSetCreated") }
        state = .lookingAtChangeSet(type, polls: 1)
        return call(.describeChangeSet(after: .zero))
    }

    /// CreateChangeSet answered "No updates are to be performed." instead of creating an empty change set (moto
    /// does, when parameters are passed and neither they nor the template changed): nothing to change or delete.
    public mutating func changeSetRefusedAsUnchanged() -> Action {
        guard case .creatingChangeSet = state else { return unexpected("changeSetRefusedAsUnchanged") }
        return finish(.noChanges)
    }

    public mutating func changeSetDescribed(_ changeSet: ChangeSetSnapshot) -> Action {
        resetInterval()
        guard case .lookingAtChangeSet(let type, let polls) = state else { return unexpected("changeSetDescribed") }
        if changeSet.isEmpty {
            state = .deletingEmpty
            return call(.deleteEmptyChangeSet)
        }
        switch changeSet.status {
        case "CREATE_PENDING", "CREATE_IN_PROGRESS":
            guard polls < configuration.maxChangeSetPolls else {
                return finish(.failed(DeployError("Change set '\(changeSet.name)' of stack '\(stackName)' is still being created after \(polls) looks; see it in the CloudFormation console, then deploy again or run `--execute \(changeSet.name)`.")))
            }
            state = .lookingAtChangeSet(type, polls: polls + 1)
            return call(.describeChangeSet(after: interval))
        case "CREATE_COMPLETE":
            guard changeSet.executionStatus == "AVAILABLE" else {
                return finish(.failed(DeployError("Change set '\(changeSet.name)' of stack '\(stackName)' cannot be executed (\(changeSet.executionStatus)); create a new one with `stacks deploy`.")))
            }
            state = .presenting(type)
            return .present(changeSet, type)
        default:
            return finish(.failed(DeployError("Change set '\(changeSet.name)' of stack '\(stackName)' failed (\(changeSet.status))\(Self.reasonSuffix(changeSet.statusReason)); fix the template and deploy again.")))
        }
    }

    public mutating func changeSetDeleted() -> Action {
        guard state == .deletingEmpty else { return unexpected("changeSetDeleted") }
        return finish(.noChanges)
    }

    public mutating func decided(_ decision: Decision) -> Action {
        guard case .presenting = state else { return unexpected("decided") }
        switch decision {
        case .execute:
            state = .marking
            return call(.markEvents)
        case .prepareOnly:
            return finish(.prepared(changeSetName: preparedName))
        case .notApproved(let sentence):
            return finish(.notApproved(changeSetName: preparedName, sentence))
        }
    }

    /// The newest event before executing (nil when the stack has none).
    public mutating func eventsMarked(newestID: String?) -> Action {
        guard state == .marking else { return unexpected("eventsMarked") }
        resetInterval()
        newestEventID = newestID
        if configuration.mode == .destroy {
            state = .deleting
            return call(.deleteStack)
        }
        state = .executing
        return call(.executeChangeSet)
    }

    public mutating func changeSetExecuted() -> Action {
        guard state == .executing else { return unexpected("changeSetExecuted") }
        state = .following
        // The first look is at once: a fast change (or an emulator) may already be done.
        return call(.pollEvents(after: .zero))
    }

    /// Events newer than the last poll's, newest first as DescribeStackEvents returns them.
    public mutating func eventsPolled(_ newestFirst: [DeployEvent]) -> Action {
        guard state == .following else { return unexpected("eventsPolled") }
        resetInterval()
        let fresh = newestFirst.reversed().filter { event in !events.contains { $0.id == event.id } }
        events += fresh
        if let newest = newestFirst.first { newestEventID = newest.id }
        if let final = fresh.last(where: { $0.isStackEvent && $0.logicalID == stackName && Status.isFinal($0.status) }) {
            state = .describingFinal(finalStatus: final.status)
            return call(.describeFinalStack)
        }
        followPolls += 1
        guard followPolls < configuration.maxFollowPolls else {
            return finish(.failed(DeployError("Stopped following '\(stackName)' after \(followPolls) looks without a final status; CloudFormation may still be working on it: watch it with `stacks events`.")))
        }
        return call(.pollEvents(after: interval))
    }

    /// For destroy: the stack is gone (DescribeStackEvents by name no longer finds it).
    public mutating func stackVanished() -> Action {
        guard state == .following, configuration.mode == .destroy else { return unexpected("stackVanished") }
        return finish(.succeeded(StackSnapshot(name: stackName, status: "DELETE_COMPLETE")))
    }

    public mutating func terminationProtectionDisabled() -> Action {
        guard state == .unprotecting else { return unexpected("terminationProtectionDisabled") }
        state = .marking
        return call(.markEvents)
    }

    public mutating func terminationProtectionEnabled() -> Action {
        guard case .protecting(var stack) = state else { return unexpected("terminationProtectionEnabled") }
        stack.terminationProtection = true
        return finish(.succeeded(stack))
    }

    /// The last call was throttled even after the client's retries: wait longer, then repeat it.
    public mutating func throttled() -> Action {
        guard let lastCall, state != .finished else { return unexpected("throttled") }
        interval = min(interval * 2, configuration.maxPollInterval)
        switch lastCall {
        case .describeStack: return .describeStack(after: interval)
        case .describeChangeSet: return .describeChangeSet(after: interval)
        case .pollEvents: return .pollEvents(after: interval)
        default: return lastCall
        }
    }

    /// The wait before the next poll, for the driver's "waiting" notes.
    public var currentInterval: Duration { interval }

    // MARK: Decisions

    private mutating func decideFromExistingStack(_ stack: StackSnapshot?) -> Action {
        let mode = configuration.mode
        guard let stack, stack.status != "DELETE_COMPLETE" else {
            switch mode {
            case .deploy: return createChangeSet(.create)
            case .executePrepared(let name):
                return finish(.failed(DeployError("Stack '\(stackName)' does not exist, so it has no change set '\(name)'; run `stacks deploy --prepare` first.")))
            case .destroy: return finish(.nothingToDestroy)
            }
        }
        if Status.isInProgress(stack.status), stack.status != "REVIEW_IN_PROGRESS" {
            return finish(.failed(DeployError("Stack '\(stackName)' is busy (\(stack.status)); wait for it to finish (`stacks events`), then run again.")))
        }
        if mode == .destroy {
            if stack.terminationProtection {
                guard configuration.forceProtected else {
                    return finish(.failed(DeployError("Stack '\(stackName)' has termination protection on; destroy it with --force-protected to turn the protection off first.")))
                }
                state = .unprotecting
                return call(.disableTerminationProtection)
            }
            state = .marking
            return call(.markEvents)
        }
        if case .executePrepared = mode {
            changeSetType = stack.status == "REVIEW_IN_PROGRESS" ? .create : .update
            state = .lookingAtChangeSet(changeSetType, polls: 1)
            return call(.describeChangeSet(after: .zero))
        }
        switch stack.status {
        case "REVIEW_IN_PROGRESS":
            // Left by an earlier attempt whose change set was never executed: reuse it.
            return createChangeSet(.create)
        case "ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "CREATE_FAILED":
            guard configuration.replaceFailed, stack.status == "ROLLBACK_COMPLETE" else {
                return finish(.failed(DeployError("Stack '\(stackName)' is in \(stack.status) after a failed create and cannot be updated; run again with --replace-failed to delete and recreate it, or delete it with `stacks destroy`.")))
            }
            state = .replacingFailed
            return call(.deleteFailedStack)
        case "UPDATE_ROLLBACK_FAILED":
            return finish(.failed(DeployError("Stack '\(stackName)' is in UPDATE_ROLLBACK_FAILED; continue the rollback (`aws cloudformation continue-update-rollback --stack-name \(stackName)`, skipping resources that cannot roll back), then deploy again.")))
        case "DELETE_FAILED":
            return finish(.failed(DeployError("Stack '\(stackName)' is in DELETE_FAILED; delete it (retaining the resources that failed) with `stacks destroy`, then deploy again.")))
        default:
            return createChangeSet(.update)
        }
    }

    private mutating func createChangeSet(_ type: ChangeSetType) -> Action {
        changeSetType = type
        state = .creatingChangeSet(type)
        return call(.createChangeSet(type))
    }

    private var preparedName: String {
        if case .executePrepared(let name) = configuration.mode { return name }
        return configuration.changeSetName
    }

    /// The first failures, not the cascade of cancellations they caused, nor the stack's own summary.
    func rootCauses() -> [DeployEvent] {
        let failures = events.filter { event in
            event.status.hasSuffix("_FAILED") && !event.isStackEvent
                && !(event.reason ?? "").localizedCaseInsensitiveContains("cancelled")
        }
        let primary = failures.isEmpty ? events.filter { $0.status.hasSuffix("_FAILED") } : failures
        return Array(primary.prefix(5))
    }

    private mutating func call(_ action: Action) -> Action {
        lastCall = action
        return action
    }

    private mutating func resetInterval() { interval = configuration.pollInterval }

    private mutating func finish(_ outcome: DeployOutcome) -> Action {
        state = .finished
        lastCall = nil
        return .finish(outcome)
    }

    private mutating func unexpected(_ input: String) -> Action {
        finish(.failed(DeployError("The deploy of '\(stackName)' received '\(input)' in state \(state), which cannot happen; report this as a bug in stacks.")))
    }

    static func reasonSuffix(_ reason: String?) -> String {
        guard let reason, !reason.isEmpty else { return "" }
        return ": \(reason)"
    }
}
