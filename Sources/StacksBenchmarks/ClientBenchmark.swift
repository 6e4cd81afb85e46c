import AWSClient
import Foundation
import SigV4

/// GetCallerIdentity round trips to moto on loopback over a warm connection: median and p90 of 200 calls, after
/// 20 warm-up calls. For scale, also the bare transport's round trip to our scripted Python server (no signing, no
/// XML, a server that does nothing), which is the floor URLSession and Python's http.server set.
///
/// Where moto comes from: with `STACKS_BENCH_MOTO_URL` set (e.g. `http://127.0.0.1:5000`), that server, signed with
/// `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (default `testing`, which a moto without signature checking
/// accepts). Otherwise the benchmark starts `Tests/AWSTestSupport/Python/moto_server.py` itself (python3 with moto
/// on PATH): moto behind a keep-alive HTTP/1.1 server, signature checking on, and an IAM user to sign as; the child
/// exits when the benchmark does.
enum ClientBenchmark {
    static let calls = 200
    static let warmUpCalls = 20

    static func run() async throws -> [(name: String, value: Double, unit: String)] {
        let environment = ProcessInfo.processInfo.environment
        var child: Process?
        var keepStdinOpen: Pipe?
        let endpoint: URL
        let credentials: Credentials
        if let text = environment["STACKS_BENCH_MOTO_URL"], let url = URL(string: text) {
            endpoint = url
            credentials = Credentials(
                accessKeyID: environment["AWS_ACCESS_KEY_ID"] ?? "testing",
                secretAccessKey: environment["AWS_SECRET_ACCESS_KEY"] ?? "testing")
        } else {
            let started = try startHelper("moto_server.py")
            guard let keyID = started.greeting["accessKeyID"] as? String,
                let secret = started.greeting["secretAccessKey"] as? String
            else { throw Failure("moto's helper did not name an access key.") }
            (child, keepStdinOpen, endpoint) = (started.process, started.stdin, started.url)
            credentials = Credentials(accessKeyID: keyID, secretAccessKey: secret)
        }
        defer {
            try? keepStdinOpen?.fileHandleForWriting.close()
            child?.terminate()
        }

        let client = AWSClient(
            region: "us-east-1",
            credentialProvider: StaticCredentialProvider(name: "benchmark", credentials: credentials))
        let sts = STS(client: client, endpoint: ServiceEndpoint(url: endpoint, region: "us-east-1", isCustom: true))
        for _ in 0..<warmUpCalls { _ = try await sts.getCallerIdentity() }
        let clock = ContinuousClock()
        var milliseconds: [Double] = []
        milliseconds.reserveCapacity(calls)
        for _ in 0..<calls {
            let start = clock.now
            _ = try await sts.getCallerIdentity()
            let elapsed = (clock.now - start).components
            milliseconds.append(Double(elapsed.seconds) * 1_000 + Double(elapsed.attoseconds) / 1e15)
        }
        milliseconds.sort()
        let transport = try await transportRoundTrips()
        return [
            ("sts-get-caller-identity-moto-median", percentile(milliseconds, 0.5), "ms"),
            ("sts-get-caller-identity-moto-p90", percentile(milliseconds, 0.9), "ms"),
            ("transport-loopback-round-trip-median", percentile(transport, 0.5), "ms"),
            ("transport-loopback-round-trip-p90", percentile(transport, 0.9), "ms"),
        ]
    }

    /// Bare `URLSessionTransport` round trips to the scripted server (which answers every request at once).
    private static func transportRoundTrips() async throws -> [Double] {
        let started = try startHelper("scripted_server.py")
        defer {
            try? started.stdin.fileHandleForWriting.close()
            started.process.terminate()
        }
        let transport = URLSessionTransport()
        let request = HTTPRequest(method: "POST", url: started.url, body: Array("Action=Ping".utf8))
        for _ in 0..<warmUpCalls { _ = try await transport.send(request) }
        let clock = ContinuousClock()
        var milliseconds: [Double] = []
        for _ in 0..<calls {
            let start = clock.now
            _ = try await transport.send(request)
            let elapsed = (clock.now - start).components
            milliseconds.append(Double(elapsed.seconds) * 1_000 + Double(elapsed.attoseconds) / 1e15)
        }
        return milliseconds.sorted()
    }

    private static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))
        return sorted[index]
    }

    /// Starts one of the test suite's Python helpers and reads its one-line JSON greeting (which holds its port).
    private static func startHelper(_ name: String) throws
        -> (process: Process, stdin: Pipe, url: URL, greeting: [String: Any])
    {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/AWSTestSupport/Python/\(name)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        var buffer = Data()
        while !buffer.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        let line = buffer.split(separator: UInt8(ascii: "\n")).first.map { Data($0) } ?? Data()
        guard let greeting = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
            let port = greeting["port"] as? Int, let url = URL(string: "http://127.0.0.1:\(port)")
        else {
            process.terminate()
            throw Failure(
                "'\(script.path)' did not start; install moto for python3, or set STACKS_BENCH_MOTO_URL.")
        }
        return (process, stdin, url, greeting)
    }
}

extension ClientBenchmark {
    /// Why the client benchmark could not run.
    struct Failure: Error, CustomStringConvertible {
        let description: String

        init(_ description: String) {
            self.description = description
        }
    }
}
