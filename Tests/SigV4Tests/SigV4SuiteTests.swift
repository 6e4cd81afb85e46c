import Foundation
import SigV4
import Testing

/// The AWS SigV4 test suite (aws-c-auth's tests/aws-signing-test-suite/v4): every stage of header and query
/// signing for every case folder.
@Suite struct SigV4SuiteTests {
    @Test func suiteHasAllCases() {
        #expect(SuiteCase.names.count == 38)
    }

    @Test(arguments: SuiteCase.names)
    func headerSigning(name: String) throws {
        let suiteCase = try SuiteCase(name: name)
        let signer = suiteCase.signer
        let request = try suiteCase.signingRequest
        let date = try suiteCase.date

        #expect(signer.canonicalRequest(request, date: date) == (try suiteCase.expected("header-canonical-request.txt")))
        #expect(signer.stringToSign(request, date: date) == (try suiteCase.expected("header-string-to-sign.txt")))
        #expect(signer.signature(request, date: date) == (try suiteCase.expected("header-signature.txt")))

        let signed = SuiteCase.RawRequest.render(
            method: suiteCase.request.method,
            target: suiteCase.request.target,
            headers: signer.sign(request, date: date),
            body: suiteCase.request.body
        )
        #expect(signed == (try suiteCase.expected("header-signed-request.txt")))
    }

    @Test(arguments: SuiteCase.names)
    func querySigning(name: String) throws {
        let suiteCase = try SuiteCase(name: name)
        let signer = suiteCase.signer
        let request = try suiteCase.signingRequest
        let date = try suiteCase.date
        let expires = suiteCase.context.expiration_in_seconds

        #expect(
            signer.canonicalRequest(request, date: date, forQuery: true, expires: expires)
                == (try suiteCase.expected("query-canonical-request.txt"))
        )
        #expect(
            signer.stringToSign(request, date: date, forQuery: true, expires: expires)
                == (try suiteCase.expected("query-string-to-sign.txt"))
        )
        #expect(
            signer.signature(request, date: date, forQuery: true, expires: expires)
                == (try suiteCase.expected("query-signature.txt"))
        )

        let target = signer.presignedRequestTarget(request, date: date, expires: expires)
        let signed = SuiteCase.RawRequest.render(
            method: suiteCase.request.method,
            target: target,
            headers: suiteCase.request.headers,
            body: suiteCase.request.body
        )
        #expect(signed == (try suiteCase.expected("query-signed-request.txt")))

        // The URL form: Foundation percent-encodes what a URL cannot hold raw (a space, `ሴ`); elsewhere it is
        // exactly the expected target.
        let url = signer.presign(request, date: date, expires: expires)
        let expectedURL = URL(string: "https://example.amazonaws.com" + target)
        #expect(url == expectedURL)
        #expect(url.absoluteString.hasSuffix("&X-Amz-Signature=" + (try suiteCase.expected("query-signature.txt"))))
    }
}
