import CloudFormation
import Testing

@Suite("Value and !Sub interpolation")
struct ValueTests {
    let bucket = GenericResource("Bucket", type: "AWS::S3::Bucket")

    @Test("interpolating references builds !Sub")
    func subFromInterpolation() {
        let arn: Value<String> = "arn:\(AWS.partition):s3:::\(bucket.ref)/*"
        #expect(arn.templateValue == .intrinsic(.sub("arn:${AWS::Partition}:s3:::${Bucket}/*", [:])))
    }

    @Test("GetAtt becomes ${Resource.Attribute}")
    func getAttPlaceholder() {
        let value: Value<String> = "\(bucket.attribute("Arn"))/logs"
        #expect(value.templateValue == .intrinsic(.sub("${Bucket.Arn}/logs", [:])))
    }

    @Test("literal ${ is escaped, so !Sub leaves it as written")
    func escapesLiteralPlaceholders() {
        let value: Value<String> = "${literal} and \(bucket.ref)"
        #expect(value.templateValue == .intrinsic(.sub("${!literal} and ${Bucket}", [:])))
    }

    @Test("a string with no intrinsic stays plain, ${ and all")
    func plainStringStaysPlain() {
        let name = "links"
        let value: Value<String> = "table-\(name)-${x}"
        #expect(value.templateValue == .string("table-links-${x}"))
    }

    @Test("other intrinsics become named variables that clash with no reference")
    func variablesAvoidReferencedNames() {
        let var1 = GenericResource("Var1", type: "AWS::SNS::Topic")
        let joined = Value<String>.join(",", ["a", "b"])
        let value: Value<String> = "\(joined)-\(var1.ref)"
        #expect(value.templateValue == .intrinsic(.sub("${Var2}-${Var1}", ["Var2": .intrinsic(.join(",", ["a", "b"]))])))
    }

    @Test("numbers interpolate as text")
    func numbers() {
        let port: Value<Int> = 443
        let value: Value<String> = "\(bucket.ref):\(port)"
        #expect(value.templateValue == .intrinsic(.sub("${Bucket}:443", [:])))
    }

    @Test("array literals of typed values")
    func arrays() {
        let list: Value<[String]> = ["a", bucket.ref]
        #expect(list.templateValue == .list(["a", .intrinsic(.ref("Bucket"))]))
    }

    @Test("dictionary literals keep their order; Swift dictionaries render sorted")
    func mapOrder() {
        let literal: TemplateValue = ["b": 1, "a": 2]
        #expect(literal == .map(TemplateMap([("b", 1), ("a", 2)])))
        let dictionary: [String: Int] = ["b": 1, "a": 2, "c": 3]
        #expect(dictionary.templateValue == .map(TemplateMap([("a", 2), ("b", 1), ("c", 3)])))
    }

    @Test("overrides set nested properties and remove them")
    func overrides() {
        let queue = GenericResource("Queue", type: "AWS::SQS::Queue", properties: ["DelaySeconds": 5, "Tags": []])
            .overriding(["RedrivePolicy", "maxReceiveCount"], with: 3)
            .overriding(["Tags"], with: nil)
        #expect(queue.templateResource.properties == ["DelaySeconds": 5, "RedrivePolicy": ["maxReceiveCount": 3]])
    }
}
