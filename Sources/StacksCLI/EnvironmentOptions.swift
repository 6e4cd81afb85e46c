import ArgumentParser
import Deploy

/// `--environments <file>`, on every command that reads the environment mapping.
struct EnvironmentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The environment mapping to read.", valueName: "file"))
    var environments: String = EnvironmentMapping.defaultPath

    func load() throws -> EnvironmentMapping {
        try EnvironmentMapping.load(path: environments)
    }
}
