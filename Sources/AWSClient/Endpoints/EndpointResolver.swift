import Foundation

/// Resolves the region and the endpoint of a service the way the AWS SDKs do, from an explicit value, the
/// environment and the profile's settings. The environment is passed in, so nothing here reads the machine's
/// state unless the caller asks for `ProcessInfo`'s.
public struct EndpointResolver: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The region: the explicit value, else `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the profile's `region`.
    /// Empty values count as unset.
    public func region(explicit: String? = nil, profileRegion: String? = nil) throws(AWSClientError) -> String {
        let candidates = [explicit, environment["AWS_REGION"], environment["AWS_DEFAULT_REGION"], profileRegion]
        for candidate in candidates {
            if let value = candidate?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                guard Self.isRegionName(value) else { throw .invalidRegion(value) }
                return value
            }
        }
        throw .missingRegion
    }

    /// The endpoint: `AWS_ENDPOINT_URL_<SERVICE>`, else `AWS_ENDPOINT_URL`, else the profile's `endpoint_url`,
    /// else the region's default host in its partition. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` skips the
    /// configured ones.
    public func endpoint(
        for service: ServiceDescription,
        region: String,
        profileEndpointURL: String? = nil
    ) throws(AWSClientError) -> ServiceEndpoint {
        let ignoreConfigured = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
        if !ignoreConfigured {
            let configured: [(source: String, value: String?)] = [
                (service.endpointEnvironmentVariable, environment[service.endpointEnvironmentVariable]),
                ("AWS_ENDPOINT_URL", environment["AWS_ENDPOINT_URL"]),
                ("endpoint_url", profileEndpointURL),
            ]
            for (source, value) in configured {
                guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { continue }
                guard let url = URL(string: value), let scheme = url.scheme?.lowercased(),
                    scheme == "http" || scheme == "https", url.host != nil
                else {
                    throw .invalidEndpoint(source: source, value: value)
                }
                return ServiceEndpoint(url: url, region: region, isCustom: true)
            }
        }
        guard Self.isRegionName(region) else { throw .invalidRegion(region) }
        let host = "\(service.endpointPrefix).\(region).\(partition(for: region).dnsSuffix)"
        guard let url = URL(string: "https://\(host)") else {
            throw .invalidEndpoint(source: "region", value: region)
        }
        return ServiceEndpoint(url: url, region: region, isCustom: false)
    }

    /// Lower-case letters, digits and dashes, as every AWS region name is; anything else would change the host.
    static func isRegionName(_ region: String) -> Bool {
        !region.isEmpty
            && region.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "-")
            }
    }
}
