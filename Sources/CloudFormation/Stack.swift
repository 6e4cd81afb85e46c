/// A stack definition: a name and a function from an environment to the stack's template.
///
/// ```swift
/// let urlShortener = Stack("url-shortener", description: "Short links") { env in
///     let table = DynamoDB.Table("Links", ...)
///     table
///     Output("TableName", table.name)
/// }
/// ```
public struct Stack: Sendable {
    public let name: String
    public let description: String?
    /// The deployed stack's name in an environment; `<name>-<env>` unless the definition says otherwise.
    public let deployedName: @Sendable (StackEnvironment) -> String
    private let body: @Sendable (StackEnvironment) throws -> [TemplateElement]

    public init(
        _ name: String,
        description: String? = nil,
        deployedName: (@Sendable (StackEnvironment) -> String)? = nil,
        @TemplateBuilder body: @escaping @Sendable (StackEnvironment) throws -> [TemplateElement]
    ) {
        self.name = name
        self.description = description
        self.deployedName = deployedName ?? { "\(name)-\($0.name)" }
        self.body = body
    }

    /// The stack's template for one environment.
    public func template(for environment: StackEnvironment) throws -> Template {
        Template(description: description, elements: try body(environment))
    }
}

/// What a stack definition knows of the environment it is built for.
///
/// It holds nothing that may differ between machines (the account can come from a CI variable), so a template
/// synthesizes to the same bytes everywhere; use `AWS.accountID` for the account.
public struct StackEnvironment: Sendable, Hashable {
    /// The environment's name: `sbx`, `tst`, `prd`.
    public var name: String
    /// The AWS region the stack is deployed to.
    public var region: String
    /// Whether the environment is protected (production-like).
    public var isProtected: Bool

    public init(name: String, region: String, isProtected: Bool = false) {
        self.name = name
        self.region = region
        self.isProtected = isProtected
    }
}
