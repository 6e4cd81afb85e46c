import Foundation

/// `stacks-codegen [--schemas DIR] [--output DIR] [--services FILE] [--import SHARED_DIR]`
///
/// Reads the schemas in `Schemas/` (the services listed in `Schemas/services.txt`) and writes one Swift file per
/// resource type under `Sources/AWSResources/Generated/<Service>/`. With `--import`, first copies the listed
/// services' schemas from the shared schema folder into `Schemas/`.
struct CommandLineOptions {
    var schemas = "Schemas"
    var output = "Sources/AWSResources/Generated"
    var services: String?
    var importFrom: String?

    init(_ arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            guard let value = iterator.next() else {
                throw GeneratorError("Option '\(argument)' needs a value; see the usage at the top of main.swift.")
            }
            switch argument {
            case "--schemas": schemas = value
            case "--output": output = value
            case "--services": services = value
            case "--import": importFrom = value
            default: throw GeneratorError("Unknown option '\(argument)'; use --schemas, --output, --services or --import.")
            }
        }
    }
}

func run() throws {
    let options = try CommandLineOptions(Array(CommandLine.arguments.dropFirst()))
    let schemaDirectory = URL(fileURLWithPath: options.schemas)
    let servicesPath = options.services ?? schemaDirectory.appendingPathComponent("services.txt").path
    let services = try ServiceList.read(servicesPath)
    if let source = options.importFrom {
        try SchemaImporter(services: services, source: URL(fileURLWithPath: source), destination: schemaDirectory).run()
    }
    let generator = Generator(services: services, schemaDirectory: schemaDirectory)
    let output = try generator.generate()
    let written = try OutputWriter(directory: URL(fileURLWithPath: options.output)).write(output.files)
    let lines = output.files.values.reduce(0) { $0 + $1.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } }
    print("stacks-codegen: \(output.typeCount) resource types, \(output.files.count) files (\(written) changed), "
        + "\(lines) lines; \(output.droppedPatterns) patterns Swift Regex cannot compile were left out; "
        + "\(output.skippedAttributes) non-scalar attributes skipped.")
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("stacks-codegen: \(error)\n".utf8))
    exit(1)
}
