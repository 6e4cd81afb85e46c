import Foundation
import Testing
@testable import AWSClient

@Suite struct SharedConfigFilesTests {
    @Test func mapsSectionsToProfilesAsTheSDKsDo() throws {
        let home = try CredsTestHome(
            config: """
                [default]
                region = us-east-1
                [profile dev]
                region = eu-west-1
                endpoint_url = http://127.0.0.1:5000
                [profile "with space"]
                region = ap-south-1
                [notaprofile]
                region = sa-east-1
                [profilex]
                region = sa-east-1
                [services local]
                cloudformation =
                  endpoint_url = http://127.0.0.1:4566
                """,
            credentials: """
                [ci]
                aws_access_key_id = \(CredsSecrets.keyID)
                aws_secret_access_key = \(CredsSecrets.secret)
                """
        )
        let files = try SharedConfigFiles.load(environment: home.environment())
        #expect(files.profileNames == ["ci", "default", "dev", "with space"])
        #expect(files.profile(named: "default")?.region == "us-east-1")
        #expect(files.profile(named: "dev")?.region == "eu-west-1")
        #expect(files.profile(named: "dev")?.endpointURL == "http://127.0.0.1:5000")
        #expect(files.profile(named: "with space")?.region == "ap-south-1")
        #expect(files.profile(named: "ci")?.accessKeyID == CredsSecrets.keyID)
        #expect(files.services["local"] == ["cloudformation": ["endpoint_url": "http://127.0.0.1:4566"]])
        #expect(files.configFilePath == home.path + "/.aws/config")
        #expect(files.credentialsFilePath == home.path + "/.aws/credentials")
    }

    @Test func credentialsFileValuesTakePrecedenceOverConfigFileValues() throws {
        let home = try CredsTestHome(
            config: "[profile p]\nregion = us-east-1\naws_access_key_id = FROMCONFIG\noutput = json\n",
            credentials: "[p]\nregion = eu-central-1\naws_access_key_id = FROMCREDENTIALS\n"
        )
        let profile = try #require(try SharedConfigFiles.load(environment: home.environment()).profile(named: "p"))
        #expect(profile.region == "eu-central-1")
        #expect(profile.accessKeyID == "FROMCREDENTIALS")
        #expect(profile["output"] == "json")
        #expect(profile.settingNames == ["aws_access_key_id", "output", "region"])
    }

    @Test func environmentVariablesChooseTheFilesWithTildeExpansion() throws {
        let home = try CredsTestHome()
        try home.write("elsewhere/cfg", "[profile a]\nregion = us-west-1\n")
        try home.write("elsewhere/creds", "[b]\nregion = us-west-2\n")
        let files = try SharedConfigFiles.load(environment: home.environment([
            "AWS_CONFIG_FILE": "~/elsewhere/cfg",
            "AWS_SHARED_CREDENTIALS_FILE": "$HOME_ALIAS/elsewhere/creds",
            "HOME_ALIAS": home.path,
        ]))
        #expect(files.configFilePath == home.path + "/elsewhere/cfg")
        #expect(files.credentialsFilePath == home.path + "/elsewhere/creds")
        #expect(files.profileNames == ["a", "b"])
    }

    @Test func serviceEndpointsComeFromTheServicesSectionThenTheProfile() throws {
        let home = try CredsTestHome(config: """
            [profile local]
            services = emulators
            endpoint_url = http://127.0.0.1:5000
            [profile plain]
            [services emulators]
            cloudformation =
              endpoint_url = http://127.0.0.1:4566
            """)
        let files = try SharedConfigFiles.load(environment: home.environment())
        let local = try #require(files.profile(named: "local"))
        #expect(files.endpointURL(forService: "cloudformation", profile: local) == "http://127.0.0.1:4566")
        #expect(files.endpointURL(forService: "s3", profile: local) == "http://127.0.0.1:5000")
        #expect(files.endpointURL(forService: "s3", profile: try #require(files.profile(named: "plain"))) == nil)
    }

    @Test func selectedProfileName() throws {
        let home = try CredsTestHome()
        let both = home.environment(["AWS_PROFILE": "a", "AWS_DEFAULT_PROFILE": "b"])
        #expect(SharedConfigFiles.selectedProfileName(explicit: "x", environment: both) == "x")
        #expect(SharedConfigFiles.selectedProfileName(explicit: nil, environment: both) == "b")
        #expect(SharedConfigFiles.selectedProfileName(explicit: nil, environment: home.environment(["AWS_PROFILE": "a"]))
            == "a")
        #expect(SharedConfigFiles.selectedProfileName(explicit: nil, environment: home.environment()) == "default")
    }

    @Test func missingFilesAreEmpty() throws {
        let home = try CredsTestHome()
        let files = try SharedConfigFiles.load(environment: home.environment())
        #expect(!files.configFileExists && !files.credentialsFileExists)
        #expect(files.profileNames.isEmpty)
    }

    @Test func malformedFileErrorNamesFileAndLineButNotTheSecret() async throws {
        let home = try CredsTestHome(credentials: "[default]\naws_access_key_id = x\n\(CredsSecrets.secret)\n")
        let error = await credentialError { _ = try SharedConfigFiles.load(environment: home.environment()) }
        #expect(error == .malformedFile(
            path: home.path + "/.aws/credentials", line: 3, reason: "expected 'key = value' or a '[section]' header"
        ))
        #expect(error?.description == "The AWS config file '\(home.path)/.aws/credentials' is malformed at line 3: "
            + "expected 'key = value' or a '[section]' header.")
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(error as Any))
    }

    @Test func aDirectoryInPlaceOfTheFileIsAnError() async throws {
        let home = try CredsTestHome()
        try FileManager.default.createDirectory(atPath: home.path + "/.aws/config", withIntermediateDirectories: true)
        let error = await credentialError { _ = try SharedConfigFiles.load(environment: home.environment()) }
        #expect(error == .unreadableFile(path: home.path + "/.aws/config", reason: "it is a directory"))
    }

    @Test func profileDescriptionListsSettingNamesNeverValues() throws {
        let home = try CredsTestHome(credentials: """
            [p]
            aws_access_key_id = \(CredsSecrets.keyID)
            aws_secret_access_key = \(CredsSecrets.secret)
            aws_session_token = \(CredsSecrets.token)
            """)
        let profile = try #require(try SharedConfigFiles.load(environment: home.environment()).profile(named: "p"))
        #expect(profile.description
            == "profile 'p' (settings: aws_access_key_id, aws_secret_access_key, aws_session_token)")
        CredsSecrets.expectAbsent(from: CredsSecrets.printed(profile))
    }

    @Test(arguments: [
        ("prod", ["prd", "prod-eu", "staging"], "prd"),
        ("acme-sbx", ["acme-sandbox", "acme-sbx2", "default"], "acme-sbx2"),
        ("Dev", ["dev", "default"], "dev"),
        ("zzz", ["dev", "prod"], nil),
    ] as [(String, [String], String?)])
    func suggestsTheClosestProfileName(name: String, known: [String], expected: String?) throws {
        let home = try CredsTestHome(config: known.map { "[profile \($0)]\nregion = us-east-1\n" }.joined())
        let files = try SharedConfigFiles.load(environment: home.environment())
        #expect(files.suggestion(for: name) == expected)
    }
}
