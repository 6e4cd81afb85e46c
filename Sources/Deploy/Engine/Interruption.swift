import Dispatch
import Foundation

/// Ctrl-C while following a stack: once installed, SIGINT no longer ends the process; it sets a flag the engine
/// reads between polls, so the tool stops following but never stops between deciding to execute and
/// ExecuteChangeSet returning.
public final class Interruption: @unchecked Sendable {
    // @unchecked: `requested` and `source` are guarded by `lock`.
    private let lock = NSLock()
    private var requested = false
    private var source: (any DispatchSourceSignal)?

    public init() {}

    /// Takes over SIGINT for the rest of the process.
    public func install() {
        lock.withLock {
            guard source == nil else { return }
            signal(SIGINT, SIG_IGN)
            let signalSource = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            signalSource.setEventHandler { [weak self] in self?.request() }
            signalSource.resume()
            source = signalSource
        }
    }

    /// Marks an interruption (the signal handler calls this; tests may too).
    public func request() {
        lock.withLock { requested = true }
    }

    public var isRequested: Bool { lock.withLock { requested } }
}
