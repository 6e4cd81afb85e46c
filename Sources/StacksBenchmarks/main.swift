import Foundation

// The figures the issues ask for. Run with `swift run -c release stacks-bench` from the repository root
// (or `Benchmarks/run`, which also builds the release binary the synth figure times). Section names given as
// arguments (`stacks-bench sigv4 client`) run only those sections.

let repository = FileManager.default.currentDirectoryPath
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stacks").path
#if DEBUG
print("warning: a debug build; run `swift run -c release stacks-bench` for figures worth quoting")
#endif

let selectedSections = Set(CommandLine.arguments.dropFirst())

func section(_ title: String, _ body: () async throws -> [String]) async {
    guard selectedSections.isEmpty || selectedSections.contains(title) else { return }
    print("== \(title)")
    do {
        for line in try await body() { print(line) }
    } catch {
        print("failed: \(error)")
    }
}

await section("yaml") {
    YAMLBenchmark.run().map { "\($0.name): \(Measure.format($0.milliseconds)) ms" }
}
await section("templates") { try TemplateBenchmark.run() }
await section("synth") {
    guard FileManager.default.isExecutableFile(atPath: binary) else { return ["skipped: no stacks binary next to stacks-bench"] }
    return try TemplateBenchmark.synthProcess(binary: binary, repository: repository)
}
await section("sigv4") {
    SigV4Benchmark.run().map { "\($0.name): \(Measure.format($0.value, decimals: 1)) \($0.unit)" }
}
await section("client") {
    try await ClientBenchmark.run().map { "\($0.name): \(Measure.format($0.value)) \($0.unit)" }
}
await section("deploy") { try await DeployBenchmark.run() }
