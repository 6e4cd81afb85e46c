import CloudFormation
import Testing
import YAML

@Suite("TemplateReader")
struct TemplateReaderTests {
    private func value(of yaml: String) throws -> TemplateValue? {
        let template = try TemplateReader.read("Resources:\n  R:\n    Type: AWS::SNS::Topic\n    Properties:\n      V: \(yaml)\n")
        return template.resources.first?.properties["V"]
    }

    @Test("short and long forms read the same", arguments: [
        ("!Ref Bucket", "{Ref: Bucket}"),
        ("!GetAtt Table.Arn", "{'Fn::GetAtt': [Table, Arn]}"),
        ("!GetAtt [Table, Arn]", "{'Fn::GetAtt': Table.Arn}"),
        ("!Sub 'a-${B}'", "{'Fn::Sub': 'a-${B}'}"),
        ("!Sub ['${X}', {X: 1}]", "{'Fn::Sub': ['${X}', {X: 1}]}"),
        ("!Join [',', [a, !Ref B]]", "{'Fn::Join': [',', [a, {Ref: B}]]}"),
        ("!Select [0, !GetAZs '']", "{'Fn::Select': [0, {'Fn::GetAZs': ''}]}"),
        ("!Split [',', 'a,b']", "{'Fn::Split': [',', 'a,b']}"),
        ("!If [C, 1, !Ref AWS::NoValue]", "{'Fn::If': [C, 1, {Ref: AWS::NoValue}]}"),
        ("!FindInMap [M, a, b]", "{'Fn::FindInMap': [M, a, b]}"),
        ("!ImportValue x", "{'Fn::ImportValue': x}"),
        ("!Cidr [10.0.0.0/16, 4, 8]", "{'Fn::Cidr': [10.0.0.0/16, 4, 8]}"),
        ("!Base64 {'Fn::Sub': x}", "{'Fn::Base64': {'Fn::Sub': x}}"),
        ("!Transform {Name: M, Parameters: {a: 1}}", "{'Fn::Transform': {Name: M, Parameters: {a: 1}}}"),
    ])
    func shortAndLong(short: String, long: String) throws {
        let a = try value(of: short)
        let b = try value(of: long)
        #expect(a != nil)
        #expect(a == b)
        #expect(a?.intrinsic != nil)
    }

    @Test("plain scalars resolve as YAML 1.1; quoted ones stay strings")
    func scalars() throws {
        #expect(try value(of: "30") == .int(30))
        #expect(try value(of: "'30'") == .string("30"))
        #expect(try value(of: "0.5") == .double(0.5))
        #expect(try value(of: "true") == .bool(true))
        #expect(try value(of: "null") == .null)
        #expect(try value(of: "!Ref 123") == .intrinsic(.ref("123")))
    }

    @Test("anchors, aliases and comments")
    func anchors() throws {
        let text = """
            # a comment
            Resources:
              A:
                Type: AWS::SNS::Topic
                Properties: &props
                  DisplayName: shared # trailing comment
              B:
                Type: AWS::SNS::Topic
                Properties: *props
            """
        let template = try TemplateReader.read(text)
        #expect(template.resources.map(\.properties) == [["DisplayName": "shared"], ["DisplayName": "shared"]])
    }

    @Test("JSON templates read into the same model as YAML ones")
    func json() throws {
        let json = """
            {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"T": {"Type": "AWS::SNS::Topic",
             "Properties": {"TopicName": {"Fn::Sub": "${AWS::StackName}-t"}, "N": 1, "F": false}}}}
            """
        let yaml = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              T:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Sub ${AWS::StackName}-t
                  N: 1
                  F: false
            """
        #expect(try TemplateReader.read(json) == TemplateReader.read(yaml))
    }

    @Test("{Condition: X} is an intrinsic only inside condition functions")
    func conditionKey() throws {
        let template = try TemplateReader.read("""
            Conditions:
              A: !Equals [1, 1]
              B: !Not [{Condition: A}]
            Resources:
              R:
                Type: AWS::SNS::Topic
                Properties:
                  Statement: {Condition: A}
            """)
        #expect(template.conditions["B"] == .intrinsic(.not(.intrinsic(.condition("A")))))
        #expect(template.resources.first?.properties["Statement"] == ["Condition": "A"])
    }

    @Test("malformed templates are sentences with a position", arguments: [
        ("Resources:\n  R:\n    Properties: {}\n", "Resource 'R' has no 'Type' (line 3, column 5)."),
        ("Resource:\n  R: {Type: X}\n", "Unknown template section 'Resource'; CloudFormation accepts 'AWSTemplateFormatVersion', 'Description', 'Metadata', 'Transform', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Resources' or 'Outputs' (line 1, column 1)."),
        ("Resources:\n  R:\n    Type: X\n    Propertes: {}\n", "Resource 'R' has unknown key 'Propertes'; a resource accepts 'Type', 'Condition', 'DependsOn', 'Properties', 'Metadata', 'CreationPolicy', 'UpdatePolicy', 'DeletionPolicy' or 'UpdateReplacePolicy' (line 4, column 5)."),
        ("Resources:\n  R:\n    Type: X\n    Properties:\n      A: !Join [',']\n", "Fn::Join takes a list of a delimiter and a list of values (line 5, column 10)."),
        ("Resources:\n  R:\n    Type: X\n    DeletionPolicy: Keep\n", "Resource 'R' DeletionPolicy is 'Keep', but must be one of 'Delete', 'Retain', 'RetainExceptOnCreate' or 'Snapshot' (line 4, column 21)."),
        ("- just a list\n", "A template must be a mapping of sections (line 1, column 1)."),
    ])
    func malformed(text: String, message: String) {
        #expect(throws: CloudFormationError.self) { try TemplateReader.read(text) }
        do {
            _ = try TemplateReader.read(text)
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test("a YAML syntax error names the line and column")
    func syntaxError() {
        do {
            _ = try TemplateReader.read("Resources:\n  R: [unclosed\n")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("line 3") || "\(error)".contains("line 2"))
        }
    }
}
