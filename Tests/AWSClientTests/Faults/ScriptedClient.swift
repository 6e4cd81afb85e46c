import AWSTestSupport
import Foundation
import SigV4

@testable import AWSClient

/// A client wired to a scripted server, with a clock that moves one second per reading, a fixed jitter, and a
/// sleep that records the backoffs instead of waiting.
final class ScriptedClient: @unchecked Sendable {
    let server: ScriptedServer
    let client: AWSClient
    private let lock = NSLock()
    private var recordedSleeps: [Duration] = []
    private var ticks = 0

    static let secret = "SCRIPTEDsecretKEYthatMUSTneverBEprinted00"
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    init(
        _ script: [ScriptedServer.Answer],
        retry: RetryConfiguration = .standard,
        timeout: Duration = .seconds(5),
        advancingClock: Bool = true,
        clockStart: Date = ScriptedClient.start
    ) async throws {
        server = try await ScriptedServer(script)
        let box = Box()
        client = AWSClient(
            region: "us-east-1",
            credentialProvider: FixedCredentials(
                accessKeyID: "AKIDSCRIPTED", secretAccessKey: Self.secret, sessionToken: "session token"),
            transport: URLSessionTransport(),
            retry: retry,
            timeout: timeout,
            clock: { box.owner?.tick(from: clockStart, advancing: advancingClock) ?? clockStart },
            sleep: { box.owner?.recordSleep($0) },
            random: { 0.5 }
        )
        box.owner = self
    }

    var sleeps: [Duration] { lock.withLock { recordedSleeps } }

    var endpoint: ServiceEndpoint { server.serviceEndpoint() }

    var sts: STS { STS(client: client, endpoint: endpoint) }

    var cloudFormation: CloudFormationClient { CloudFormationClient(client: client, endpoint: endpoint) }

    private func tick(from start: Date, advancing: Bool) -> Date {
        lock.withLock {
            defer { if advancing { ticks += 1 } }
            return start.addingTimeInterval(Double(ticks))
        }
    }

    private func recordSleep(_ duration: Duration) {
        lock.withLock { recordedSleeps.append(duration) }
    }

    deinit {
        server.stop()
    }
}

/// Breaks the reference cycle between the client's closures and their owner.
private final class Box: @unchecked Sendable {
    weak var owner: ScriptedClient?
}

enum Answers {
    static func callerIdentity(account: String = "123456789012") -> ScriptedServer.Answer {
        .respond(
            status: 200,
            body: """
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws:iam::\(account):user/scripted</Arn><UserId>AIDASCRIPTED</UserId>
                    <Account>\(account)</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>ok-1</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>
                """, headers: [("Content-Type", "text/xml")])
    }

    static func empty(_ action: String, result: String = "") -> ScriptedServer.Answer {
        .respond(
            status: 200,
            body: """
                <\(action)Response xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                  \(result.isEmpty ? "" : "<\(action)Result>\(result)</\(action)Result>")
                  <ResponseMetadata><RequestId>ok-\(action)</RequestId></ResponseMetadata>
                </\(action)Response>
                """)
    }
}
