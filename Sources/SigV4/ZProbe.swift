import Foundation
public enum ZProbe {
    public static func plan(_ signer: Signer, _ request: SigningRequest, _ date: Date) -> Int {
        let d = AMZDate(date)
        let key = signer.signingKeyForProbe(d)
        let plan = SigningPlan(signer: signer, request: request, date: d, scope: key.scope, query: nil)
        return plan.headers.count
    }
    public static func amz(_ date: Date) -> Int { AMZDate(date).day }
    public static func wire(_ request: SigningRequest) -> Int { request.wireParts(cache: WirePartsCache()).host.utf8.count }
    public static func canonical(_ signer: Signer, _ request: SigningRequest, _ date: Date) -> Int {
        let d = AMZDate(date)
        let key = signer.signingKeyForProbe(d)
        let plan = SigningPlan(signer: signer, request: request, date: d, scope: key.scope, query: nil)
        return plan.probeCanonicalLength()
    }
    public static func auth(_ signer: Signer, _ request: SigningRequest, _ date: Date) -> Int {
        let d = AMZDate(date)
        let key = signer.signingKeyForProbe(d)
        let plan = SigningPlan(signer: signer, request: request, date: d, scope: key.scope, query: nil)
        return plan.authorization(key: key, accessKeyID: "AKID").utf8.count
    }
}
extension Signer {
    func signingKeyForProbe(_ d: AMZDate) -> SigningKey { SigningKeyCache.probe.key(secret: credentials.secretAccessKey, date: d, region: region, service: service) }
}
extension SigningKeyCache { static let probe = SigningKeyCache() }
