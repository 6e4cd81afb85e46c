import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An `HTTPTransport` on Foundation's `URLSession` (libcurl on Linux), which ships with the toolchain. One session
/// per transport, so connections to a host are kept alive and reused across calls.
///
/// Each request gets the `HTTPRequest.timeout` as a deadline for the whole exchange (kept by our own timer, to the
/// millisecond), and `idleTimeout` as the longest the session waits without any progress, connecting included.
/// swift-corelibs-foundation truncates URLSession timeouts to whole seconds (0.4 s becomes "time out at once"),
/// so the idle timeout is rounded up to at least one second and the sub-second deadline is ours.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked: `URLSession` is thread-safe but not marked Sendable in swift-corelibs-foundation.
    private let session: URLSession
    private let idleTimeout: Double

    public init(idleTimeout: Duration = .seconds(10), maxConnectionsPerHost: Int = 8) {
        self.idleTimeout = max(1, idleTimeout.seconds.rounded(.up))
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = self.idleTimeout
        configuration.httpMaximumConnectionsPerHost = maxConnectionsPerHost
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Throws `TransportError` when no answer arrived, or `CancellationError` when the calling task was cancelled.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = idleTimeout
        for (name, value) in request.headers {
            urlRequest.addValue(value, forHTTPHeaderField: name)
        }
        if !request.body.isEmpty {
            urlRequest.httpBody = Data(request.body)
        }
        let host = request.url.host ?? request.url.absoluteString
        let exchange = Exchange()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, Error>) in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    exchange.finish()
                    if let response = response as? HTTPURLResponse, error == nil {
                        continuation.resume(
                            returning: HTTPResponse(
                                status: response.statusCode,
                                headers: Self.headers(of: response),
                                body: data.map { [UInt8]($0) } ?? []
                            ))
                    } else if exchange.deadlinePassed {
                        continuation.resume(throwing: TransportError.timedOut(host: host, after: request.timeout))
                    } else if exchange.cancelledByCaller {
                        continuation.resume(throwing: CancellationError())
                    } else {
                        continuation.resume(throwing: Self.transportError(error, host: host, timeout: request.timeout))
                    }
                }
                exchange.start(task, deadline: request.timeout)
            }
        } onCancel: {
            exchange.cancel()
        }
    }

    private static func headers(of response: HTTPURLResponse) -> [(name: String, value: String)] {
        response.allHeaderFields.compactMap { key, value -> (name: String, value: String)? in
            guard let name = key as? String else { return nil }
            return (name, "\(value)")
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    private static func transportError(_ error: Error?, host: String, timeout: Duration) -> TransportError {
        guard let error = error as? URLError else {
            return .connectionFailed(host: host, reason: error.map { "\($0)" } ?? "no HTTP response arrived")
        }
        switch error.code {
        case .timedOut:
            return .timedOut(host: host, after: timeout)
        case .cannotConnectToHost:
            return .connectionFailed(host: host, reason: "the connection was refused")
        case .cannotFindHost, .dnsLookupFailed:
            return .connectionFailed(host: host, reason: "the host name could not be resolved")
        case .networkConnectionLost:
            return .connectionFailed(host: host, reason: "the connection was closed before the answer was complete")
        case .badServerResponse:
            return .connectionFailed(host: host, reason: "the server's answer was not valid HTTP")
        case .cancelled:
            return .connectionFailed(host: host, reason: "the request was cancelled")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return .connectionFailed(host: host, reason: "the TLS handshake failed")
        default:
            return .connectionFailed(host: host, reason: "URL error \(error.code.rawValue)")
        }
    }
}

/// One request's task and its deadline timer; cancels the task when the deadline passes or the caller cancels.
private final class Exchange: @unchecked Sendable {
    /// A queue of our own for the deadline timers: it targets the overcommitting global queue, so the timers fire on
    /// time even when other code has blocked every thread of the default global queue (on Linux that pool is only
    /// as wide as the machine has cores).
    private static let deadlines = DispatchQueue(label: "stacks.URLSessionTransport.deadlines")

    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var timer: DispatchWorkItem?
    private var cancelled = false
    private var timedOut = false

    var deadlinePassed: Bool { lock.withLock { timedOut } }
    var cancelledByCaller: Bool { lock.withLock { cancelled } }

    func start(_ task: URLSessionDataTask, deadline: Duration) {
        let timer = DispatchWorkItem { [weak self] in self?.expire() }
        let alreadyCancelled = lock.withLock {
            self.task = task
            self.timer = timer
            return cancelled
        }
        if alreadyCancelled {
            task.cancel()
        } else {
            Self.deadlines.asyncAfter(deadline: .now() + deadline.seconds, execute: timer)
        }
        task.resume()
    }

    private func expire() {
        let task = lock.withLock {
            timedOut = true
            return self.task
        }
        task?.cancel()
    }

    func finish() {
        lock.withLock { timer?.cancel() }
    }

    func cancel() {
        let task = lock.withLock {
            cancelled = true
            timer?.cancel()
            return self.task
        }
        task?.cancel()
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
