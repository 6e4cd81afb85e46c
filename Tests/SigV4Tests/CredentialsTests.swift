import Foundation
import SigV4
import Testing

@Suite struct CredentialsTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let token = "FwoGZXIvYXdzEXAMPLETOKENxyz"

    @Test(arguments: [
        (Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: secret), "Credentials(AKIA…MPLE)"),
        (
            Credentials(accessKeyID: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: secret, sessionToken: token),
            "Credentials(ASIA…MPLE, session)"
        ),
        (Credentials(accessKeyID: "AKID", secretAccessKey: secret), "Credentials(…)"),
        (Credentials(accessKeyID: "", secretAccessKey: secret, sessionToken: token), "Credentials(…, session)"),
    ])
    func descriptionShowsOnlyAnAbbreviatedKeyID(credentials: Credentials, expected: String) {
        #expect(credentials.description == expected)
        #expect(credentials.debugDescription == expected)
        #expect(String(describing: credentials) == expected)
        #expect(String(reflecting: credentials) == expected)
    }

    @Test func descriptionNeverRevealsSecretOrToken() {
        let credentials = Credentials(
            accessKeyID: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: Self.secret, sessionToken: Self.token,
            expiration: Date(timeIntervalSince1970: 1_700_000_000)
        )
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [credentials.description, credentials.debugDescription, "\(credentials)", "\([credentials])", dumped] {
            #expect(!text.contains(Self.secret))
            #expect(!text.contains(Self.token))
            #expect(!text.contains("wJal"))
            #expect(!text.contains("AKIAIOSFODNN7EXAMPLE") && !text.contains("ASIAIOSFODNN7EXAMPLE"))
        }
    }
}
