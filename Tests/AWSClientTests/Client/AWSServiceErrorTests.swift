import Testing

@testable import AWSClient

@Suite struct AWSServiceErrorTests {
    @Test func decodesQueryErrorResponse() {
        let body = """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>
              <RequestId>5f1c0a2e-1111</RequestId>
            </ErrorResponse>
            """
        let error = AWSServiceError.decode(HTTPResponse(status: 400, body: Array(body.utf8)))
        #expect(
            error
                == AWSServiceError(
                    code: "Throttling", message: "Rate exceeded", requestID: "5f1c0a2e-1111", status: 400))
        #expect(error.description == "Throttling: Rate exceeded (request 5f1c0a2e-1111)")
    }

    @Test func decodesS3ErrorWithRequestIDInside() {
        let body =
            "<Error><Code>NoSuchBucket</Code><Message>The bucket does not exist</Message>"
            + "<RequestId>ABC</RequestId></Error>"
        let error = AWSServiceError.decode(HTTPResponse(status: 404, body: Array(body.utf8)))
        #expect(error.description == "NoSuchBucket: The bucket does not exist (request ABC)")
    }

    @Test(arguments: [
        (404, "", "NotFound: HTTP status 404 (request R1)"),
        (503, "<html>busy</html>", "ServiceUnavailable: HTTP status 503 (request R1)"),
        (500, "<broken", "InternalError: HTTP status 500 (request R1)"),
        (418, "", "HTTP418: HTTP status 418 (request R1)"),
    ])
    func fallsBackToTheStatusWithoutAnErrorDocument(status: Int, body: String, expected: String) {
        let response = HTTPResponse(status: status, headers: [("x-amz-request-id", "R1")], body: Array(body.utf8))
        #expect(AWSServiceError.decode(response).description == expected)
    }
}
