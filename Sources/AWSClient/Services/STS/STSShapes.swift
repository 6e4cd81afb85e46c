import Foundation
import SigV4

/// Who the caller is: `aws sts get-caller-identity`.
public struct CallerIdentity: Sendable, Hashable {
    public var account: String
    public var arn: String
    public var userID: String

    public init(account: String, arn: String, userID: String) {
        self.account = account
        self.arn = arn
        self.userID = userID
    }
}

public struct AssumeRoleInput: Sendable, Hashable {
    public var roleARN: String
    public var roleSessionName: String
    public var durationSeconds: Int?
    public var externalID: String?
    /// An inline session policy (JSON).
    public var policy: String?
    public var serialNumber: String?
    public var tokenCode: String?

    public init(
        roleARN: String, roleSessionName: String, durationSeconds: Int? = nil, externalID: String? = nil,
        policy: String? = nil, serialNumber: String? = nil, tokenCode: String? = nil
    ) {
        self.roleARN = roleARN
        self.roleSessionName = roleSessionName
        self.durationSeconds = durationSeconds
        self.externalID = externalID
        self.policy = policy
        self.serialNumber = serialNumber
        self.tokenCode = tokenCode
    }
}

public struct AssumeRoleWithWebIdentityInput: Sendable, Hashable {
    public var roleARN: String
    public var roleSessionName: String
    public var webIdentityToken: String
    public var durationSeconds: Int?
    public var policy: String?
    public var providerID: String?

    public init(
        roleARN: String, roleSessionName: String, webIdentityToken: String, durationSeconds: Int? = nil,
        policy: String? = nil, providerID: String? = nil
    ) {
        self.roleARN = roleARN
        self.roleSessionName = roleSessionName
        self.webIdentityToken = webIdentityToken
        self.durationSeconds = durationSeconds
        self.policy = policy
        self.providerID = providerID
    }
}

/// The answer to AssumeRole and AssumeRoleWithWebIdentity. Its `description` names the role, never the keys.
public struct AssumedRole: Sendable, Hashable, CustomStringConvertible {
    public var credentials: Credentials
    /// `arn:aws:sts::<account>:assumed-role/<role>/<session>`.
    public var assumedRoleARN: String
    public var assumedRoleID: String
    /// AssumeRoleWithWebIdentity only: the token's subject.
    public var subjectFromWebIdentityToken: String?

    public var description: String { "assumed role \(assumedRoleARN)" }

    init(result: XMLTree, operation: String) throws {
        guard let element = result.child("Credentials") else {
            throw AWSClientError.invalidResponse(operation: operation, reason: "the answer holds no <Credentials>")
        }
        let expiration = try element.required("Expiration", in: operation)
        guard let expires = ISO8601Timestamp.parse(expiration) else {
            throw AWSClientError.invalidResponse(
                operation: operation, reason: "<Expiration> '\(expiration)' is not an ISO 8601 time")
        }
        credentials = Credentials(
            accessKeyID: try element.required("AccessKeyId", in: operation),
            secretAccessKey: try element.required("SecretAccessKey", in: operation),
            sessionToken: try element.required("SessionToken", in: operation),
            expiration: expires
        )
        let user = result.child("AssumedRoleUser")
        assumedRoleARN = user?.string("Arn") ?? ""
        assumedRoleID = user?.string("AssumedRoleId") ?? ""
        subjectFromWebIdentityToken = result.string("SubjectFromWebIdentityToken")
    }
}
