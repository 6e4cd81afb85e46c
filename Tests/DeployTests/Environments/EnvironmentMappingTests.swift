import Deploy
import Testing

@Suite("EnvironmentMapping")
struct EnvironmentMappingTests {
    static let sample = """
        defaults:
          region: us-east-1
          deployRole: arn:aws:iam::${account}:role/stacks-deploy-${env}
          tags:
            team: links
        environments:
          sbx: { account: "111111111111", profile: acme-sbx }
          tst:
            account: 222222222222
            externalId: ${TST_EXTERNAL_ID}
            tags: { cost-center: "42" }
          prd: { account: "${PRD_AWS_ACCOUNT_ID}", region: us-west-2, protected: true, notificationTopics: ["arn:aws:sns:us-west-2:${account}:deploys"] }
        """

    @Test("names keep the file's order; defaults merge; placeholders fill in")
    func resolves() throws {
        let mapping = try EnvironmentMapping(text: Self.sample, file: "environments.yaml")
        #expect(mapping.names == ["sbx", "tst", "prd"])
        let sbx = try mapping.environment("sbx", variables: [:])
        #expect(sbx == Environment(
            name: "sbx", account: "111111111111", region: "us-east-1", profile: "acme-sbx",
            deployRole: "arn:aws:iam::111111111111:role/stacks-deploy-sbx", tags: [("team", "links")]))
        let tst = try mapping.environment("tst", variables: ["TST_EXTERNAL_ID": "ext-7"])
        #expect(tst.externalID == "ext-7")
        #expect(tst.tags.map(\.key) == ["cost-center", "team"])
        let prd = try mapping.environment("prd", variables: ["PRD_AWS_ACCOUNT_ID": "333333333333"])
        #expect(prd.account == "333333333333")
        #expect(prd.region == "us-west-2")
        #expect(prd.isProtected)
        #expect(prd.deployRole == "arn:aws:iam::333333333333:role/stacks-deploy-prd")
        #expect(prd.notificationARNs == ["arn:aws:sns:us-west-2:333333333333:deploys"])
    }

    @Test("synthesis needs no variables")
    func stackEnvironmentNeedsNoVariables() throws {
        let mapping = try EnvironmentMapping(text: Self.sample, file: "environments.yaml")
        let prd = try mapping.stackEnvironment("prd")
        #expect(prd.name == "prd" && prd.region == "us-west-2" && prd.isProtected)
    }

    @Test("problems are one sentence pointing at the line", arguments: [
        ("environments:\n  sbx: { account: '111111111111', regon: us-east-1 }\n", "sbx", [String: String](),
         "environments.yaml:2: Unknown key 'regon' in 'sbx'; the keys are 'account', 'region', 'profile', 'deployRole', 'externalId', 'sessionName', 'artifactBucket', 'tags', 'notificationTopics', 'protected'. Did you mean 'region'?"),
        ("environments:\n  sbx: { account: '11111', region: us-east-1 }\n", "sbx", [:],
         "environments.yaml:2: Environment 'sbx' has account '11111', which is not a 12-digit AWS account ID; fix the value or the variable it comes from."),
        ("environments:\n  prd:\n    region: us-east-1\n    account: ${PRD_ID}\n", "prd", [:],
         "environments.yaml:4: Environment 'prd' needs the environment variable 'PRD_ID', which is not set; set it (CI keeps it as a secret or variable) and run again."),
        ("environments:\n  prd:\n    region: us-east-1\n    account: ${PRD_ID}\n", "prd", ["PRD_ID": "12345678901x"],
         "environments.yaml:4: Environment 'prd' has account '12345678901x', which is not a 12-digit AWS account ID; fix the value or the variable it comes from."),
        ("environments:\n  sbx: { account: '111111111111' }\n", "sbx", [:],
         "environments.yaml:2: Environment 'sbx' has no region; set 'region' on it or under 'defaults'."),
        ("environments:\n  sbx: { account: '111111111111', region: us-east-1, protected: maybe }\n", "sbx", [:],
         "environments.yaml:2: 'protected' of 'sbx' must be true or false."),
        ("defaults: {}\nenvironment:\n  sbx: {}\n", "sbx", [:],
         "environments.yaml:2: Unknown key 'environment'; the file has 'defaults' and 'environments'."),
        ("environments:\n  Sandbox: { account: '111111111111' }\n", "Sandbox", [:],
         "environments.yaml:2: Environment name 'Sandbox' must be lower-case letters, digits and '-'."),
        ("environments:\n  sbx: { account: '111111111111', region: us-east-1 }\n", "sbz", [:],
         "Unknown environment 'sbz'; environments.yaml defines 'sbx'. Did you mean 'sbx'?"),
        ("environments:\n  sbx: [unclosed\n", "sbx", [:],
         "environments.yaml: "),
    ])
    func errors(text: String, name: String, variables: [String: String], message: String) {
        do {
            let mapping = try EnvironmentMapping(text: text, file: "environments.yaml")
            _ = try mapping.environment(name, variables: variables)
            Issue.record("expected an error")
        } catch {
            if message.hasSuffix(": ") {
                #expect("\(error)".hasPrefix(message) && "\(error)".contains("line"), "\(error)")
            } else {
                #expect("\(error)" == message)
            }
        }
    }

    @Test("the repository's own mapping is valid")
    func repositoryMapping() throws {
        let mapping = try EnvironmentMapping.load(path: #filePath.replacing("Tests/DeployTests/Environments/EnvironmentMappingTests.swift", with: "Stacks/environments.yaml"))
        #expect(mapping.names == ["sbx", "tst", "prd"])
        #expect(try mapping.stackEnvironment("prd").region == "us-west-2")
    }

    @Test("a missing file says what to do")
    func missingFile() {
        #expect(throws: EnvironmentError("Cannot read the environment mapping 'nope.yaml'; create it (see the README) or pass --environments <file>.")) {
            try EnvironmentMapping.load(path: "nope.yaml")
        }
    }
}
