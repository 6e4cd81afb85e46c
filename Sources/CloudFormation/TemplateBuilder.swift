/// The result builder of stack definitions: list resources, parameters, outputs and constructs; `if`, `for` and
/// `let` work as in any Swift code.
@resultBuilder
public enum TemplateBuilder {
    public static func buildExpression(_ resource: some Resource) -> [TemplateElement] {
        [.resource(resource.templateResource)]
    }

    public static func buildExpression(_ component: some TemplateComponent) -> [TemplateElement] {
        component.templateElements
    }

    public static func buildExpression(_ elements: [TemplateElement]) -> [TemplateElement] {
        elements
    }

    public static func buildPartialBlock(first: [TemplateElement]) -> [TemplateElement] { first }

    public static func buildPartialBlock(accumulated: [TemplateElement], next: [TemplateElement]) -> [TemplateElement] {
        accumulated + next
    }

    public static func buildBlock() -> [TemplateElement] { [] }

    public static func buildOptional(_ elements: [TemplateElement]?) -> [TemplateElement] { elements ?? [] }

    public static func buildEither(first elements: [TemplateElement]) -> [TemplateElement] { elements }

    public static func buildEither(second elements: [TemplateElement]) -> [TemplateElement] { elements }

    public static func buildArray(_ elements: [[TemplateElement]]) -> [TemplateElement] { elements.flatMap { $0 } }

    public static func buildLimitedAvailability(_ elements: [TemplateElement]) -> [TemplateElement] { elements }
}
