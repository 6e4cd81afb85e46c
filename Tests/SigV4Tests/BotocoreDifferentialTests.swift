import Foundation
import SigV4
import Testing
import TestSupport

/// Signs 10,000 seeded random requests with our signer and with botocore (sign.py, run once for the whole batch)
/// and requires identical `Authorization` headers. See ``RandomRequest`` for the space the requests are drawn from.
@Suite struct BotocoreDifferentialTests {
    static let seed: UInt64 = 0x5167_0004
    static let count = 10_000

    struct BotocoreResult: Decodable {
        let authorization: String
        let canonical_request: String
    }

    @Test func authorizationMatchesBotocore() throws {
        var factory = RandomRequestFactory(random: SeededGenerator(seed: Self.seed))
        let requests = (0..<Self.count).map { _ in factory.next() }
        let output = try Python.run(script: "sign.py", input: try JSONEncoder().encode(requests))
        let expected = try JSONDecoder().decode([BotocoreResult].self, from: output)
        try #require(expected.count == requests.count)

        var mismatches = 0
        var builtFromURL = 0
        for (index, (random, botocore)) in zip(requests, expected).enumerated() {
            let (request, usedURL) = try random.signingRequest()
            if usedURL { builtFromURL += 1 }
            let headers = random.signer.sign(request, date: random.date)
            let authorization = headers.last { $0.name == "Authorization" }?.value
            guard authorization != botocore.authorization else { continue }
            mismatches += 1
            if mismatches == 1 {
                let json = String(decoding: try JSONEncoder().encode(random), as: UTF8.self)
                Issue.record("""
                    Request \(index) of seed \(Self.seed) signs differently from botocore.
                    Request: \(json)
                    Ours:     \(authorization ?? "no Authorization header")
                    botocore: \(botocore.authorization)
                    Our canonical request:
                    \(random.signer.canonicalRequest(request, date: random.date))
                    botocore's canonical request:
                    \(botocore.canonical_request)
                    """)
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(requests.count) requests differ from botocore.")
        // Both ways of building a request are exercised.
        #expect(builtFromURL > requests.count / 10)
        #expect(builtFromURL < requests.count * 9 / 10)
    }
}
