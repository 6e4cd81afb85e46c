import Foundation

// The figures the issues ask for. Run with `swift run -c release stacks-bench` from the repository root
// (or `Benchmarks/run`, which also builds the release binary the synth figure times).

let repository = FileManager.default.currentDirectoryPath
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stacks").path
#if DEBUG
print("warning: a debug build; run `swift run -c release stacks-bench` for figures worth quoting")
#endif

func section(_ title: String, _ body: () throws -> [String]) {
    print("== \(title)")
    do {
        for line in try body() { print(line) }
    } catch {
        print("failed: \(error)")
    }
}

section("yaml") {
    YAMLBenchmark.run().map { "\($0.name): \(Measure.format($0.milliseconds)) ms" }
}
section("templates") { try TemplateBenchmark.run() }
section("synth") {
    guard FileManager.default.isExecutableFile(atPath: binary) else { return ["skipped: no stacks binary next to stacks-bench"] }
    return try TemplateBenchmark.synthProcess(binary: binary, repository: repository)
}
section("sigv4") {
    SigV4Benchmark.run().map { "\($0.name): \(Measure.format($0.value, decimals: 1)) \($0.unit)" }
}
print("== client")
do {
    for result in try await ClientBenchmark.run() {
        print("\(result.name): \(Measure.format(result.value)) \(result.unit)")
    }
} catch {
    print("failed: \(error)")
}
print("== deploy")
do {
    for line in try await DeployBenchmark.run() { print(line) }
} catch {
    print("failed: \(error)")
}
