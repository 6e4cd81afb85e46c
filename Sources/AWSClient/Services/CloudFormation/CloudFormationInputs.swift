/// Where a template comes from.
public enum TemplateSource: Sendable, Hashable {
    /// The template text itself (up to 51,200 bytes).
    case body(String)
    /// An S3 URL of the template (up to 1 MB).
    case url(String)
    /// The stack's current template (updates and change sets only).
    case usePrevious

    func add(to query: inout QueryParameters) {
        switch self {
        case .body(let body): query.add("TemplateBody", body)
        case .url(let url): query.add("TemplateURL", url)
        case .usePrevious: query.add("UsePreviousTemplate", true)
        }
    }
}

/// What CreateStack, UpdateStack and CreateChangeSet have in common.
public struct StackInput: Sendable, Hashable {
    public var stackName: String
    public var template: TemplateSource
    public var parameters: [Parameter]
    public var capabilities: [String]
    public var tags: [Tag]?
    public var roleARN: String?
    public var notificationARNs: [String]?
    public var clientRequestToken: String?

    public init(
        stackName: String, template: TemplateSource, parameters: [Parameter] = [], capabilities: [String] = [],
        tags: [Tag]? = nil, roleARN: String? = nil, notificationARNs: [String]? = nil,
        clientRequestToken: String? = nil
    ) {
        self.stackName = stackName
        self.template = template
        self.parameters = parameters
        self.capabilities = capabilities
        self.tags = tags
        self.roleARN = roleARN
        self.notificationARNs = notificationARNs
        self.clientRequestToken = clientRequestToken
    }

    func add(to query: inout QueryParameters, tokenKey: String = "ClientRequestToken") {
        query.add("StackName", stackName)
        template.add(to: &query)
        if !parameters.isEmpty {
            query.addList("Parameters", parameters) { query, prefix, parameter in
                query.add("\(prefix).ParameterKey", parameter.key)
                query.add("\(prefix).ParameterValue", parameter.value)
                query.add("\(prefix).UsePreviousValue", parameter.usePreviousValue)
            }
        }
        if !capabilities.isEmpty { query.add("Capabilities", list: capabilities) }
        query.addList("Tags", tags) { query, prefix, tag in
            query.add("\(prefix).Key", tag.key)
            query.add("\(prefix).Value", tag.value)
        }
        query.add("RoleARN", roleARN)
        query.add("NotificationARNs", list: notificationARNs)
        query.add(tokenKey, clientRequestToken)
    }
}

public struct CreateStackInput: Sendable, Hashable {
    public var stack: StackInput
    /// `DO_NOTHING`, `ROLLBACK` or `DELETE`.
    public var onFailure: String?
    public var timeoutInMinutes: Int?
    public var enableTerminationProtection: Bool?

    public init(
        _ stack: StackInput, onFailure: String? = nil, timeoutInMinutes: Int? = nil,
        enableTerminationProtection: Bool? = nil
    ) {
        self.stack = stack
        self.onFailure = onFailure
        self.timeoutInMinutes = timeoutInMinutes
        self.enableTerminationProtection = enableTerminationProtection
    }
}

public struct CreateChangeSetInput: Sendable, Hashable {
    public var stack: StackInput
    public var changeSetName: String
    /// `CREATE`, `UPDATE` or `IMPORT`.
    public var changeSetType: String
    public var description: String?
    public var includeNestedStacks: Bool?

    public init(
        _ stack: StackInput, changeSetName: String, changeSetType: String, description: String? = nil,
        includeNestedStacks: Bool? = nil
    ) {
        self.stack = stack
        self.changeSetName = changeSetName
        self.changeSetType = changeSetType
        self.description = description
        self.includeNestedStacks = includeNestedStacks
    }
}
