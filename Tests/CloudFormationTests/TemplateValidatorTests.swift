import CloudFormation
import Testing

@Suite("TemplateValidator")
struct TemplateValidatorTests {
    private func template(_ resources: [TemplateResource], parameters: [String] = [], conditions: [String] = []) -> Template {
        var template = Template()
        template.resources = resources
        template.parameters = parameters.map { ParameterDefinition(id: LogicalID($0), properties: ["Type": "String"]) }
        for name in conditions { template.conditions[name] = .intrinsic(.equals("a", "a")) }
        return template
    }

    private func messages(_ template: Template, size: Int? = nil) -> [String] {
        TemplateValidator.validate(template, renderedSize: size).map(\.message)
    }

    private let table = TemplateResource(id: "LinkTable", type: "AWS::DynamoDB::Table")

    @Test("a reference to an unknown logical ID, with a suggestion")
    func unknownGetAtt() {
        let reader = TemplateResource(id: "LinkRead", type: "AWS::Lambda::Function", properties: ["Role": .intrinsic(.getAtt("LinkTabel", "Arn"))])
        #expect(messages(template([table, reader])) == [
            "Resource 'LinkRead' refers to 'LinkTabel' with !GetAtt, but the template has no resource with that logical ID. Did you mean 'LinkTable'?",
        ])
    }

    @Test("Ref may name resources, parameters and pseudo parameters; nothing else")
    func refs() {
        let user = TemplateResource(id: "User", type: "AWS::SNS::Topic", properties: [
            "A": .intrinsic(.ref("LinkTable")), "B": .intrinsic(.ref("Stage")), "C": .intrinsic(.ref("AWS::Region")),
            "D": .intrinsic(.ref("Stag")), "E": .intrinsic(.ref("Zebra")),
        ])
        #expect(messages(template([table, user], parameters: ["Stage"])) == [
            "Resource 'User' refers to 'Stag' with !Ref, but the template has no resource or parameter with that logical ID. Did you mean 'Stage'?",
            "Resource 'User' refers to 'Zebra' with !Ref, but the template has no resource or parameter with that logical ID.",
        ])
    }

    @Test("!Sub placeholders are references too; variables and ${!literals} are not")
    func subPlaceholders() {
        let user = TemplateResource(id: "User", type: "AWS::SNS::Topic", properties: [
            "A": .intrinsic(.sub("${LinkTable.Arn}/${Var}/${!NotThis}/${AWS::AccountId}/${Missing}", ["Var": "x"])),
        ])
        #expect(messages(template([table, user])) == [
            "Resource 'User' refers to 'Missing' with !Sub, but the template has no resource or parameter with that logical ID.",
        ])
    }

    @Test("unknown conditions, in Condition, !If and outputs")
    func conditions() {
        var attributes = ResourceAttributes()
        attributes.condition = "IsProdd"
        let user = TemplateResource(id: "User", type: "AWS::SNS::Topic", properties: ["A": .intrinsic(.if("Nope", 1, 2))], attributes: attributes)
        var template = template([user], conditions: ["IsProd"])
        template.outputs = [OutputDefinition(id: "Out", properties: ["Value": 1, "Condition": "IsPrd"])]
        #expect(messages(template) == [
            "Resource 'User' refers to condition 'Nope' with !If, but the template has no condition with that name.",
            "Resource 'User' refers to condition 'IsProdd' as its Condition, but the template has no condition with that name. Did you mean 'IsProd'?",
            "Output 'Out' refers to condition 'IsPrd' as its Condition, but the template has no condition with that name. Did you mean 'IsProd'?",
        ])
    }

    @Test("DependsOn must name another resource")
    func dependsOn() {
        var attributes = ResourceAttributes()
        attributes.dependsOn = ["User", "LinkTabel"]
        let user = TemplateResource(id: "User", type: "AWS::SNS::Topic", attributes: attributes)
        #expect(messages(template([table, user])) == [
            "Resource 'User' depends on itself in DependsOn; remove that entry.",
            "Resource 'User' depends on 'LinkTabel' in DependsOn, but the template has no resource with that logical ID. Did you mean 'LinkTable'?",
        ])
    }

    @Test("invalid and duplicate logical IDs")
    func identifiers() {
        let bad = TemplateResource(id: "link-table", type: "AWS::SNS::Topic")
        let long = TemplateResource(id: LogicalID(String(repeating: "A", count: 256)), type: "AWS::SNS::Topic")
        let twice = TemplateResource(id: "LinkTable", type: "AWS::SNS::Topic")
        #expect(messages(template([table, bad, long, twice], parameters: ["LinkTable"])) == [
            "Resource 'link-table' has an invalid logical ID; use 1 to 255 ASCII letters and digits.",
            "Resource '\(String(repeating: "A", count: 256))' has an invalid logical ID; use 1 to 255 ASCII letters and digits.",
            "Logical ID 'LinkTable' is used by both a parameter and a resource; give each a name of its own.",
            "Logical ID 'LinkTable' is used by more than one resource; give each a name of its own.",
        ])
    }

    @Test("a dependency cycle is printed whole")
    func cycle() {
        let a = TemplateResource(id: "A", type: "AWS::SNS::Topic", properties: ["X": .intrinsic(.ref("B"))])
        let b = TemplateResource(id: "B", type: "AWS::SNS::Topic", properties: ["X": .intrinsic(.getAtt("C", "Arn"))])
        var attributes = ResourceAttributes()
        attributes.dependsOn = ["A"]
        let c = TemplateResource(id: "C", type: "AWS::SNS::Topic", attributes: attributes)
        let d = TemplateResource(id: "D", type: "AWS::SNS::Topic", properties: ["X": .intrinsic(.sub("${A}", [:]))])
        #expect(messages(template([a, b, c, d])) == [
            "Resources depend on each other in a cycle: A → B → C → A; remove one of these references or DependsOn entries.",
        ])
    }

    @Test("a resource cannot refer to itself")
    func selfReference() {
        let topic = TemplateResource(id: "Topic", type: "AWS::SNS::Topic", properties: ["DisplayName": .intrinsic(.sub("${Topic.TopicName}", [:]))])
        #expect(messages(template([topic])) == ["Resource 'Topic' refers to itself with !Sub; a resource cannot use its own values in its properties."])
    }

    @Test("CloudFormation's limits")
    func limits() {
        var big = template((0...TemplateLimits.resources).map { TemplateResource(id: LogicalID("R\($0)"), type: "AWS::SNS::Topic") })
        big.parameters = (0...200).map { ParameterDefinition(id: LogicalID("P\($0)"), properties: ["Type": "String"]) }
        big.outputs = (0...200).map { OutputDefinition(id: LogicalID("O\($0)"), properties: ["Value": 1]) }
        for index in 0...200 { big.mappings["M\(index)"] = ["a": ["b": 1]] }
        #expect(messages(big, size: 1_048_577) == [
            "The template has 501 resources, over CloudFormation's limit of 500; split the stack.",
            "The template has 201 parameters, over CloudFormation's limit of 200; split the stack.",
            "The template has 201 outputs, over CloudFormation's limit of 200; split the stack.",
            "The template has 201 mappings, over CloudFormation's limit of 200; split the stack.",
            "The template is 1048577 bytes, over CloudFormation's limit of 1048576 bytes; split the stack or shorten it.",
        ])
    }

    @Test("a template over 51,200 bytes gets a note, not an error")
    func inlineNote() {
        let issues = TemplateValidator.validate(template([table]), renderedSize: 51_201)
        #expect(issues == [.note("The template is 51201 bytes, over the 51200 bytes that can be sent inline; deploy uploads it to the environment's artifact bucket.")])
    }

    @Test("a template with no resources")
    func empty() {
        #expect(messages(Template()) == ["The template has no resources; CloudFormation requires at least one."])
    }
}
