import Foundation

/// Timing helpers: the best and the median of repeated runs, in milliseconds.
enum Measure {
    struct Figures {
        var best: Double
        var median: Double
    }

    static func milliseconds(repeat count: Int, _ body: () throws -> Void) rethrows -> Figures {
        var samples: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<count {
            let elapsed = try clock.measure(body)
            samples.append(Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        samples.sort()
        return Figures(best: samples.first ?? 0, median: samples[samples.count / 2])
    }

    /// The process's peak resident memory so far, in MiB (Linux: VmHWM).
    static func peakResidentMiB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first
            return kilobytes.map { $0 / 1024 }
        }
        return nil
    }

    /// User and system CPU time of every finished child process so far, in milliseconds.
    static func childrenCPUMilliseconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #else
        getrusage(RUSAGE_CHILDREN, &usage)
        #endif
        func ms(_ time: timeval) -> Double { Double(time.tv_sec) * 1_000 + Double(time.tv_usec) / 1_000 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
    }

    static func format(_ value: Double, decimals: Int = 2) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
