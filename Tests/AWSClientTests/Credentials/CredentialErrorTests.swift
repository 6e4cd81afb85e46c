import Foundation
import Testing
@testable import AWSClient

@Suite struct CredentialErrorTests {
    static let everyCase: [CredentialError] = [
        .noCredentials(lookedIn: ["environment variables"]),
        .partialEnvironment(present: "AWS_ACCESS_KEY_ID", missing: "AWS_SECRET_ACCESS_KEY"),
        .profileNotFound(name: "x", known: [], suggestion: nil, files: ["/h/.aws/config", "/h/.aws/credentials"]),
        .sharedFilesMissing(profile: "x", files: ["/h/.aws/config", "/h/.aws/credentials"]),
        .malformedFile(path: "/h/.aws/config", line: 3, reason: "expected 'key = value' or a '[section]' header"),
        .unreadableFile(path: "/h/.aws/config", reason: "it is a directory"),
        .profileHasNoCredentials(profile: "x"),
        .incompleteProfileKeys(profile: "x", file: "/h/.aws/credentials", missing: "aws_secret_access_key"),
        .sourceProfileLoop(profiles: ["a", "b", "a"]),
        .sourceProfileNotFound(profile: "a", sourceProfile: "b"),
        .sourceAndCredentialSource(profile: "a"),
        .roleWithoutSource(profile: "a"),
        .unknownCredentialSource(profile: "a", value: "Laptop"),
        .credentialSourceUnavailable(profile: "a", value: "Environment",
                                     variables: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are"),
        .invalidSetting(profile: "a", key: "duration_seconds", value: "x", expected: "a whole number of seconds"),
        .ssoNotSupported(profile: "a"),
        .webIdentityWithoutRole(source: "AWS_WEB_IDENTITY_TOKEN_FILE"),
        .webIdentityTokenUnreadable(path: "/t"),
        .processCommandInvalid(profile: "a", reason: "a single quote is not closed"),
        .processNotFound(profile: "a", program: "tool"),
        .processFailed(profile: "a", program: "tool", status: 2, stderrFirstLine: ""),
        .processCouldNotStart(profile: "a", program: "tool", reason: "Exec format error"),
        .processOutputInvalid(profile: "a", program: "tool", reason: "JSON with no Version"),
        .containerEndpointNotAllowed(host: "example.com"),
        .containerRequestFailed(url: "http://127.0.0.1/x", reason: "it answered with HTTP status 500 after 3 attempts"),
        .instanceMetadataUnavailable(reason: "AWS_EC2_METADATA_DISABLED is true"),
        .instanceMetadataResponseInvalid(reason: "the answer has no 'Token'"),
        .invalidResponse(source: "ECS container", reason: "the answer has no 'Token'"),
        .roleAssumptionFailed(roleARN: "arn:aws:iam::1:role/r", source: "environment", reason: "AccessDenied"),
        .expired(source: "environment", expiredAt: Date(timeIntervalSince1970: 0), advice: "export fresh keys"),
    ]

    @Test(arguments: everyCase)
    func everyMessageIsOneSentence(error: CredentialError) {
        let text = error.description
        #expect(text.first?.isUppercase == true)
        #expect(text.hasSuffix(".") || text.hasSuffix("?"))
        #expect(!text.hasSuffix(".."))
        #expect(!text.contains("\n"))
        #expect(error.errorDescription == text)
    }

    @Test(arguments: [
        (CredentialError.credentialSourceUnavailable(
            profile: "a", value: "EcsContainer",
            variables: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are"),
         "Profile 'a' has credential_source 'EcsContainer', but AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and "
            + "AWS_CONTAINER_CREDENTIALS_FULL_URI are unset: set them, or change credential_source."),
        (.processFailed(profile: "a", program: "tool", status: 2, stderrFirstLine: ""),
         "The credential_process of profile 'a' ('tool') exited with status 2."),
        (.profileNotFound(name: "x", known: [], suggestion: nil, files: ["/h/.aws/config", "/h/.aws/credentials"]),
         "Profile 'x' is not in '/h/.aws/config' or '/h/.aws/credentials'; no profiles are defined there."),
        (.expired(source: "environment", expiredAt: Date(timeIntervalSince1970: 0), advice: "export fresh keys"),
         "The credentials from environment expired at 1970-01-01T00:00:00Z and could not be refreshed: export "
            + "fresh keys."),
    ])
    func exactMessages(error: CredentialError, text: String) {
        #expect(error.description == text)
    }
}
