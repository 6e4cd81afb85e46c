/// Finds references to names a template does not define: `!Ref`, `!GetAtt`, `!Sub` placeholders, `DependsOn`,
/// conditions and mappings.
struct ReferenceChecker {
    let template: Template
    private let resources: [String]
    private let parameters: [String]
    private let conditions: [String]
    private let mappings: [String]

    init(template: Template) {
        self.template = template
        self.resources = template.resources.map(\.id.rawValue)
        self.parameters = template.parameters.map(\.id.rawValue)
        self.conditions = template.conditions.orderedKeys
        self.mappings = template.mappings.orderedKeys
    }

    func issues() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for resource in template.resources {
            let owner = "Resource '\(resource.id)'"
            issues += check(.map(resource.properties), owner: owner, selfID: resource.id.rawValue)
            if let metadata = resource.attributes.metadata { issues += check(.map(metadata), owner: owner) }
            if let condition = resource.attributes.condition {
                issues += checkCondition(condition.rawValue, owner: owner, how: "as its Condition")
            }
            for dependency in resource.attributes.dependsOn {
                if dependency == resource.id {
                    issues.append(.error("\(owner) depends on itself in DependsOn; remove that entry."))
                } else if !resources.contains(dependency.rawValue) {
                    issues.append(.error("\(owner) depends on '\(dependency)' in DependsOn, but the template has no resource with that logical ID.\(Suggestion.didYouMean(dependency.rawValue, in: resources))"))
                }
            }
        }
        for output in template.outputs {
            let owner = "Output '\(output.id)'"
            issues += check(.map(output.properties.removing("Condition")), owner: owner)
            if case .string(let condition)? = output.properties["Condition"] {
                issues += checkCondition(condition, owner: owner, how: "as its Condition")
            }
        }
        for (name, expression) in template.conditions {
            issues += check(expression, owner: "Condition '\(name)'")
        }
        return issues
    }

    private func check(_ value: TemplateValue, owner: String, selfID: String? = nil) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        value.forEachIntrinsic { intrinsic in
            for reference in intrinsic.references {
                let how = intrinsic.shortTag
                if reference.name == selfID, reference.kind == .ref || reference.kind == .getAtt {
                    issues.append(.error("\(owner) refers to itself with \(how); a resource cannot use its own values in its properties."))
                    continue
                }
                switch reference.kind {
                case .ref:
                    if !PseudoParameter.isPseudoParameter(reference.name), !resources.contains(reference.name),
                        !parameters.contains(reference.name)
                    {
                        issues.append(.error("\(owner) refers to '\(reference.name)' with \(how), but the template has no resource or parameter with that logical ID.\(Suggestion.didYouMean(reference.name, in: resources + parameters))"))
                    }
                case .getAtt:
                    if !resources.contains(reference.name) {
                        issues.append(.error("\(owner) refers to '\(reference.name)' with \(how), but the template has no resource with that logical ID.\(Suggestion.didYouMean(reference.name, in: resources))"))
                    }
                case .condition:
                    issues += checkCondition(reference.name, owner: owner, how: "with \(how)")
                case .mapping:
                    if !mappings.contains(reference.name) {
                        issues.append(.error("\(owner) reads mapping '\(reference.name)' with \(how), but the template has no mapping with that name.\(Suggestion.didYouMean(reference.name, in: mappings))"))
                    }
                }
            }
        }
        return issues
    }

    private func checkCondition(_ name: String, owner: String, how: String) -> [ValidationIssue] {
        guard !conditions.contains(name) else { return [] }
        return [.error("\(owner) refers to condition '\(name)' \(how), but the template has no condition with that name.\(Suggestion.didYouMean(name, in: conditions))")]
    }
}

extension TemplateMap {
    func removing(_ key: String) -> TemplateMap {
        var copy = self
        copy[key] = nil
        return copy
    }
}
