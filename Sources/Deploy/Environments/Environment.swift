import CloudFormation

/// One deployment target: an AWS account and region, and how to reach it.
public struct Environment: Sendable, Hashable {
    public var name: String
    /// The 12-digit AWS account ID the environment lives in.
    public var account: String
    public var region: String
    /// The named profile used locally (outside CI).
    public var profile: String?
    /// The role assumed in the account to deploy, with `${account}` and `${env}` already filled in.
    public var deployRole: String?
    public var externalID: String?
    public var sessionName: String?
    /// The bucket for templates over 51,200 bytes and for function code.
    public var artifactBucket: String?
    /// Tags on every stack deployed here, sorted by key.
    public var tags: [(key: String, value: String)]
    /// SNS topics that receive the stacks' events.
    public var notificationARNs: [String]
    /// Termination protection on, and approval required before a change set runs.
    public var isProtected: Bool

    public init(
        name: String, account: String, region: String, profile: String? = nil, deployRole: String? = nil,
        externalID: String? = nil, sessionName: String? = nil, artifactBucket: String? = nil,
        tags: [(key: String, value: String)] = [], notificationARNs: [String] = [], isProtected: Bool = false
    ) {
        self.name = name
        self.account = account
        self.region = region
        self.profile = profile
        self.deployRole = deployRole
        self.externalID = externalID
        self.sessionName = sessionName
        self.artifactBucket = artifactBucket
        self.tags = tags
        self.notificationARNs = notificationARNs
        self.isProtected = isProtected
    }

    /// What a stack definition sees of this environment: nothing that differs between machines.
    public var stackEnvironment: StackEnvironment {
        StackEnvironment(name: name, region: region, isProtected: isProtected)
    }

    public static func == (a: Environment, b: Environment) -> Bool {
        a.name == b.name && a.account == b.account && a.region == b.region && a.profile == b.profile
            && a.deployRole == b.deployRole && a.externalID == b.externalID && a.sessionName == b.sessionName
            && a.artifactBucket == b.artifactBucket && a.tags.map(\.key) == b.tags.map(\.key)
            && a.tags.map(\.value) == b.tags.map(\.value) && a.notificationARNs == b.notificationARNs
            && a.isProtected == b.isProtected
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(account)
        hasher.combine(region)
    }
}
