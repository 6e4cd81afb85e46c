/// The status of a CloudFormation stack. Statuses added by AWS after this was written arrive as `unknown`.
public enum StackStatus: Sendable, Hashable, CustomStringConvertible {
    case createInProgress, createFailed, createComplete
    case rollbackInProgress, rollbackFailed, rollbackComplete
    case deleteInProgress, deleteFailed, deleteComplete
    case updateInProgress, updateCompleteCleanupInProgress, updateComplete, updateFailed
    case updateRollbackInProgress, updateRollbackFailed, updateRollbackCompleteCleanupInProgress
    case updateRollbackComplete
    case reviewInProgress
    case importInProgress, importComplete, importRollbackInProgress, importRollbackFailed, importRollbackComplete
    case unknown(String)

    private static let names: [(StackStatus, String)] = [
        (.createInProgress, "CREATE_IN_PROGRESS"), (.createFailed, "CREATE_FAILED"),
        (.createComplete, "CREATE_COMPLETE"), (.rollbackInProgress, "ROLLBACK_IN_PROGRESS"),
        (.rollbackFailed, "ROLLBACK_FAILED"), (.rollbackComplete, "ROLLBACK_COMPLETE"),
        (.deleteInProgress, "DELETE_IN_PROGRESS"), (.deleteFailed, "DELETE_FAILED"),
        (.deleteComplete, "DELETE_COMPLETE"), (.updateInProgress, "UPDATE_IN_PROGRESS"),
        (.updateCompleteCleanupInProgress, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"),
        (.updateComplete, "UPDATE_COMPLETE"), (.updateFailed, "UPDATE_FAILED"),
        (.updateRollbackInProgress, "UPDATE_ROLLBACK_IN_PROGRESS"),
        (.updateRollbackFailed, "UPDATE_ROLLBACK_FAILED"),
        (.updateRollbackCompleteCleanupInProgress, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"),
        (.updateRollbackComplete, "UPDATE_ROLLBACK_COMPLETE"), (.reviewInProgress, "REVIEW_IN_PROGRESS"),
        (.importInProgress, "IMPORT_IN_PROGRESS"), (.importComplete, "IMPORT_COMPLETE"),
        (.importRollbackInProgress, "IMPORT_ROLLBACK_IN_PROGRESS"),
        (.importRollbackFailed, "IMPORT_ROLLBACK_FAILED"), (.importRollbackComplete, "IMPORT_ROLLBACK_COMPLETE"),
    ]

    /// Every status AWS documented when this was written.
    public static var allKnown: [StackStatus] { names.map(\.0) }

    public init(rawValue: String) {
        self = Self.names.first { $0.1 == rawValue }?.0 ?? .unknown(rawValue)
    }

    /// The name AWS uses: `UPDATE_ROLLBACK_COMPLETE`.
    public var rawValue: String {
        if case .unknown(let name) = self { return name }
        return Self.names.first { $0.0 == self }?.1 ?? ""
    }

    public var description: String { rawValue }

    /// True while CloudFormation is still working on the stack (`…_IN_PROGRESS`).
    public var isInProgress: Bool { rawValue.hasSuffix("_IN_PROGRESS") }

    /// True for statuses that end an operation unsuccessfully: failures and completed rollbacks.
    public var isFailure: Bool {
        rawValue.hasSuffix("_FAILED") || (rawValue.contains("ROLLBACK") && rawValue.hasSuffix("_COMPLETE"))
    }
}
