import Foundation
import SigV4
import Testing
@testable import AWSClient

/// Made-up keys for tests; any appearance of one in a description is a leak.
enum CredsSecrets {
    static let keyID = "AKIDEXAMPLEKEYID0001"
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRET01"
    static let token = "FwoGZXIvYXdzSESSIONTOKENSECRET0001"
    static let webToken = "eyJhbGciOiJSUzI1NiJ9.WEBIDENTITYTOKEN.sig"
    static let all = [secret, token, webToken]

    static func credentials(_ suffix: String = "", expiration: Date? = nil) -> Credentials {
        Credentials(
            accessKeyID: keyID + suffix, secretAccessKey: secret + suffix, sessionToken: token + suffix,
            expiration: expiration
        )
    }

    /// Records an issue when any secret (or a variant with a suffix) appears in any of the texts.
    static func expectAbsent(from texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for text in texts {
            for secret in all where text.contains(secret) {
                Issue.record("a secret appears in: \(text.replacingOccurrences(of: secret, with: "<SECRET>"))",
                             sourceLocation: sourceLocation)
            }
        }
    }

    /// Every way a value may be printed. `dump` is included except for SigV4's `Credentials`, whose
    /// description and debugDescription redact but whose default mirror shows every field (reported to the lead).
    static func printed(_ values: Any...) -> [String] {
        values.flatMap { value in
            [String(describing: value), String(reflecting: value)] + (value is Credentials ? [] : [dumped(value)])
        }
    }

    private static func dumped(_ value: Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}

/// A fake `HOME` with `.aws/config` and `.aws/credentials`, removed when the value goes away.
final class CredsTestHome: Sendable {
    let path: String

    init(config: String? = nil, credentials: String? = nil) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("creds-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
        if let config { try write(".aws/config", config) }
        if let credentials { try write(".aws/credentials", credentials) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes a file under the home directory and returns its full path.
    @discardableResult
    func write(_ relativePath: String, _ text: String, executable: Bool = false) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true
        )
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        if executable {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: full)
        }
        return full
    }

    func environment(_ variables: [String: String] = [:], clock: CredsTestClock = CredsTestClock()) -> CredentialEnvironment {
        // The clock closure holds the home, so the directory lives as long as any environment made from it.
        CredentialEnvironment(variables: variables, homeDirectory: path, now: { [self] in
            withExtendedLifetime(self) { clock.now }
        })
    }

    /// A context whose endpoints are loopback addresses and whose transport and STS are fakes.
    func context(
        _ variables: [String: String] = [:],
        transport: CredsScriptedTransport = CredsScriptedTransport(),
        sts: CredsFakeSTS = CredsFakeSTS(),
        clock: CredsTestClock = CredsTestClock()
    ) -> CredentialContext {
        CredentialContext(
            environment: environment(variables, clock: clock),
            transport: transport,
            roleAssumer: sts,
            containerEndpoint: "http://127.0.0.1:9901",
            instanceMetadataEndpoint: "http://127.0.0.1:9902",
            metadataRetryDelay: .zero
        )
    }
}

/// A settable clock.
final class CredsTestClock: Sendable {
    private let current: CredsLocked<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        current = CredsLocked(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// An in-memory HTTP transport that answers from a script and records every request. It refuses (and reports)
/// any request to a host other than 127.0.0.1 or localhost.
final class CredsScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case respond(Int, String)
        case fail(TransportError)
    }

    struct Sent: Sendable {
        var method: String
        var url: String
        var headers: [String: String]
        var timeout: Duration
    }

    private let state: CredsLocked<(steps: [Step], sent: [Sent])>

    init(_ steps: [Step] = []) {
        state = CredsLocked((steps, []))
    }

    var sent: [Sent] { state.withLock { $0.sent } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let host = request.url.host ?? ""
        guard host == "127.0.0.1" || host == "localhost" else {
            Issue.record("a test tried to reach the non-loopback host '\(host)'")
            throw TransportError.connectionFailed(host: host, reason: "refused by the test transport")
        }
        var headers: [String: String] = [:]
        for header in request.headers { headers[header.name.lowercased()] = header.value }
        let step: Step? = state.withLock { state in
            state.sent.append(Sent(method: request.method, url: request.url.absoluteString, headers: headers,
                                   timeout: request.timeout))
            return state.steps.isEmpty ? nil : state.steps.removeFirst()
        }
        switch step {
        case .respond(let status, let body):
            return HTTPResponse(status: status, body: Array(body.utf8))
        case .fail(let error):
            throw error
        case nil:
            throw TransportError.connectionFailed(host: host, reason: "the test script has no more answers")
        }
    }
}

/// A fake STS that records its calls and answers with numbered credentials, or fails.
final class CredsFakeSTS: RoleAssuming, CustomReflectable {
    struct Call: Sendable, Equatable {
        var kind: String
        var roleARN: String
        var sessionName: String
        var externalID: String?
        var durationSeconds: Int?
        /// The access key ID of the signing credentials, or the web identity token.
        var proof: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let state: CredsLocked<[Call]> = CredsLocked([])
    private let failure: String?
    private let expiresIn: TimeInterval
    private let clock: CredsTestClock

    init(failure: String? = nil, expiresIn: TimeInterval = 3600, clock: CredsTestClock = CredsTestClock()) {
        self.failure = failure
        self.expiresIn = expiresIn
        self.clock = clock
    }

    var calls: [Call] { state.withLock { $0 } }

    /// The recorded calls hold tokens; a dump of a provider holding this fake must not show them.
    var customMirror: Mirror { Mirror(self, children: ["callCount": calls.count]) }

    private func answer(_ call: Call) throws -> Credentials {
        let count = state.withLock { calls in
            calls.append(call)
            return calls.count
        }
        if let failure { throw Failure(description: failure) }
        return CredsSecrets.credentials("-sts\(count)", expiration: clock.now.addingTimeInterval(expiresIn))
    }

    func assumeRole(
        roleARN: String, sessionName: String, externalID: String?, durationSeconds: Int?, credentials: Credentials
    ) async throws -> Credentials {
        try answer(Call(kind: "AssumeRole", roleARN: roleARN, sessionName: sessionName, externalID: externalID,
                        durationSeconds: durationSeconds, proof: credentials.accessKeyID))
    }

    func assumeRoleWithWebIdentity(roleARN: String, sessionName: String, webIdentityToken: String) async throws
        -> Credentials {
        try answer(Call(kind: "AssumeRoleWithWebIdentity", roleARN: roleARN, sessionName: sessionName,
                        externalID: nil, durationSeconds: nil, proof: webIdentityToken))
    }
}

/// Runs the block and returns the `CredentialError` it throws; records an issue if it throws nothing else.
func credentialError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> CredentialError? {
    do {
        try await body()
        Issue.record("expected a CredentialError, got success", sourceLocation: sourceLocation)
    } catch let error as CredentialError {
        return error
    } catch {
        Issue.record("expected a CredentialError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// A value behind a lock (Synchronization's `Mutex` needs macOS 15; the package supports macOS 14).
final class CredsLocked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
