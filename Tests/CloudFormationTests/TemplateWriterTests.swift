import CloudFormation
import Foundation
import Testing
import TestSupport

@Suite("TemplateWriter")
struct TemplateWriterTests {
    /// One resource whose properties hold `value`, rendered; returns the line(s) after `Value:`.
    private func rendered(_ value: TemplateValue, format: TemplateWriter.Format = .yaml) throws -> String {
        var template = Template()
        template.resources = [TemplateResource(id: "Thing", type: "AWS::SNS::Topic", properties: ["Value": value])]
        let text = try TemplateWriter.render(template, format: format)
        let marker = format == .yaml ? "      Value: " : "\"Value\": "
        guard let range = text.range(of: marker) else { return text }
        return String(text[range.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("intrinsics use the short form", arguments: [
        (TemplateValue.intrinsic(.ref("Bucket")), "!Ref Bucket"),
        (.intrinsic(.getAtt("Table", "Arn")), "!GetAtt Table.Arn"),
        (.intrinsic(.getAtt("Cluster", "Endpoint.Address")), "!GetAtt Cluster.Endpoint.Address"),
        (.intrinsic(.sub("arn:${AWS::Partition}:s3:::${Bucket}/*", [:])), "!Sub arn:${AWS::Partition}:s3:::${Bucket}/*"),
        (.intrinsic(.condition("IsProd")), "!Condition IsProd"),
        (.intrinsic(.importValue("shared-VpcId")), "!ImportValue shared-VpcId"),
        (.intrinsic(.getAZs("")), "!GetAZs ''"),
        (.intrinsic(.select(0, .intrinsic(.getAZs("")))), "!Select\n      - 0\n      - !GetAZs ''"),
    ])
    func shortForms(value: TemplateValue, expected: String) throws {
        #expect(try rendered(value) == expected)
    }

    @Test("an intrinsic that is the whole argument of a short-form one stays long")
    func nestedDirectlyStaysLong() throws {
        let value = TemplateValue.intrinsic(.base64(.intrinsic(.sub("echo ${Bucket}", [:]))))
        #expect(try rendered(value) == "!Base64\n        Fn::Sub: echo ${Bucket}")
        let azs = TemplateValue.intrinsic(.getAZs(.intrinsic(.ref("AWS::Region"))))
        #expect(try rendered(azs) == "!GetAZs\n        Ref: AWS::Region")
    }

    @Test("a computed GetAtt attribute is written as a list")
    func getAttWithIntrinsicAttribute() throws {
        let value = TemplateValue.intrinsic(.getAtt("Stack", .intrinsic(.sub("Outputs.${Name}", [:]))))
        #expect(try rendered(value) == "!GetAtt\n      - Stack\n      - !Sub Outputs.${Name}")
    }

    @Test("JSON uses the long form throughout")
    func jsonLongForm() throws {
        let value = TemplateValue.intrinsic(.join(",", [.intrinsic(.ref("A")), .intrinsic(.getAtt("B", "Arn"))]))
        let text = try rendered(value, format: .json)
        #expect(text.hasPrefix("""
            {
                      "Fn::Join": [
                        ",",
                        [
                          {
                            "Ref": "A"
                          },
                          {
                            "Fn::GetAtt": [
                              "B",
                              "Arn"
                            ]
                          }
                        ]
                      ]
                    }
            """))
    }

    @Test("sections, resource keys and parameter keys come out in canonical order")
    func canonicalOrder() throws {
        var template = Template(description: "Order")
        template.outputs = [OutputDefinition(id: "Out", properties: ["Value": "x", "Description": "d"])]
        template.conditions = ["IsProd": .intrinsic(.equals(.intrinsic(.ref("Env")), "prd"))]
        template.parameters = [ParameterDefinition(id: "Env", properties: ["Default": "sbx", "Type": "String"])]
        var attributes = ResourceAttributes()
        attributes.deletionPolicy = .retain
        attributes.dependsOn = ["Other"]
        attributes.condition = "IsProd"
        template.resources = [
            TemplateResource(id: "Other", type: "AWS::SNS::Topic"),
            TemplateResource(id: "Queue", type: "AWS::SQS::Queue", properties: ["VisibilityTimeout": 30], attributes: attributes),
        ]
        let expected = """
            AWSTemplateFormatVersion: '2010-09-09'
            Description: Order
            Parameters:
              Env:
                Type: String
                Default: sbx
            Conditions:
              IsProd: !Equals
              - !Ref Env
              - prd
            Resources:
              Other:
                Type: AWS::SNS::Topic
              Queue:
                Type: AWS::SQS::Queue
                Condition: IsProd
                DependsOn: Other
                Properties:
                  VisibilityTimeout: 30
                DeletionPolicy: Retain
            Outputs:
              Out:
                Description: d
                Value: x

            """
        #expect(try TemplateWriter.render(template, format: .yaml) == expected)
    }

    @Test("the same template renders to the same bytes")
    func deterministic() throws {
        let template = SampleTemplates.kitchenSink()
        let first = try TemplateWriter.render(template, format: .yaml)
        for _ in 0..<20 {
            #expect(try TemplateWriter.render(SampleTemplates.kitchenSink(), format: .yaml) == first)
        }
    }
}

@Suite("Golden templates")
struct GoldenTemplateTests {
    @Test("the kitchen-sink template renders as reviewed", arguments: TemplateWriter.Format.allCases)
    func kitchenSink(format: TemplateWriter.Format) throws {
        let text = try TemplateWriter.render(SampleTemplates.kitchenSink(), format: format)
        let path = RepositoryRoot.path("Tests/CloudFormationTests/Golden/kitchen-sink.\(format.fileExtension)")
        if let mismatch = GoldenFile.mismatch(text, path: path) {
            Issue.record(Comment(rawValue: mismatch))
        }
    }
}

@Suite("Independent reader")
struct IndependentReaderTests {
    @Test("cfn-lint's decoder reads our YAML as the same data as our JSON, for thousands of random templates")
    func cfnLintDecoder() throws {
        var generator = RandomTemplates(seed: 77)
        var pairs: [String] = []
        for _ in 0..<500 {
            let template = generator.template()
            let yaml = try TemplateWriter.render(template, format: .yaml)
            let json = try TemplateWriter.render(template, format: .json)
            pairs.append("[\(json.jsonQuoted), \(yaml.jsonQuoted)]")
        }
        let script = """
            import json, sys
            from cfnlint.decode import decode_str
            pairs = json.load(sys.stdin)
            for index, (json_text, yaml_text) in enumerate(pairs):
                decoded, matches = decode_str(yaml_text)
                if matches or decoded != json.loads(json_text):
                    print(f"template {index} differs: {matches}\\n{yaml_text}")
                    sys.exit(1)
            print(f"{len(pairs)} templates agree")
            """
        let result = try Command.run("python3", ["-c", script], input: Data("[\(pairs.joined(separator: ","))]".utf8))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "500 templates agree\n")
    }
}

extension String {
    /// This string as a JSON string literal.
    var jsonQuoted: String {
        var out = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
