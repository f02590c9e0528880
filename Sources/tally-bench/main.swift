import Foundation
import Tally

// tally-bench: the month-end run's benchmark (issue 6). Generates a
// deterministic synthetic log (cached), then measures it in a fresh child
// process, `--runs` times, and prints the best time of each figure.

let usage = """
    Usage: swift run -c release tally-bench [--events N] [--accounts N] [--seed S]
               [--shuffled] [--invalid PERCENT] [--runs N] [--cache DIR]

    Defaults: 1,000,000 events, 1,000 accounts, seed 42, sorted, 1 % invalid
    lines, 3 runs, cache /tmp/tally-bench. Prints events/s and MB/s of
    each stage and of the whole month-end run (JSON output), the newline-scan
    floor of the same file, the ratio to it, and peak resident memory.
    """

struct Options {
    var events = 1_000_000
    var accounts = 1_000
    var seed: UInt64 = 42
    var shuffled = false
    var invalidPercent = 1
    var runs = 3
    var cache = "/tmp/tally-bench"
    var measure: String?
}

func parse(_ arguments: [String]) -> Options? {
    var options = Options()
    var index = 1
    func value() -> String? {
        index += 1
        return index < arguments.count ? arguments[index] : nil
    }
    while index < arguments.count {
        switch arguments[index] {
        case "--events": guard let text = value(), let number = Int(text), number > 0 else { return nil }; options.events = number
        case "--accounts": guard let text = value(), let number = Int(text), number > 0 else { return nil }; options.accounts = number
        case "--seed": guard let text = value(), let number = UInt64(text) else { return nil }; options.seed = number
        case "--shuffled": options.shuffled = true
        case "--invalid": guard let text = value(), let number = Int(text), (0...100).contains(number) else { return nil }; options.invalidPercent = number
        case "--runs": guard let text = value(), let number = Int(text), number > 0 else { return nil }; options.runs = number
        case "--cache": guard let text = value() else { return nil }; options.cache = text
        case "--measure": guard let text = value() else { return nil }; options.measure = text
        default: return nil
        }
        index += 1
    }
    return options
}

if CommandLine.arguments.contains("--help") || CommandLine.arguments.contains("-h") {
    print(usage)
    exit(0)
}
guard let options = parse(CommandLine.arguments) else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(64)
}

if let path = options.measure {
    do {
        try Measurement.run(path, stage: "whole")
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("tally-bench: \(error)\n".utf8))
        exit(70)
    }
}

let log = SyntheticLog(events: options.events, accounts: options.accounts, seed: options.seed,
                       shuffled: options.shuffled, invalidPercent: options.invalidPercent)
try? FileManager.default.createDirectory(atPath: options.cache, withIntermediateDirectories: true)
let path = (options.cache as NSString).appendingPathComponent(log.fileName)
if !FileManager.default.fileExists(atPath: path) {
    FileHandle.standardError.write(Data("generating \(path)…\n".utf8))
    do {
        try log.write(to: path + ".partial")
        try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
    } catch {
        FileHandle.standardError.write(Data("tally-bench: cannot write \(path): \(error)\n".utf8))
        exit(73)
    }
}
let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0

var best: [String: Double] = [:]
var values: [String: Int] = [:]
for _ in 0..<options.runs {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = ["--measure", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch {
        FileHandle.standardError.write(Data("tally-bench: cannot start the measuring process: \(error)\n".utf8))
        exit(70)
    }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { exit(process.terminationStatus) }
    for line in output.split(separator: "\n") {
        let parts = line.split(separator: "\t")
        guard parts.count == 2 else { continue }
        let key = String(parts[0])
        if let seconds = Double(parts[1]), ["floor", "whole", "read", "replay", "meter+rate", "render"].contains(key) {
            best[key] = min(best[key] ?? .infinity, seconds)
        } else if let number = Int(parts[1]) {
            values[key] = max(values[key] ?? 0, number)
        }
    }
}

let lines = values["lines"] ?? 0
let floor = best["floor"] ?? .nan
func row(_ name: String, _ seconds: Double) -> String {
    let rate = Double(lines) / seconds
    let megabytes = Double(bytes) / 1_000_000 / seconds
    return name.padding(toLength: 22, withPad: " ", startingAt: 0)
        + String(format: "%9.3f s %12.0f %10.1f %10.2f", seconds, rate, megabytes, seconds / floor)
}
print("tally-bench: \(lines) lines, \(bytes / 1_000_000) MB, \(options.accounts) accounts, seed \(options.seed), "
      + "\(options.shuffled ? "shuffled" : "sorted"), \(options.invalidPercent) % invalid, best of \(options.runs)")
print("stage                    time         lines/s       MB/s   x floor")
print(row("newline scan (floor)", floor))
for (name, key) in [("read+parse", "read"), ("replay (sort+apply)", "replay"), ("meter+rate", "meter+rate"),
                    ("assemble+render JSON", "render"), ("whole month-end run", "whole")] {
    print(row(name, best[key] ?? .nan))
}
print("peak resident memory during the whole run: \((values["rss"] ?? 0) / 1_048_576) MiB")
print("records \(values["records"] ?? 0), applied \(values["applied"] ?? 0), line items \(values["items"] ?? 0), JSON \(values["output"] ?? 0) bytes")
