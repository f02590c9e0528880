import Foundation
import Tally

// tally-bench: the benchmark of the month-end run (README, "Performance").
// Generates deterministic synthetic logs of several shapes (cached), then
// measures each in fresh child processes: the newline-scan floor, the
// product's run cut after each stage, and the whole run with JSON output,
// with its peak resident memory. Prints a table and the growth from the
// smallest size to the largest.

let usage = """
    Usage: swift run -c release tally-bench [--shapes S,S,...] [--events N,N,...] [--seed S]
               [--runs N] [--cache DIR] [--jobs N]
           swift run -c release tally-bench --close [--events N] [--seed S] [--runs N] [--cache DIR]
           swift run -c release tally-bench --ledger [--events N] [--seed S] [--runs N] [--cache DIR]

    --jobs N: the month-end run with N threads (1 by default; 2 replays while reading).

    Shapes: \(BenchmarkShape.allCases.map(\.rawValue).joined(separator: ", ")) (default: all)
    Defaults: --events 1000000,10000000, seed 42, 3 runs (1 at 10 million events and
    more), cache /tmp/tally-bench. The 10-million-event logs take about 1.5 GB each.
    Prints for each shape and size the seconds up to each stage (read, replay,
    meter, whole run with JSON), events per second of the whole run, its ratio
    to the newline scan of the same file, its peak resident memory, and the
    size of the JSON document it wrote.

    --close: a 13-month log of N events a month (default 1000000), one file a month,
    months 1-12 closed once (cached beside the log); then the close of month 13 and a
    plain run over month 13's file alone, each in a fresh process (best of --runs, default
    3), their ratio and peak resident memory; then a late event 12 months back, and the
    lines the preview of month 14 reads again.

    With --ledger: the ticket service's figures on a log of ssl-edges over July to
    October 2026 with three months closed: one quote, account view and append as
    the CLI makes them, against the month-end run; then a warm LedgerService's
    median quote and append over 1,000 calls each.
    """

struct Options {
    var shapes = BenchmarkShape.allCases
    var sizes = [1_000_000, 10_000_000]
    var seed: UInt64 = 42
    var runs = 3
    var cache = "/tmp/tally-bench"
    var measure: (path: String, stage: String)?
    /// `--close`: the close benchmark.
    var close = false
    /// A measuring process of the close benchmark: `--measure-close` or
    /// `--measure-preview`, then books, month and files.
    var measureBooks: (mode: String, arguments: [String])?
    /// The ticket service's figures instead of the month-end table.
    var ledger = false
    var books: String?
    /// Threads of the month-end run (`BillingPipeline.jobs`).
    var jobs = 1
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
        case "--shapes":
            guard let text = value() else { return nil }
            let shapes = text.split(separator: ",").compactMap { BenchmarkShape(rawValue: String($0)) }
            guard shapes.count == text.split(separator: ",").count, !shapes.isEmpty else { return nil }
            options.shapes = shapes
        case "--events":
            guard let text = value() else { return nil }
            let sizes = text.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
            guard sizes.count == text.split(separator: ",").count, !sizes.isEmpty else { return nil }
            options.sizes = sizes
        case "--seed": guard let text = value(), let number = UInt64(text) else { return nil }; options.seed = number
        case "--runs": guard let text = value(), let number = Int(text), number > 0 else { return nil }; options.runs = number
        case "--cache": guard let text = value() else { return nil }; options.cache = text
        case "--ledger": options.ledger = true
        case "--books": guard let text = value() else { return nil }; options.books = text
        case "--jobs": guard let text = value(), let number = Int(text), (1...64).contains(number) else { return nil }; options.jobs = number
        case "--measure":
            guard let path = value(), let stage = value() else { return nil }
            options.measure = (path, stage)
        case "--close": options.close = true
        case "--measure-close", "--measure-preview", "--measure-hashing":
            guard arguments.count > index + 3 else { return nil }
            options.measureBooks = (arguments[index], Array(arguments[(index + 1)...]))
            return options
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

if let (mode, arguments) = options.measureBooks {
    do {
        let (books, month, paths) = (arguments[0], arguments[1], Array(arguments.dropFirst(2)))
        if mode == "--measure-close" {
            try CloseBenchmark.measureClose(books: books, month: month, paths: paths)
        } else if mode == "--measure-hashing" {
            try CloseBenchmark.measureHashing(books: books, paths: paths)
        } else {
            try CloseBenchmark.measurePreview(books: books, month: month, paths: paths)
        }
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("tally-bench: \(error)\n".utf8))
        exit(70)
    }
}

if let (path, stage) = options.measure {
    do {
        if let books = options.books {
            let (figure, seconds) = try LedgerBenchmark.measure(path, stage: stage, books: books)
            print("\(seconds)\t\(figure)\t\(Measurement.peakResidentBytes())")
            exit(0)
        }
        try Measurement.run(path, stage: stage, jobs: options.jobs)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("tally-bench: \(error)\n".utf8))
        exit(70)
    }
}

/// The generated log of `shape` with `events` lines, written once into the cache.
func log(_ shape: BenchmarkShape, events: Int) -> String {
    let log = SyntheticLog(shape: shape, events: events, seed: options.seed)
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
    return path
}

/// Runs this benchmark with `arguments` in a fresh process: the three
/// tab-separated fields it prints.
func child(_ arguments: [String]) -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch {
        FileHandle.standardError.write(Data("tally-bench: cannot start the measuring process: \(error)\n".utf8))
        exit(70)
    }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let parts = output.split(whereSeparator: { $0 == "\t" || $0 == "\n" }).map(String.init)
    guard process.terminationStatus == 0, parts.count == 3 else { exit(process.terminationStatus == 0 ? 70 : process.terminationStatus) }
    return parts
}

/// Runs `--measure path stage` in a fresh process: (seconds, figure, peak resident bytes).
func measure(_ path: String, _ stage: String, books: String? = nil) -> (seconds: Double, figure: Int, peak: Int) {
    let parts = child(["--measure", path, stage, "--jobs", String(options.jobs)] + (books.map { ["--books", $0] } ?? []))
    guard let seconds = Double(parts[0]), let figure = Int(parts[1]), let peak = Int(parts[2]) else { exit(70) }
    return (seconds, figure, peak)
}

if options.close {
    do {
        try CloseBenchmark.run(events: options.sizes.count == 1 ? options.sizes[0] : 1_000_000, seed: options.seed,
                               cache: options.cache, runs: options.runs, child: child)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("tally-bench: \(error)\n".utf8))
        exit(70)
    }
}

if options.ledger {
    do {
        try LedgerBenchmark.run(events: options.sizes.min() ?? 1_000_000, seed: options.seed, cache: options.cache,
                                runs: options.runs, measure: measure)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("tally-bench: \(error)\n".utf8))
        exit(70)
    }
}

let stages = ["floor"] + BillingPipeline.Stage.allCases.map(\.rawValue)
func cell(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}
print("tally-bench: the month-end run (JSON output) on \(ProcessInfo.processInfo.activeProcessorCount) cores, --jobs \(options.jobs), seed \(options.seed); seconds up to each stage, best of \(options.runs) (1 at 10 million events and more)")
print("shape".padding(toLength: 14, withPad: " ", startingAt: 0) + cell("events", 10) + cell("floor", 9) + cell("read", 9)
      + cell("replay", 9) + cell("meter", 9) + cell("whole", 9) + cell("events/s", 11) + cell("x floor", 9) + cell("peak MB", 9)
      + cell("JSON MB", 9))
var wholeSeconds: [BenchmarkShape: [Int: Double]] = [:]
for shape in options.shapes {
    for size in options.sizes {
        let path = log(shape, events: size)
        var best: [String: (seconds: Double, figure: Int, peak: Int)] = [:]
        for _ in 0..<(size >= 10_000_000 ? 1 : options.runs) {
            for stage in stages {
                let result = measure(path, stage)
                if result.seconds < best[stage]?.seconds ?? .infinity { best[stage] = result }
            }
        }
        let lines = best["floor"]!.figure
        let whole = best["whole"]!
        wholeSeconds[shape, default: [:]][size] = whole.seconds
        let row = shape.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0) + cell(String(lines), 10)
            + stages.map { cell(String(format: "%.3f", best[$0]!.seconds), 9) }.joined()
            + cell(String(format: "%.0f", Double(lines) / whole.seconds), 11)
            + cell(String(format: "%.1f", whole.seconds / best["floor"]!.seconds), 9)
            + cell(String(whole.peak / 1_000_000), 9)
            + cell(String(format: "%.1f", Double(whole.figure) / 1_000_000), 9)
        print(row)
    }
}
if let smallest = options.sizes.min(), let largest = options.sizes.max(), largest > smallest {
    let ratios = options.shapes.compactMap { shape -> String? in
        guard let small = wholeSeconds[shape]?[smallest], let large = wholeSeconds[shape]?[largest] else { return nil }
        return "\(shape.rawValue) \(String(format: "%.1f", large / small))x"
    }
    print("growth of the whole run from \(smallest) to \(largest) events (\(largest / smallest)x the events): " + ratios.joined(separator: ", "))
}
