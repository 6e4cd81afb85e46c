import Testing

@testable import AWSClient

/// Expected encodings come from Python: `urllib.parse.urlencode({'k': value})`, which botocore uses for Query
/// bodies.
@Suite struct QueryParametersTests {
    @Test(arguments: [
        ("a b", "a+b"),
        ("a+b", "a%2Bb"),
        ("100%", "100%25"),
        ("a&b=c", "a%26b%3Dc"),
        ("~-_.", "~-_."),
        ("AZaz09", "AZaz09"),
        ("é", "%C3%A9"),
        ("☕", "%E2%98%95"),
        ("日本", "%E6%97%A5%E6%9C%AC"),
        ("/:?#[]@!$'()*,;", "%2F%3A%3F%23%5B%5D%40%21%24%27%28%29%2A%2C%3B"),
        ("\n\t", "%0A%09"),
        ("", ""),
    ])
    func formEncodingMatchesBotocore(value: String, expected: String) {
        #expect(QueryParameters.formEncode(value) == expected)
    }

    private struct Parameter {
        var key: String
        var value: String?
        var usePrevious: Bool?
    }

    /// botocore's serialization of a CreateStack call with the same input:
    /// `create_serializer('query').serialize_to_request(...)` then `urlencode(body, doseq=True)`.
    @Test func flattensListsOfStructuresAndStringsLikeBotocore() {
        var parameters = QueryParameters(action: "CreateStack", version: "2010-05-15")
        parameters.add("StackName", "app")
        parameters.add("TemplateBody", "Description: a+b & c=d ~ 100% é")
        parameters.addList(
            "Parameters",
            [Parameter(key: "Env", value: "prod"), Parameter(key: "Size", usePrevious: true)]
        ) { query, prefix, parameter in
            query.add("\(prefix).ParameterKey", parameter.key)
            query.add("\(prefix).ParameterValue", parameter.value)
            query.add("\(prefix).UsePreviousValue", parameter.usePrevious)
        }
        parameters.add("Capabilities", list: ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
        parameters.addList("Tags", [("team", "café ☕")]) { query, prefix, tag in
            query.add("\(prefix).Key", tag.0)
            query.add("\(prefix).Value", tag.1)
        }
        parameters.add("NotificationARNs", list: [])
        parameters.add("RoleARN", nil as String?)
        #expect(
            parameters.encoded == "Action=CreateStack&Version=2010-05-15&StackName=app"
                + "&TemplateBody=Description%3A+a%2Bb+%26+c%3Dd+~+100%25+%C3%A9"
                + "&Parameters.member.1.ParameterKey=Env&Parameters.member.1.ParameterValue=prod"
                + "&Parameters.member.2.ParameterKey=Size&Parameters.member.2.UsePreviousValue=true"
                + "&Capabilities.member.1=CAPABILITY_IAM&Capabilities.member.2=CAPABILITY_AUTO_EXPAND"
                + "&Tags.member.1.Key=team&Tags.member.1.Value=caf%C3%A9+%E2%98%95&NotificationARNs=")
    }

    @Test func flattensMapsAsEntryKeyValue() {
        var parameters = QueryParameters(action: "Op", version: "1")
        parameters.add("Attributes", map: [("b", "2"), ("a", "1 2")])
        parameters.add("Count", 3 as Int?)
        parameters.add("Flag", false as Bool?)
        #expect(
            parameters.encoded == "Action=Op&Version=1&Attributes.entry.1.key=b&Attributes.entry.1.value=2"
                + "&Attributes.entry.2.key=a&Attributes.entry.2.value=1+2&Count=3&Flag=false")
    }
}
