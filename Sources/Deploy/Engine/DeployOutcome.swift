/// How a deploy (or destroy) of one stack ended.
public enum DeployOutcome: Sendable, Hashable {
    case succeeded(StackSnapshot)
    case noChanges
    case prepared(changeSetName: String)
    case notApproved(changeSetName: String, String)
    case nothingToDestroy
    /// The stack reached a failed status; the root-cause events say why.
    case stackFailed(StackSnapshot, rootCauses: [DeployEvent])
    /// Stopped before or without changing anything, or an AWS call failed.
    case failed(DeployError)
    /// Ctrl-C while following: the stack keeps going.
    case stoppedFollowing

    public var isSuccess: Bool {
        switch self {
        case .succeeded, .noChanges, .prepared, .nothingToDestroy: true
        case .notApproved, .stackFailed, .failed, .stoppedFollowing: false
        }
    }
}
