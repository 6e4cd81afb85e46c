import Foundation
import Testing

@testable import Deploy

/// The state machine fed recorded sequences of AWS results, no I/O.
@Suite struct DeployStateMachineTests {
    static let name = "url-shortener-sbx"

    static func machine(
        mode: DeployStateMachine.Mode = .deploy, replaceFailed: Bool = false, protect: Bool = false
    ) -> DeployStateMachine {
        DeployStateMachine(.init(
            stackName: name, changeSetName: "stacks-1", mode: mode, replaceFailed: replaceFailed, protect: protect,
            pollInterval: .seconds(2), maxPollInterval: .seconds(16), maxChangeSetPolls: 3))
    }

    static func event(_ id: String, _ logical: String, _ status: String, _ reason: String? = nil, type: String? = nil) -> DeployEvent {
        DeployEvent(
            id: id, timestamp: Date(timeIntervalSince1970: 1_800_000_000 + Double(id.count)), logicalID: logical,
            resourceType: type ?? (logical == name ? "AWS::CloudFormation::Stack" : "AWS::DynamoDB::Table"),
            status: status, reason: reason)
    }

    static func changeSet(_ status: String, reason: String? = nil, execution: String = "AVAILABLE") -> ChangeSetSnapshot {
        ChangeSetSnapshot(
            id: "arn:cs", name: "stacks-1", status: status, statusReason: reason, executionStatus: execution,
            changes: [ResourceChangeSummary(action: .add, logicalID: "Links", resourceType: "AWS::DynamoDB::Table")])
    }

    @Test func createFromNothingToCompleteWithOutputs() {
        var m = Self.machine()
        #expect(m.start() == .describeStack(after: .zero))
        #expect(m.stackDescribed(nil) == .createChangeSet(.create))
        #expect(m.changeSetCreated() == .describeChangeSet(after: .zero))
        #expect(m.changeSetDescribed(Self.changeSet("CREATE_PENDING", execution: "UNAVAILABLE")) == .describeChangeSet(after: .seconds(2)))
        let ready = Self.changeSet("CREATE_COMPLETE")
        #expect(m.changeSetDescribed(ready) == .present(ready, .create))
        #expect(m.decided(.execute) == .markEvents)
        #expect(m.eventsMarked(newestID: "e0") == .executeChangeSet)
        #expect(m.changeSetExecuted() == .pollEvents(after: .zero))
        #expect(m.eventsPolled([Self.event("e2", "Links", "CREATE_IN_PROGRESS"), Self.event("e1", Self.name, "CREATE_IN_PROGRESS")]) == .pollEvents(after: .seconds(2)))
        #expect(m.newestEventID == "e2")
        #expect(m.eventsPolled([Self.event("e4", Self.name, "CREATE_COMPLETE"), Self.event("e3", "Links", "CREATE_COMPLETE")]) == .describeFinalStack)
        let done = StackSnapshot(name: Self.name, status: "CREATE_COMPLETE", outputs: [StackOutputValue(key: "TableName", value: "t")])
        #expect(m.stackDescribed(done) == .finish(.succeeded(done)))
        #expect(m.events.map(\.id) == ["e1", "e2", "e3", "e4"])
    }

    @Test func updateOfAnExistingStack() {
        var m = Self.machine()
        _ = m.start()
        #expect(m.stackDescribed(StackSnapshot(name: Self.name, status: "UPDATE_ROLLBACK_COMPLETE")) == .createChangeSet(.update))
        _ = m.changeSetCreated()
        let ready = Self.changeSet("CREATE_COMPLETE")
        #expect(m.changeSetDescribed(ready) == .present(ready, .update))
    }

    @Test func emptyChangeSetIsDeletedAndIsSuccess() {
        var m = Self.machine()
        _ = m.start()
        _ = m.stackDescribed(StackSnapshot(name: Self.name, status: "CREATE_COMPLETE"))
        _ = m.changeSetCreated()
        let empty = Self.changeSet("FAILED", reason: "The submitted information didn't contain changes. Submit different information to create a change set.", execution: "UNAVAILABLE")
        #expect(m.changeSetDescribed(empty) == .deleteEmptyChangeSet)
        #expect(m.changeSetDeleted() == .finish(.noChanges))
        #expect(DeployOutcome.noChanges.isSuccess)
    }

    @Test func changeSetRefusedForNoUpdatesIsNoChanges() {
        var m = Self.machine()
        _ = m.start()
        #expect(m.stackDescribed(StackSnapshot(name: Self.name, status: "CREATE_COMPLETE")) == .createChangeSet(.update))
        #expect(m.changeSetRefusedAsUnchanged() == .finish(.noChanges))
    }

    @Test func failedCreateEndsInRollbackCompleteWithTheRootCauseNotTheCascade() {
        var m = Self.machine()
        _ = m.start()
        _ = m.stackDescribed(nil)
        _ = m.changeSetCreated()
        _ = m.changeSetDescribed(Self.changeSet("CREATE_COMPLETE"))
        _ = m.decided(.execute)
        _ = m.eventsMarked(newestID: nil)
        _ = m.changeSetExecuted()
        let action = m.eventsPolled([
            Self.event("e7", Self.name, "ROLLBACK_COMPLETE"),
            Self.event("e6", "Role", "DELETE_COMPLETE", type: "AWS::IAM::Role"),
            Self.event("e5", Self.name, "ROLLBACK_IN_PROGRESS", "The following resource(s) failed to create: [Links, Role]."),
            Self.event("e4", "Role", "CREATE_FAILED", "Resource creation cancelled", type: "AWS::IAM::Role"),
            Self.event("e3", "Links", "CREATE_FAILED", "Table name already exists"),
            Self.event("e2", "Links", "CREATE_IN_PROGRESS"),
            Self.event("e1", Self.name, "CREATE_IN_PROGRESS", "User Initiated"),
        ])
        #expect(action == .describeFinalStack)
        let failed = StackSnapshot(name: Self.name, status: "ROLLBACK_COMPLETE")
        guard case .finish(.stackFailed(let stack, let causes)) = m.stackDescribed(failed) else {
            Issue.record("expected a failed stack")
            return
        }
        #expect(stack.status == "ROLLBACK_COMPLETE")
        #expect(causes.map(\.id) == ["e3"])
    }

    @Test func updateRollbackFailedIsAFailureWithTheCause() {
        var m = Self.machine()
        _ = m.start()
        _ = m.stackDescribed(StackSnapshot(name: Self.name, status: "UPDATE_COMPLETE"))
        _ = m.changeSetCreated()
        _ = m.changeSetDescribed(Self.changeSet("CREATE_COMPLETE"))
        _ = m.decided(.execute)
        _ = m.eventsMarked(newestID: "old")
        _ = m.changeSetExecuted()
        #expect(m.eventsPolled([
            Self.event("e4", Self.name, "UPDATE_ROLLBACK_FAILED"),
            Self.event("e3", "Links", "UPDATE_FAILED", "Resource handler returned message: \"Access denied\""),
            Self.event("e2", "Links", "UPDATE_FAILED", "Rate exceeded"),
            Self.event("e1", Self.name, "UPDATE_IN_PROGRESS"),
        ]) == .describeFinalStack)
        guard case .finish(.stackFailed(_, let causes)) = m.stackDescribed(StackSnapshot(name: Self.name, status: "UPDATE_ROLLBACK_FAILED")) else {
            Issue.record("expected a failed stack")
            return
        }
        #expect(causes.map(\.id) == ["e2", "e3"])
    }

    @Test func existingStackInUpdateRollbackFailedIsRefusedWithWhatToDo() {
        var m = Self.machine()
        _ = m.start()
        guard case .finish(.failed(let error)) = m.stackDescribed(StackSnapshot(name: Self.name, status: "UPDATE_ROLLBACK_FAILED")) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(error.message.contains("continue-update-rollback --stack-name url-shortener-sbx"))
    }

    @Test func reviewInProgressStackIsReusedWithACreateChangeSet() {
        var m = Self.machine()
        _ = m.start()
        #expect(m.stackDescribed(StackSnapshot(name: Self.name, status: "REVIEW_IN_PROGRESS")) == .createChangeSet(.create))
    }

    @Test func rollbackCompleteStackIsReportedWithoutReplaceFailed() {
        var m = Self.machine()
        _ = m.start()
        #expect(m.stackDescribed(StackSnapshot(name: Self.name, status: "ROLLBACK_COMPLETE")) == .finish(.failed(DeployError(
            "Stack 'url-shortener-sbx' is in ROLLBACK_COMPLETE after a failed create and cannot be updated; run again with --replace-failed to delete and recreate it, or delete it with `stacks destroy`."))))
    }

    @Test func rollbackCompleteStackIsReplacedWithReplaceFailed() {
        var m = Self.machine(replaceFailed: true)
        _ = m.start()
        #expect(m.stackDescribed(StackSnapshot(name: Self.name, status: "ROLLBACK_COMPLETE")) == .deleteFailedStack)
        #expect(m.stackDeleted() == .describeStack(after: .seconds(2)))
        #expect(m.stackDescribed(StackSnapshot(name: Self.name, status: "DELETE_IN_PROGRESS")) == .describeStack(after: .seconds(2)))
        #expect(m.stackDescribed(nil) == .createChangeSet(.create))
    }

    @Test func throttledPollsBackOffThenResetAfterASuccess() {
        var m = Self.machine()
        _ = m.start()
        _ = m.stackDescribed(nil)
        _ = m.changeSetCreated()
        _ = m.changeSetDescribed(Self.changeSet("CREATE_COMPLETE"))
        _ = m.decided(.execute)
        _ = m.eventsMarked(newestID: nil)
        #expect(m.changeSetExecuted() == .pollEvents(after: .zero))
        #expect(m.throttled() == .pollEvents(after: .seconds(4)))
        #expect(m.throttled() == .pollEvents(after: .seconds(8)))
        #expect(m.throttled() == .pollEvents(after: .seconds(16)))
        #expect(m.throttled() == .pollEvents(after: .seconds(16)))
        #expect(m.eventsPolled([Self.event("e1", Self.name, "CREATE_IN_PROGRESS")]) == .pollEvents(after: .seconds(2)))
    }

    @Test func throttledCreateChangeSetIsRepeated() {
        var m = Self.machine()
        _ = m.start()
        #expect(m.stackDescribed(nil) == .createChangeSet(.create))
        #expect(m.throttled() == .createChangeSet(.create))
        #expect(m.changeSetCreated() == .describeChangeSet(after: .zero))
    }

    @Test func slowChangeSetCreationIsWaitedForThenGivenUp() {
        var m = Self.machine()
        _ = m.start()
        _ = m.stackDescribed(nil)
        _ = m.changeSetCreated()
        let pending = Self.changeSet("CREATE_IN_PROGRESS", execution: "UNAVAILABLE")
        #expect(m.changeSetDescribed(pending) == .describeChangeSet(after: .seconds(2)))
        #expect(m.changeSetDescribed(pending) == .describeChangeSet(after: .seconds(2)))
        guard case .finish(.failed(let error)) = m.changeSetDescribed(pending) else {
            Issue.record("expected to give up")
            return
        }
        #expect(error.message.hasPrefix("Change set 'stacks-1' of stack 'url-shortener-sbx' is still being created after 3 looks"))
    }

    @Test func failedChangeSetIsAFailureWithItsReason() {
        var m = Self.machine()
        _ = m.start()
        _ = m.stackDescribed(nil)
        _ = m.changeSetCreated()
        #expect(m.changeSetDescribed(Self.changeSet("FAILED", reason: "Template format error: bad", execution: "UNAVAILABLE")) == .finish(.failed(DeployError(
            "Change set 'stacks-1' of stack 'url-shortener-sbx' failed (FAILED): Template format error: bad; fix the template and deploy again."))))
    }

    @Test(arguments: [
        (DeployStateMachine.Decision.prepareOnly, DeployOutcome.prepared(changeSetName: "stacks-1")),
        (.notApproved("needs approval"), .notApproved(changeSetName: "stacks-1", "needs approval")),
    ])
    func notExecutingLeavesTheChangeSet(decision: DeployStateMachine.Decision, outcome: DeployOutcome) {
        var m = Self.machine()
        _ = m.start()
        _ = m.stackDescribed(nil)
        _ = m.changeSetCreated()
        _ = m.changeSetDescribed(Self.changeSet("CREATE_COMPLETE"))
        #expect(m.decided(decision) == .finish(outcome))
    }

    @Test func executingAPreparedChangeSetSkipsCreation() {
        var m = Self.machine(mode: .executePrepared("stacks-0"))
        _ = m.start()
        #expect(m.stackDescribed(StackSnapshot(name: Self.name, status: "REVIEW_IN_PROGRESS")) == .describeChangeSet(after: .zero))
        let ready = Self.changeSet("CREATE_COMPLETE")
        #expect(m.changeSetDescribed(ready) == .present(ready, .create))
        #expect(m.decided(.prepareOnly) == .finish(.prepared(changeSetName: "stacks-0")))
    }

    @Test func protectedCreateTurnsOnTerminationProtection() {
        var m = Self.machine(protect: true)
        _ = m.start()
        _ = m.stackDescribed(nil)
        _ = m.changeSetCreated()
        _ = m.changeSetDescribed(Self.changeSet("CREATE_COMPLETE"))
        _ = m.decided(.execute)
        _ = m.eventsMarked(newestID: nil)
        _ = m.changeSetExecuted()
        #expect(m.eventsPolled([Self.event("e1", Self.name, "CREATE_COMPLETE")]) == .describeFinalStack)
        #expect(m.stackDescribed(StackSnapshot(name: Self.name, status: "CREATE_COMPLETE")) == .enableTerminationProtection)
        #expect(m.terminationProtectionEnabled() == .finish(.succeeded(StackSnapshot(name: Self.name, status: "CREATE_COMPLETE", terminationProtection: true))))
    }

    @Test func busyStackIsRefused() {
        var m = Self.machine()
        _ = m.start()
        guard case .finish(.failed(let error)) = m.stackDescribed(StackSnapshot(name: Self.name, status: "UPDATE_IN_PROGRESS")) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(error.message == "Stack 'url-shortener-sbx' is busy (UPDATE_IN_PROGRESS); wait for it to finish (`stacks events`), then run again.")
    }

    @Test func destroyDeletesAndFollowsUntilGone() {
        var m = Self.machine(mode: .destroy)
        _ = m.start()
        #expect(m.stackDescribed(StackSnapshot(name: Self.name, status: "CREATE_COMPLETE")) == .markEvents)
        #expect(m.eventsMarked(newestID: "e9") == .deleteStack)
        #expect(m.stackDeleted() == .pollEvents(after: .zero))
        #expect(m.eventsPolled([Self.event("e10", Self.name, "DELETE_IN_PROGRESS")]) == .pollEvents(after: .seconds(2)))
        #expect(m.stackVanished() == .finish(.succeeded(StackSnapshot(name: Self.name, status: "DELETE_COMPLETE"))))
    }

    @Test func destroyOfAMissingStackChangesNothing() {
        var m = Self.machine(mode: .destroy)
        _ = m.start()
        #expect(m.stackDescribed(nil) == .finish(.nothingToDestroy))
    }

    @Test func followingIsBoundedWhenNoFinalEventComes() {
        var m = DeployStateMachine(.init(stackName: Self.name, changeSetName: "stacks-1", maxFollowPolls: 2))
        _ = m.start()
        _ = m.stackDescribed(StackSnapshot(name: Self.name, status: "REVIEW_IN_PROGRESS"))
        _ = m.changeSetCreated()
        _ = m.changeSetDescribed(Self.changeSet("CREATE_COMPLETE"))
        _ = m.decided(.execute)
        _ = m.eventsMarked(newestID: "e0")
        _ = m.changeSetExecuted()
        #expect(m.eventsPolled([]) == .pollEvents(after: .seconds(2)))
        #expect(m.eventsPolled([]) == .finish(.failed(DeployError(
            "Stopped following 'url-shortener-sbx' after 2 looks without a final status; CloudFormation may still be working on it: watch it with `stacks events`."))))
    }

    @Test func anInputOutOfOrderFinishesWithABugReport() {
        var m = Self.machine()
        guard case .finish(.failed(let error)) = m.changeSetExecuted() else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains("report this as a bug"))
    }
}

/// Destroying a stack with termination protection on.
@Suite struct DestroyProtectionTests {
    @Test func protectionOnWithoutForceIsRefused() {
        var m = DeployStateMachine(.init(stackName: "app-prd", changeSetName: "", mode: .destroy))
        _ = m.start()
        #expect(m.stackDescribed(StackSnapshot(name: "app-prd", status: "UPDATE_COMPLETE", terminationProtection: true)) == .finish(.failed(DeployError(
            "Stack 'app-prd' has termination protection on; destroy it with --force-protected to turn the protection off first."))))
    }

    @Test func forceProtectedTurnsProtectionOffThenDeletes() {
        var m = DeployStateMachine(.init(stackName: "app-prd", changeSetName: "", mode: .destroy, forceProtected: true))
        _ = m.start()
        #expect(m.stackDescribed(StackSnapshot(name: "app-prd", status: "UPDATE_COMPLETE", terminationProtection: true)) == .disableTerminationProtection)
        #expect(m.terminationProtectionDisabled() == .markEvents)
        #expect(m.eventsMarked(newestID: "e1") == .deleteStack)
    }
}
