import Foundation

/// The AWS CloudFormation calls the deploy engine needs. Calls that page return every page.
public struct CloudFormationClient: AWSServiceClient {
    public let client: AWSClient
    public let endpoint: ServiceEndpoint
    public static let service = ServiceDescription.cloudFormation
    /// The most pages a paged call follows, so a service that keeps answering with a token cannot loop forever.
    public static let maxPages = 1_000

    public init(client: AWSClient, endpoint: ServiceEndpoint) {
        self.client = client
        self.endpoint = endpoint
    }

    // MARK: Stacks

    /// Creates a stack and returns its id.
    public func createStack(_ input: CreateStackInput) async throws -> String {
        let result = try await call("CreateStack") { query in
            input.stack.add(to: &query)
            query.add("OnFailure", input.onFailure)
            query.add("TimeoutInMinutes", input.timeoutInMinutes)
            query.add("EnableTerminationProtection", input.enableTerminationProtection)
        }
        return try result.required("StackId", in: "CreateStack")
    }

    /// Updates a stack directly (without a change set) and returns its id.
    public func updateStack(_ input: StackInput) async throws -> String {
        let result = try await call("UpdateStack") { input.add(to: &$0) }
        return try result.required("StackId", in: "UpdateStack")
    }

    public func deleteStack(
        _ stackName: String, roleARN: String? = nil, retainResources: [String]? = nil,
        clientRequestToken: String? = nil
    ) async throws {
        _ = try await call("DeleteStack") { query in
            query.add("StackName", stackName)
            query.add("RetainResources", list: retainResources)
            query.add("RoleARN", roleARN)
            query.add("ClientRequestToken", clientRequestToken)
        }
    }

    /// One stack by name or id, or every stack of the account and region when `stackName` is nil. A stack that
    /// does not exist is a `ValidationError` from the service.
    public func describeStacks(_ stackName: String? = nil) async throws -> [Stack] {
        try await pages("DescribeStacks", list: "Stacks") { $0.add("StackName", stackName) }.map(Stack.init(xml:))
    }

    /// The stack's events, newest first. With `until`, stops fetching pages once it meets the event with that id
    /// (which is left out), so a poller fetches only what is new.
    public func describeStackEvents(_ stackName: String, until eventID: String? = nil) async throws -> [StackEvent] {
        let all = try await pages(
            "DescribeStackEvents", list: "StackEvents",
            stopAt: eventID.map { id in
                { $0.string("EventId") == id }
            }
        ) { $0.add("StackName", stackName) }
        return all.map(StackEvent.init(xml:))
    }

    public func describeStackResources(_ stackName: String, logicalResourceID: String? = nil) async throws
        -> [StackResource]
    {
        let result = try await call("DescribeStackResources") { query in
            query.add("StackName", stackName)
            query.add("LogicalResourceId", logicalResourceID)
        }
        return result.members("StackResources").map(StackResource.init(xml:))
    }

    /// Every stack of the account and region, deleted ones of the last 90 days included unless filtered.
    public func listStacks(statusFilter: [StackStatus] = []) async throws -> [StackSummary] {
        try await pages("ListStacks", list: "StackSummaries") { query in
            if !statusFilter.isEmpty { query.add("StackStatusFilter", list: statusFilter.map(\.rawValue)) }
        }.map(StackSummary.init(xml:))
    }

    public func listExports() async throws -> [Export] {
        try await pages("ListExports", list: "Exports") { _ in }.map(Export.init(xml:))
    }

    /// Turns termination protection on or off and returns the stack id.
    public func updateTerminationProtection(_ stackName: String, enabled: Bool) async throws -> String {
        let result = try await call("UpdateTerminationProtection") { query in
            query.add("EnableTerminationProtection", enabled)
            query.add("StackName", stackName)
        }
        return try result.required("StackId", in: "UpdateTerminationProtection")
    }

    public func continueUpdateRollback(
        _ stackName: String, roleARN: String? = nil, resourcesToSkip: [String]? = nil,
        clientRequestToken: String? = nil
    ) async throws {
        _ = try await call("ContinueUpdateRollback") { query in
            query.add("StackName", stackName)
            query.add("RoleARN", roleARN)
            query.add("ResourcesToSkip", list: resourcesToSkip)
            query.add("ClientRequestToken", clientRequestToken)
        }
    }

    public func cancelUpdateStack(_ stackName: String, clientRequestToken: String? = nil) async throws {
        _ = try await call("CancelUpdateStack") { query in
            query.add("StackName", stackName)
            query.add("ClientRequestToken", clientRequestToken)
        }
    }

    // MARK: Templates

    /// The template of a stack (or of one of its change sets). `stage` is `Original` or `Processed`.
    public func getTemplate(_ stackName: String, changeSetName: String? = nil, stage: String? = nil) async throws
        -> StackTemplate
    {
        let result = try await call("GetTemplate") { query in
            query.add("StackName", stackName)
            query.add("ChangeSetName", changeSetName)
            query.add("TemplateStage", stage)
        }
        return StackTemplate(
            body: result.string("TemplateBody") ?? "", stagesAvailable: result.strings("StagesAvailable"))
    }

    /// What a template (or a deployed stack's template, with `stackName`) declares.
    public func getTemplateSummary(_ template: TemplateSource? = nil, stackName: String? = nil) async throws
        -> TemplateSummary
    {
        let result = try await call("GetTemplateSummary") { query in
            template?.add(to: &query)
            query.add("StackName", stackName)
        }
        return TemplateSummary(xml: result)
    }

    /// Checks a template's syntax; a bad template is a `ValidationError` from the service.
    public func validateTemplate(_ template: TemplateSource) async throws -> TemplateSummary {
        TemplateSummary(xml: try await call("ValidateTemplate") { template.add(to: &$0) })
    }

    // MARK: Change sets

    /// Creates a change set and returns its id and its stack's id.
    public func createChangeSet(_ input: CreateChangeSetInput) async throws -> (id: String, stackID: String) {
        let result = try await call("CreateChangeSet") { query in
            input.stack.add(to: &query, tokenKey: "ClientToken")
            query.add("ChangeSetName", input.changeSetName)
            query.add("ChangeSetType", input.changeSetType)
            query.add("Description", input.description)
            query.add("IncludeNestedStacks", input.includeNestedStacks)
        }
        return (try result.required("Id", in: "CreateChangeSet"), result.string("StackId") ?? "")
    }

    /// A change set with the changes of all its pages. `changeSetName` may be the change set's ARN, and then
    /// `stackName` may be nil.
    public func describeChangeSet(_ changeSetName: String, stackName: String? = nil) async throws -> ChangeSet {
        var changeSet: ChangeSet?
        var token: String?
        var seen: Set<String> = []
        for _ in 0..<Self.maxPages {
            let result = try await call("DescribeChangeSet") { query in
                query.add("ChangeSetName", changeSetName)
                query.add("StackName", stackName)
                query.add("NextToken", token)
            }
            let page = ChangeSet(xml: result)
            if changeSet == nil { changeSet = page } else { changeSet?.changes += page.changes }
            token = result.string("NextToken").flatMap { $0.isEmpty ? nil : $0 }
            guard let next = token, seen.insert(next).inserted else { break }
        }
        guard let changeSet else {
            throw AWSClientError.invalidResponse(operation: "DescribeChangeSet", reason: "no page was read")
        }
        return changeSet
    }

    public func executeChangeSet(
        _ changeSetName: String, stackName: String? = nil, clientRequestToken: String? = nil,
        disableRollback: Bool? = nil
    ) async throws {
        _ = try await call("ExecuteChangeSet") { query in
            query.add("ChangeSetName", changeSetName)
            query.add("StackName", stackName)
            query.add("ClientRequestToken", clientRequestToken)
            query.add("DisableRollback", disableRollback)
        }
    }

    public func deleteChangeSet(_ changeSetName: String, stackName: String? = nil) async throws {
        _ = try await call("DeleteChangeSet") { query in
            query.add("ChangeSetName", changeSetName)
            query.add("StackName", stackName)
        }
    }

    // MARK: Plumbing

    private func call(_ action: String, _ fill: (inout QueryParameters) -> Void) async throws -> XMLTree {
        var parameters = QueryParameters(action: action, version: Self.service.apiVersion)
        fill(&parameters)
        return try await client.query(parameters, action: action, service: Self.service, endpoint: endpoint)
    }

    /// Follows `NextToken` and returns the `<member>`s of the list of every page, in order.
    private func pages(
        _ action: String,
        list: String,
        stopAt: ((XMLTree) -> Bool)? = nil,
        _ fill: (inout QueryParameters) -> Void
    ) async throws -> [XMLTree] {
        var members: [XMLTree] = []
        var token: String?
        var seen: Set<String> = []
        for _ in 0..<Self.maxPages {
            let result = try await call(action) { query in
                fill(&query)
                query.add("NextToken", token)
            }
            for member in result.members(list) {
                if let stopAt, stopAt(member) { return members }
                members.append(member)
            }
            token = result.string("NextToken").flatMap { $0.isEmpty ? nil : $0 }
            guard let next = token, seen.insert(next).inserted else { break }
        }
        return members
    }
}
