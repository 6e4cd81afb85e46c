import Foundation
import SigV4

/// Sends signed requests to AWS services: signs every attempt afresh, retries as the SDKs' standard mode does, and
/// corrects its clock when a service says the request's time was off. The service clients (`STS`,
/// `CloudFormationClient`, `S3Client`) build on it; share one client between them so they share its connections,
/// retry quota and clock correction.
///
/// Every error thrown is an `AWSClientError`, except `CancellationError` when the calling task is cancelled.
public final class AWSClient: Sendable {
    public let region: String
    public let credentialProvider: any CredentialProvider
    public let transport: any HTTPTransport
    public let retry: RetryConfiguration
    /// The deadline of each attempt.
    public let timeout: Duration
    private let clock: @Sendable () -> Date
    private let sleep: @Sendable (Duration) async throws -> Void
    private let random: @Sendable () -> Double
    private let state: ClientState

    /// - Parameters:
    ///   - clock: the local time; the client adds its clock correction to it.
    ///   - sleep: waits out a backoff; tests pass one that records the delay and returns at once.
    ///   - random: a number in [0, 1) for the backoff's jitter.
    public init(
        region: String,
        credentialProvider: any CredentialProvider,
        transport: any HTTPTransport = URLSessionTransport(),
        retry: RetryConfiguration = .standard,
        timeout: Duration = .seconds(30),
        clock: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.region = region
        self.credentialProvider = credentialProvider
        self.transport = transport
        self.retry = retry
        self.timeout = timeout
        self.clock = clock
        self.sleep = sleep
        self.random = random
        self.state = ClientState(quotaCapacity: retry.quotaCapacity)
    }

    /// A client like this one (same transport, retry settings, clock, sleep and jitter) that signs with other
    /// credentials. It keeps its own retry quota and clock correction.
    public func with(credentialProvider: any CredentialProvider) -> AWSClient {
        AWSClient(
            region: region, credentialProvider: credentialProvider, transport: transport, retry: retry,
            timeout: timeout, clock: clock, sleep: sleep, random: random)
    }

    /// Tokens left in the retry quota.
    public var availableRetryTokens: Int { state.availableRetryTokens }

    /// Seconds the client adds to the local clock, learnt from services' `Date` headers after skew errors.
    public var clockOffset: Double { state.clockOffset }

    /// Sends the request to the service at the endpoint and returns the successful (2xx) response.
    public func send(
        _ request: ServiceRequest,
        service: ServiceDescription,
        endpoint: ServiceEndpoint
    ) async throws -> HTTPResponse {
        var attempt = 1
        var lastRetryCost: Int?
        var clockCorrected = false
        while true {
            try Task.checkCancellation()
            let signedAt = clock().addingTimeInterval(state.clockOffset)
            let httpRequest = try await prepare(request, service: service, endpoint: endpoint, date: signedAt)
            let decision: RetryPolicy.Decision
            let failure: AWSClientError
            do {
                let response = try await transport.send(httpRequest)
                if (200..<300).contains(response.status) {
                    state.recordSuccess(lastRetryCost: lastRetryCost)
                    return response
                }
                let error = AWSServiceError.decode(response)
                failure = .service(error)
                let serverDate = response.header("Date").flatMap(HTTPDate.parse)
                decision = RetryPolicy.decide(
                    error, serverDate: serverDate, localDate: signedAt.timeIntervalSince1970)
            } catch let error as TransportError {
                failure = .transport(error, attempts: attempt)
                decision = RetryPolicy.decide(error)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                throw AWSClientError.transport(
                    .connectionFailed(host: endpoint.url.host ?? "", reason: "\(error)"), attempts: attempt)
            }
            switch decision {
            case .correctClock(let offset) where !clockCorrected:
                clockCorrected = true
                state.adjustClockOffset(by: offset)
            case .retry(let cost) where attempt < retry.maxAttempts && state.acquireRetryTokens(cost):
                lastRetryCost = cost
                try await sleep(retry.backoff(retry: attempt, random: random()))
                attempt += 1
            default:
                throw failure
            }
        }
    }

    /// Signs the request for one attempt at `date`.
    private func prepare(
        _ request: ServiceRequest,
        service: ServiceDescription,
        endpoint: ServiceEndpoint,
        date: Date
    ) async throws -> HTTPRequest {
        var base = endpoint.url.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var text = base + request.path
        if let query = request.query, !query.isEmpty { text += "?" + query }
        guard let url = URL(string: text) else {
            throw AWSClientError.invalidEndpoint(source: request.operation, value: text)
        }
        guard request.signed else {
            var headers = request.headers
            headers.append(("X-Amz-Date", Signer.amzDate(date)))
            return HTTPRequest(method: request.method, url: url, headers: headers, body: request.body, timeout: timeout)
        }
        let credentials: Credentials
        do {
            credentials = try await credentialProvider.credentials()
        } catch let error as AWSClientError {
            throw error
        } catch {
            throw AWSClientError.credentials(provider: credentialProvider.name, error: error)
        }
        let isS3 = service.signingName == "s3"
        // One signer per (credentials, region, service), reused across requests, so its day's signing key is too.
        let signer = SignerCache.shared.signer(
            credentials: credentials,
            region: endpoint.region,
            service: service.signingName,
            uriEncoding: isS3 ? .s3 : .doubleEncodedNormalized,
            addContentSHA256Header: isS3
        )
        let signing = SigningRequest(
            method: request.method, url: url, headers: request.headers, body: .bytes(request.body))
        let headers = signer.sign(signing, date: date)
        return HTTPRequest(method: request.method, url: url, headers: headers, body: request.body, timeout: timeout)
    }
}
