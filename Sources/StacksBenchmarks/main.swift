// Runs the benchmarks and prints one line per measurement. The lead replaces this with the full benchmark list.
for result in YAMLBenchmark.run() {
    print("\(result.name): \((result.milliseconds * 100).rounded() / 100) ms")
}
