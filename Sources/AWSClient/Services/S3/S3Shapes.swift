import Foundation

public struct PutObjectInput: Sendable {
    public var bucket: String
    public var key: String
    public var body: [UInt8]
    public var contentType: String?
    /// Sent as `x-amz-meta-<key>` headers; keys and values must be ASCII.
    public var metadata: [(key: String, value: String)]

    public init(
        bucket: String, key: String, body: [UInt8], contentType: String? = nil,
        metadata: [(key: String, value: String)] = []
    ) {
        self.bucket = bucket
        self.key = key
        self.body = body
        self.contentType = contentType
        self.metadata = metadata
    }
}

public struct PutObjectOutput: Sendable, Hashable {
    public var eTag: String
    public var versionID: String?
}

/// What HeadObject tells about an object.
public struct ObjectHead: Sendable, Hashable {
    public struct Metadata: Sendable, Hashable {
        public var key: String
        public var value: String
    }

    public var contentLength: Int
    public var eTag: String
    public var contentType: String?
    public var lastModified: Date?
    public var versionID: String?
    /// The `x-amz-meta-*` headers, keys lower-cased without the prefix, sorted by key.
    public var metadata: [Metadata]
}
