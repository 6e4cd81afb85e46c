import AWSClient
import Foundation
import SigV4

/// `moto` on 127.0.0.1 with request-signature checking on, started once per test process on first use and shared
/// by every test. It holds an IAM user (`stacks-test`, allowed everything) whose access key the tests sign with.
public actor MotoServer {
    public static let shared = MotoServer()

    /// How to reach the running server and who to be.
    public struct Connection: Sendable {
        public var endpoint: URL
        public var credentials: Credentials
        public var account: String
        public var userARN: String
        /// A bucket the test user may write to.
        public var bucket: String
    }

    private var helper: PythonHelper?
    private var starting: Task<Connection, Error>?

    /// Starts the server if it is not running yet, and returns how to reach it.
    public func connection() async throws -> Connection {
        if let starting { return try await starting.value }
        let task = Task { () throws -> Connection in
            let helper = try await PythonHelper(script: "moto_server.py")
            self.keep(helper)
            let greeting = helper.greeting
            guard let port = greeting["port"] as? Int, let endpoint = URL(string: "http://127.0.0.1:\(port)"),
                let keyID = greeting["accessKeyID"] as? String, let secret = greeting["secretAccessKey"] as? String,
                let account = greeting["account"] as? String, let userARN = greeting["userARN"] as? String,
                let bucket = greeting["bucket"] as? String
            else {
                throw PythonHelperError(script: "moto_server.py", log: "unexpected greeting", timedOut: false)
            }
            return Connection(
                endpoint: endpoint,
                credentials: Credentials(accessKeyID: keyID, secretAccessKey: secret),
                account: account,
                userARN: userARN,
                bucket: bucket
            )
        }
        starting = task
        return try await task.value
    }

    private func keep(_ helper: PythonHelper) {
        self.helper = helper
    }

    /// A client signed as the test user (or with the given credentials), pointing at moto.
    public func client(
        credentials: Credentials? = nil,
        region: String = "us-east-1",
        transport: any HTTPTransport = URLSessionTransport()
    ) async throws -> (client: AWSClient, endpoint: ServiceEndpoint) {
        let connection = try await connection()
        let client = AWSClient(
            region: region,
            credentialProvider: FixedCredentials(credentials ?? connection.credentials, name: "moto test user"),
            transport: transport
        )
        return (client, ServiceEndpoint(url: connection.endpoint, region: region, isCustom: true))
    }
}
