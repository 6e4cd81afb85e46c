import Foundation
import SigV4

/// Signs a typical CloudFormation request many times and reports signatures per second; when python3 with
/// botocore is available, also runs Tests/SigV4Tests/botocore/bench.py on the same request and reports its rate
/// and the ratio.
///
/// The request: POST / to cloudformation.us-east-1.amazonaws.com, a CreateChangeSet form body of about 2 KB, a
/// Content-Type header and temporary credentials (session token). Each iteration builds the request and signs it,
/// hashing the body, as a client does for every call.
enum SigV4Benchmark {
    /// Timed rounds of `iterations` signatures each, in thread CPU time; the best round counts, since other
    /// processes on the machine only ever slow a round down. bench.py does the same.
    static let rounds = 10
    static let iterations = 40_000
    static let botocoreIterations = 4_000

    static func run() -> [(name: String, value: Double, unit: String)] {
        let body = cloudFormationBody()
        let ours = swiftSignaturesPerSecond(body: body)
        var results: [(name: String, value: Double, unit: String)] = [
            ("SigV4 sign (Swift), \(body.count)-byte CloudFormation request", ours, "signatures/s")
        ]
        if let botocore = botocoreSignaturesPerSecond(body: body) {
            results.append(("SigV4 sign (botocore SigV4Auth), same request", botocore.rate, "signatures/s"))
            // Both sides must have signed the very same request, or the ratio means nothing.
            let same = botocore.authorization == swiftAuthorization(body: body)
            results.append(("SigV4 same Authorization header as botocore (1 = yes)", same ? 1 : 0, ""))
            results.append(("SigV4 sign speed-up over botocore", same ? ours / botocore.rate : 0, "×"))
        }
        return results
    }

    static let credentials = Credentials(
        accessKeyID: "ASIAIOSFODNN7EXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        sessionToken: String(repeating: "IQoJb3JpZ2luX2VjEXAMPLETOKEN", count: 12)
    )
    /// 2026-11-21T12:00:00Z, the time bench.py signs at.
    static let date = Date(timeIntervalSince1970: 1_795_262_400)
    static let contentType = "application/x-www-form-urlencoded; charset=utf-8"

    /// The Authorization header the timed loop produces, to compare with botocore's.
    static func swiftAuthorization(body: [UInt8]) -> String? {
        guard let url = URL(string: "https://cloudformation.us-east-1.amazonaws.com/") else { return nil }
        let signer = Signer(credentials: credentials, region: "us-east-1", service: "cloudformation")
        let request = SigningRequest(method: "POST", url: url, headers: [("Content-Type", contentType)], body: .bytes(body))
        return signer.sign(request, date: date).first { $0.name == "Authorization" }?.value
    }

    /// A CreateChangeSet form body of about 2 KB (the same recipe as bench.py's `default_body`).
    static func cloudFormationBody() -> [UInt8] {
        var resources = ""
        for index in 0..<8 {
            resources += "  Function\(index):\n    Type: AWS::Lambda::Function\n    Properties:\n"
                + "      Handler: index.handler\n      Runtime: nodejs20.x\n      MemorySize: 256\n"
        }
        let template = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" + resources
        let fields = [
            ("Action", "CreateChangeSet"),
            ("Version", "2010-05-15"),
            ("StackName", "url-shortener-prod"),
            ("ChangeSetName", "stacks-20261121T120000Z"),
            ("ChangeSetType", "UPDATE"),
            ("Capabilities.member.1", "CAPABILITY_IAM"),
            ("TemplateBody", template),
        ]
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let form = fields.map { name, value in
            let encodedName = name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? name
            let encodedValue = value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
            return encodedName + "=" + encodedValue
        }
        return Array(form.joined(separator: "&").utf8)
    }

    static func swiftSignaturesPerSecond(body: [UInt8]) -> Double {
        let signer = Signer(credentials: credentials, region: "us-east-1", service: "cloudformation")
        guard let url = URL(string: "https://cloudformation.us-east-1.amazonaws.com/") else { return 0 }
        var checksum = 0
        func signOnce() {
            let request = SigningRequest(
                method: "POST", url: url, headers: [("Content-Type", contentType)], body: .bytes(body)
            )
            checksum &+= signer.sign(request, date: date).count
        }
        for _ in 0..<1_000 { signOnce() }
        var best = 0.0
        for _ in 0..<rounds {
            let start = threadCPUSeconds()
            for _ in 0..<iterations { signOnce() }
            let seconds = threadCPUSeconds() - start
            if seconds > 0 { best = max(best, Double(iterations) / seconds) }
        }
        return checksum > 0 ? best : 0
    }

    /// CPU time of the calling thread: unlike the wall clock, it does not count time other processes hold the
    /// CPU (bench.py measures with `time.thread_time()` likewise).
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// Runs bench.py with python3 from PATH on the same body: its rate and the Authorization header it produced;
    /// nil when Python, botocore or the script is missing.
    static func botocoreSignaturesPerSecond(body: [UInt8]) -> (rate: Double, authorization: String)? {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Tests/SigV4Tests/botocore/bench.py").standardizedFileURL
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        guard FileManager.default.fileExists(atPath: script.path),
            let python = path.split(separator: ":").map({ URL(fileURLWithPath: String($0) + "/python3") })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { return nil }
        let bodyFile = FileManager.default.temporaryDirectory.appendingPathComponent("sigv4-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: bodyFile) }
        do {
            try Data(body).write(to: bodyFile)
            let process = Process()
            let output = Pipe()
            process.executableURL = python
            process.arguments = [
                script.path, "--value-only", "--rounds", String(rounds), "--iterations", String(botocoreIterations),
                "--body-file", bodyFile.path, "--with-authorization",
            ]
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
            guard lines.count == 2, let rate = Double(lines[0].trimmingCharacters(in: .whitespaces)) else { return nil }
            return (rate, String(lines[1]))
        } catch {
            return nil
        }
    }
}
