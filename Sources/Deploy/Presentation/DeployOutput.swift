import Foundation

/// Where deploy's lines go, and how: plain lines for logs, or a live view of what is in progress on a terminal.
/// Failures (the sentence that ends a command, a stack's failure and its root causes) go to the error stream.
public final class DeployOutput: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `lock`.
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void
    public let isTerminal: Bool
    public let useColor: Bool
    private var inProgress: [String: String] = [:]
    private var statusLineShown = false

    /// - Parameters:
    ///   - write: receives text, newlines included.
    ///   - writeError: receives failures; `write` when not given.
    ///   - isTerminal: draw a live view (a status line rewritten in place) instead of plain lines only.
    ///   - useColor: colour statuses; off when `NO_COLOR` is set or the output is not a terminal.
    public init(
        isTerminal: Bool = false, useColor: Bool = false, write: @escaping @Sendable (String) -> Void,
        writeError: (@Sendable (String) -> Void)? = nil
    ) {
        self.isTerminal = isTerminal
        self.useColor = useColor && isTerminal
        self.write = write
        self.writeError = writeError ?? write
    }

    /// Standard output (failures to standard error), live when it is a terminal, coloured unless `NO_COLOR` is set.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> DeployOutput {
        let terminal = isatty(STDOUT_FILENO) == 1
        let color = terminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        return DeployOutput(
            isTerminal: terminal, useColor: color,
            write: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeError: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    /// Collects everything written, failures included, in order, for tests.
    public static func capturing() -> (DeployOutput, @Sendable () -> String) {
        let box = Captured()
        return (DeployOutput { box.append($0) }, { box.text })
    }

    public func line(_ text: String) {
        lock.withLock {
            clearStatusLine()
            write(text + "\n")
            redrawStatusLine()
        }
    }

    public func lines(_ texts: [String]) {
        for text in texts { line(text) }
    }

    /// A stack's closing lines: to the error stream when it did not succeed.
    public func closing(_ texts: [String], succeeded: Bool) {
        for text in texts { succeeded ? line(text) : error(text) }
    }

    /// A failure: to the error stream, with the live view kept below it.
    public func error(_ text: String) {
        lock.withLock {
            clearStatusLine()
            writeError(text + "\n")
            redrawStatusLine()
        }
    }

    /// One stack event: a plain line; on a terminal also the live list of resources in progress.
    public func event(_ event: DeployEvent, stack: String? = nil) {
        lock.withLock {
            clearStatusLine()
            var text = DeployText.event(event)
            if let stack { text = "[\(stack)] " + text }
            if useColor { text = colored(text, status: event.status) }
            write(text + "\n")
            let key = (stack ?? "") + "/" + event.logicalID
            if Status.isInProgress(event.status) { inProgress[key] = event.logicalID } else { inProgress[key] = nil }
            redrawStatusLine()
        }
    }

    /// Clears the live view (at the end of following).
    public func endLiveView() {
        lock.withLock {
            clearStatusLine()
            inProgress = [:]
        }
    }

    private func clearStatusLine() {
        guard isTerminal, statusLineShown else { return }
        write("\r\u{1B}[2K")
        statusLineShown = false
    }

    private func redrawStatusLine() {
        guard isTerminal, !inProgress.isEmpty else { return }
        let names = inProgress.values.sorted()
        var text = "in progress (\(names.count)): " + names.prefix(6).joined(separator: ", ")
        if names.count > 6 { text += ", …" }
        write(useColor ? "\u{1B}[2m\(text)\u{1B}[0m" : text)
        statusLineShown = true
    }

    private func colored(_ text: String, status: String) -> String {
        let code = if status.hasSuffix("_FAILED") || status.contains("ROLLBACK") { "31" }
            else if status.hasSuffix("_COMPLETE") { "32" }
            else { "33" }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

private final class Captured: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var buffer = ""

    func append(_ text: String) { lock.withLock { buffer += text } }
    var text: String { lock.withLock { buffer } }
}
