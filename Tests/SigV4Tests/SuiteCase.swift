import Foundation
import SigV4

/// One case folder of the AWS SigV4 test suite (Fixtures/sigv4-test-suite/v4/<name>), parsed.
struct SuiteCase: Sendable {
    struct Context: Decodable, Sendable {
        struct CredentialsFile: Decodable, Sendable {
            let access_key_id: String
            let secret_access_key: String
            let token: String?
        }
        let credentials: CredentialsFile
        let expiration_in_seconds: Int
        let normalize: Bool
        let region: String
        let service: String
        let sign_body: Bool
        let timestamp: String
        let omit_session_token: Bool?
    }

    /// A request as written in request.txt.
    struct RawRequest: Sendable {
        var method: String
        var target: String
        var headers: [(name: String, value: String)]
        var body: String

        var path: String { String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]) }
        var query: String? {
            let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            return parts.count > 1 ? String(parts[1]) : nil
        }

        /// The request rendered the way the suite writes signed requests.
        static func render(method: String, target: String, headers: [(name: String, value: String)], body: String)
            -> String
        {
            var text = "\(method) \(target) HTTP/1.1\n"
            for header in headers { text += "\(header.name):\(header.value)\n" }
            return text + "\n" + body
        }
    }

    static let directory: URL? = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?
        .appendingPathComponent("sigv4-test-suite/v4", isDirectory: true)

    /// Every case folder, sorted.
    static let names: [String] = {
        guard let directory else { return [] }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.filter { !$0.hasPrefix(".") }.sorted()
    }()

    let name: String
    let context: Context
    let request: RawRequest

    init(name: String) throws {
        self.name = name
        context = try JSONDecoder().decode(Context.self, from: Data(contentsOf: try Self.file(name, "context.json")))
        request = try Self.parse(try Self.text(name, "request.txt"))
    }

    static func file(_ name: String, _ file: String) throws -> URL {
        guard let directory else { throw SuiteError("The SigV4 test suite fixtures are missing from the bundle.") }
        return directory.appendingPathComponent(name).appendingPathComponent(file)
    }

    func expected(_ file: String) throws -> String { try Self.text(name, file) }

    static func text(_ name: String, _ fileName: String) throws -> String {
        try String(contentsOf: try file(name, fileName), encoding: .utf8)
    }

    /// Parses raw HTTP: request line, header lines (a line starting with a space or tab continues the previous
    /// value, joined with a line break), a blank line, the body.
    static func parse(_ text: String) throws -> RawRequest {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { throw SuiteError("request.txt is empty.") }
        let requestLine = lines.removeFirst()
        guard let firstSpace = requestLine.firstIndex(of: " "), requestLine.hasSuffix(" HTTP/1.1") else {
            throw SuiteError("The request line '\(requestLine)' is not 'METHOD target HTTP/1.1'.")
        }
        let method = String(requestLine[..<firstSpace])
        let target = String(requestLine[requestLine.index(after: firstSpace)...].dropLast(" HTTP/1.1".count))
        var headers: [(name: String, value: String)] = []
        var bodyLines: [String] = []
        var inBody = false
        for line in lines {
            if inBody {
                bodyLines.append(line)
            } else if line.isEmpty {
                inBody = true
            } else if line.first == " " || line.first == "\t" {
                guard let last = headers.popLast() else {
                    throw SuiteError("The continuation line '\(line)' has no header before it.")
                }
                headers.append((last.name, last.value + "\n" + line))
            } else {
                guard let colon = line.firstIndex(of: ":") else {
                    throw SuiteError("The header line '\(line)' has no ':'.")
                }
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        return RawRequest(method: method, target: target, headers: headers, body: bodyLines.joined(separator: "\n"))
    }

    var date: Date {
        get throws { try Date(context.timestamp, strategy: .iso8601) }
    }

    var signer: Signer {
        Signer(
            credentials: Credentials(
                accessKeyID: context.credentials.access_key_id,
                secretAccessKey: context.credentials.secret_access_key,
                sessionToken: context.credentials.token
            ),
            region: context.region,
            service: context.service,
            uriEncoding: context.normalize ? .doubleEncodedNormalized : .doubleEncoded,
            addContentSHA256Header: context.sign_body,
            sessionTokenPlacement: context.omit_session_token == true ? .appendedAfterSigning : .signed
        )
    }

    var signingRequest: SigningRequest {
        get throws {
            let host = request.headers.first { $0.name.lowercased() == "host" }?.value ?? "example.amazonaws.com"
            return try SigningRequest(
                method: request.method,
                scheme: "https",
                host: host,
                rawPath: request.path,
                rawQuery: request.query,
                headers: request.headers,
                body: request.body.isEmpty ? .empty : .bytes(Array(request.body.utf8))
            )
        }
    }
}

struct SuiteError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
