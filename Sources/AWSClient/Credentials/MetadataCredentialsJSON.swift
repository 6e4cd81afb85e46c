import Foundation
import SigV4

/// Decodes the JSON the ECS and EC2 metadata endpoints return: `AccessKeyId`, `SecretAccessKey`, `Token`,
/// `Expiration`, and on EC2 a `Code` that must be `Success`. Errors name missing fields, never values.
enum MetadataCredentialsJSON {
    static func decode(_ body: [UInt8], source: String, tokenKey: String) throws(CredentialError) -> Credentials {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)),
              let json = object as? [String: Any]
        else { throw .invalidResponse(source: source, reason: "the answer is not a JSON object") }
        if let code = json["Code"] as? String, code != "Success" {
            throw .invalidResponse(source: source, reason: "the answer's Code is '\(code)', not 'Success'")
        }
        func field(_ key: String) throws(CredentialError) -> String {
            guard let value = json[key] as? String, !value.isEmpty else {
                throw .invalidResponse(source: source, reason: "the answer has no '\(key)'")
            }
            return value
        }
        let keyID = try field("AccessKeyId")
        let secret = try field("SecretAccessKey")
        let token = try field(tokenKey)
        let expirationText = try field("Expiration")
        guard let expiration = CredentialDates.parse(expirationText) else {
            throw .invalidResponse(source: source, reason: "the answer's Expiration is not an ISO 8601 date")
        }
        return Credentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token, expiration: expiration)
    }
}
