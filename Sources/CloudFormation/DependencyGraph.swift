/// The resources of a template and what each depends on: `!Ref`, `!GetAtt`, `!Sub` placeholders and DependsOn.
/// A resource naming itself is left out here; the reference checker reports it.
public struct DependencyGraph: Sendable {
    /// Each resource's direct dependencies on other resources, in declaration order.
    public let dependencies: [(id: LogicalID, on: [LogicalID])]

    public init(template: Template) {
        let ids = Set(template.resources.map(\.id))
        dependencies = template.resources.map { resource in
            var found: [LogicalID] = []
            func add(_ name: String) {
                let id = LogicalID(name)
                if id != resource.id, ids.contains(id), !found.contains(id) { found.append(id) }
            }
            var values: [TemplateValue] = [.map(resource.properties)]
            if let metadata = resource.attributes.metadata { values.append(.map(metadata)) }
            for value in values {
                value.forEachIntrinsic { intrinsic in
                    for reference in intrinsic.references where reference.kind == .ref || reference.kind == .getAtt {
                        add(reference.name)
                    }
                }
            }
            for dependency in resource.attributes.dependsOn { add(dependency.rawValue) }
            return (resource.id, found)
        }
    }

    /// Every cycle, each as the path that closes it (`A → B → A`), each reported once, in declaration order.
    public func cycles() -> [[LogicalID]] {
        let edges = Dictionary(dependencies.map { ($0.id, $0.on) }, uniquingKeysWith: { first, _ in first })
        var state: [LogicalID: Int] = [:]  // 1: on the current path, 2: done
        var path: [LogicalID] = []
        var found: [[LogicalID]] = []
        var reported: Set<Set<LogicalID>> = []

        func visit(_ id: LogicalID) {
            state[id] = 1
            path.append(id)
            for next in edges[id] ?? [] {
                switch state[next] {
                case 1:
                    if let start = path.firstIndex(of: next) {
                        let cycle = Array(path[start...])
                        if reported.insert(Set(cycle)).inserted { found.append(cycle + [next]) }
                    }
                case nil:
                    visit(next)
                default:
                    break
                }
            }
            path.removeLast()
            state[id] = 2
        }
        for (id, _) in dependencies where state[id] == nil {
            visit(id)
        }
        return found
    }
}
