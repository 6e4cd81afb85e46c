/// Checks a template against CloudFormation's rules before anything is written or sent, and reports every
/// problem at once, each as a sentence.
public enum TemplateValidator {
    /// Every problem in `template`; `renderedSize` is the size in bytes of its text, when known.
    public static func validate(_ template: Template, renderedSize: Int? = nil) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        issues += identifierIssues(template)
        issues += ReferenceChecker(template: template).issues()
        issues += DependencyGraph(template: template).cycles().map { (cycle: [LogicalID]) -> ValidationIssue in
            ValidationIssue.error("Resources depend on each other in a cycle: \(cycle.map(\.rawValue).joined(separator: " → ")); remove one of these references or DependsOn entries.")
        }
        issues += limitIssues(template, renderedSize: renderedSize)
        return issues
    }

    private static func identifierIssues(_ template: Template) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let sections: [(String, [LogicalID])] = [
            ("Parameter", template.parameters.map(\.id)),
            ("Mapping", template.mappings.orderedKeys.map { LogicalID($0) }),
            ("Condition", template.conditions.orderedKeys.map { LogicalID($0) }),
            ("Resource", template.resources.map(\.id)),
            ("Output", template.outputs.map(\.id)),
        ]
        for (kind, ids) in sections {
            for id in ids where !id.isValid {
                issues.append(.error("\(kind) '\(id)' has an invalid logical ID; use 1 to \(TemplateLimits.logicalIDLength) ASCII letters and digits."))
            }
        }
        // Resources and parameters share the namespace of `Ref`; no section may repeat a name.
        var parameters: Set<LogicalID> = []
        for id in template.parameters.map(\.id) where !parameters.insert(id).inserted {
            issues.append(.error("Logical ID '\(id)' is used by more than one parameter; give each a name of its own."))
        }
        var resources: Set<LogicalID> = []
        for id in template.resources.map(\.id) {
            if !resources.insert(id).inserted {
                issues.append(.error("Logical ID '\(id)' is used by more than one resource; give each a name of its own."))
            } else if parameters.contains(id) {
                issues.append(.error("Logical ID '\(id)' is used by both a parameter and a resource; give each a name of its own."))
            }
        }
        var outputs: Set<LogicalID> = []
        for id in template.outputs.map(\.id) where !outputs.insert(id).inserted {
            issues.append(.error("Logical ID '\(id)' is used by more than one output; give each a name of its own."))
        }
        if template.resources.isEmpty {
            issues.append(.error("The template has no resources; CloudFormation requires at least one."))
        }
        return issues
    }

    private static func limitIssues(_ template: Template, renderedSize: Int?) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let counts = [
            ("resources", template.resources.count, TemplateLimits.resources),
            ("parameters", template.parameters.count, TemplateLimits.parameters),
            ("outputs", template.outputs.count, TemplateLimits.outputs),
            ("mappings", template.mappings.count, TemplateLimits.mappings),
        ]
        for (what, count, limit) in counts where count > limit {
            issues.append(.error("The template has \(count) \(what), over CloudFormation's limit of \(limit); split the stack."))
        }
        if let size = renderedSize {
            if size > TemplateLimits.templateBytes {
                issues.append(.error("The template is \(size) bytes, over CloudFormation's limit of \(TemplateLimits.templateBytes) bytes; split the stack or shorten it."))
            } else if size > TemplateLimits.inlineTemplateBytes {
                issues.append(.note("The template is \(size) bytes, over the \(TemplateLimits.inlineTemplateBytes) bytes that can be sent inline; deploy uploads it to the environment's artifact bucket."))
            }
        }
        return issues
    }
}
