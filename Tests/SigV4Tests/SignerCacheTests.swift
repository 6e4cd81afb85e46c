import Foundation
import SigV4
import Testing

@Suite struct SignerCacheTests {
    static let date = Date(timeIntervalSince1970: 1_795_262_400)

    static func credentials(_ id: String, token: String? = nil) -> Credentials {
        Credentials(accessKeyID: id, secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: token)
    }

    @Test func sameParametersGiveTheSameSignatureAsAFreshSigner() throws {
        let cache = SignerCache(capacity: 2)
        let url = try #require(URL(string: "https://cloudformation.us-east-1.amazonaws.com/"))
        let request = SigningRequest(method: "POST", url: url, body: .bytes(Array("Action=ListStacks".utf8)))
        let fresh = Signer(credentials: Self.credentials("AKIDEXAMPLE"), region: "us-east-1", service: "cloudformation")
        for _ in 0..<3 {
            let cached = cache.signer(credentials: Self.credentials("AKIDEXAMPLE"), region: "us-east-1", service: "cloudformation")
            #expect(cached.signature(request, date: Self.date) == fresh.signature(request, date: Self.date))
        }
        #expect(cache.count == 1)
    }

    @Test(arguments: [
        ("AKIDOTHER", nil, "us-east-1", "cloudformation"),
        ("AKIDEXAMPLE", "token", "us-east-1", "cloudformation"),
        ("AKIDEXAMPLE", nil, "eu-west-1", "cloudformation"),
        ("AKIDEXAMPLE", nil, "us-east-1", "sts"),
    ] as [(String, String?, String, String)])
    func anyDifferenceGivesAnotherSigner(id: String, token: String?, region: String, service: String) {
        let cache = SignerCache(capacity: 4)
        let first = cache.signer(credentials: Self.credentials("AKIDEXAMPLE"), region: "us-east-1", service: "cloudformation")
        let second = cache.signer(credentials: Self.credentials(id, token: token), region: region, service: service)
        #expect(cache.count == 2)
        #expect(second.credentials.accessKeyID == id)
        #expect(second.credentials.sessionToken == token)
        #expect(second.region == region)
        #expect(second.service == service)
        #expect(first.region == "us-east-1")
    }

    @Test func theOldestEntryMakesRoom() {
        let cache = SignerCache(capacity: 2)
        for region in ["us-east-1", "us-west-2", "eu-west-1", "us-west-2"] {
            _ = cache.signer(credentials: Self.credentials("AKIDEXAMPLE"), region: region, service: "sts")
        }
        #expect(cache.count == 2)
    }
}
