import Foundation
import Tally

/// The close benchmark (README, "Closing a month"): a 13-month log of
/// `events` lines a month, one file a month (log rotation), months 1–12
/// closed (untimed setup, kept in the cache); then, each in a fresh process,
/// the close of month 13 through the product's `BillingPipeline.close`, and
/// a plain `invoices(for:)` run over month 13's file alone, with the ratio of
/// the two and the peak resident memory of each. Then a late event dated 12
/// months back, in a new file: how many lines the preview of month 14 reads
/// again, and from which file on.
enum CloseBenchmark {
    /// The months of the log: 2025-10 to 2026-10.
    static let months: [BillingPeriod] = {
        var months = [BillingPeriod("2025-10")!]
        while months.count < 13 { months.append(months.last!.next!) }
        return months
    }()

    /// The log's files in `folder`, one a month, made once.
    static func log(events: Int, seed: UInt64, cache: String) throws -> [String] {
        // v2: host names without "_" (SyntheticLog).
        let folder = (cache as NSString).appendingPathComponent("close-v2-\(events)-s\(seed)")
        let paths = months.map { (folder as NSString).appendingPathComponent("events-\($0).jsonl") }
        let done = (folder as NSString).appendingPathComponent(".complete")
        if !FileManager.default.fileExists(atPath: done) {
            FileHandle.standardError.write(Data("generating \(months.count) files of \(events) events in \(folder)…\n".utf8))
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try SyntheticLog(shape: .baseline, events: events, seed: seed, invalidPercent: 0, months: months).write(toFiles: paths)
            _ = FileManager.default.createFile(atPath: done, contents: nil)
        }
        return paths
    }

    /// The books with months 1–12 closed, each close given the files up to
    /// its month's, made once beside the log; a month 13 or 14 left by an
    /// earlier run is removed.
    static func books(for paths: [String]) throws -> String {
        let books = ((paths[0] as NSString).deletingLastPathComponent as NSString).appendingPathComponent("books")
        for month in months.suffix(1) + [months.last!.next!] {
            try? FileManager.default.removeItem(atPath: (books as NSString).appendingPathComponent(month.description))
        }
        let pipeline = BillingPipeline(rateCards: try Measurement.rateCards())
        for (index, month) in months.dropLast().enumerated() {
            let inputs = paths.prefix(index + 1).map { EventInput.file($0) }
            let at = month.end.adding(seconds: 86_400)
            let clock = ContinuousClock()
            let started = clock.now
            switch try pipeline.close(month, Array(inputs), books: books, at: at) {
            case .closed:
                FileHandle.standardError.write(Data("closed \(month) (setup) in \(clock.now - started)\n".utf8))
            case .alreadyClosed:
                continue
            case let .held(run):
                throw BenchmarkFailure("the setup close of \(month) is held: \(run.invoices.filter { $0.status == .held }.count) invoices")
            }
        }
        return books
    }

    /// In the measuring process: closes `month` in `books` from `paths` and
    /// prints `seconds<TAB>invoices<TAB>peak-resident-bytes`.
    static func measureClose(books: String, month: String, paths: [String]) throws {
        let pipeline = BillingPipeline(rateCards: try Measurement.rateCards())
        let period = BillingPeriod(month)!
        let (outcome, seconds) = try Measurement.time {
            try pipeline.close(period, paths.map { EventInput.file($0) }, books: books, at: period.end.adding(seconds: 86_400))
        }
        guard case let .closed(run, _) = outcome else { throw BenchmarkFailure("\(month) was not closed") }
        print("\(seconds)\t\(run.invoices.count)\t\(Measurement.peakResidentBytes())")
    }

    /// In the measuring process: checks the closed part of `paths` by its
    /// block hashes, as a run does when the files' stamps changed, and prints
    /// `seconds<TAB>files<TAB>peak-resident-bytes`.
    static func measureHashing(books: String, paths: [String]) throws {
        let pipeline = BillingPipeline(rateCards: try Measurement.rateCards())
        let (files, seconds) = try Measurement.time { try pipeline.checkClosedInputsByHashes(paths.map { EventInput.file($0) }, books: books) }
        print("\(seconds)\t\(files)\t\(Measurement.peakResidentBytes())")
    }

    /// In the measuring process: previews `month` with `books` from `paths`
    /// and prints `seconds<TAB>lines read by each pass, comma-separated<TAB>peak-resident-bytes`.
    static func measurePreview(books: String, month: String, paths: [String]) throws {
        var pipeline = BillingPipeline(rateCards: try Measurement.rateCards())
        let passes = PassCounter()
        pipeline.progress = { passes.note($0) }
        let (booked, seconds) = try Measurement.time {
            try pipeline.booked(BillingPeriod(month)!, paths.map { EventInput.file($0) }, books: books)
        }
        guard case .preview = booked else { throw BenchmarkFailure("\(month) was not previewed") }
        print("\(seconds)\t\(passes.lines.map(String.init).joined(separator: ","))\t\(Measurement.peakResidentBytes())")
    }

    /// Runs the benchmark and prints its figures.
    static func run(events: Int, seed: UInt64, cache: String, runs: Int,
                    child: ([String]) -> [String]) throws {
        let paths = try log(events: events, seed: seed, cache: cache)
        let books = try self.books(for: paths)
        let month13 = months.last!
        let sizes = try paths.map { Int64(try FileManager.default.attributesOfItem(atPath: $0)[.size] as! Int) }
        print("tally-bench --close: \(months.count) months of \(events) events (\(months.first!) to \(month13)), one file a month, "
              + "\(sizes.reduce(0, +) / 1_000_000) MB; months 1-12 closed; best of \(runs)")
        var closeBest: (seconds: Double, peak: Int)?
        var plainBest: (seconds: Double, peak: Int)?
        for _ in 0..<runs {
            let plain = child(["--measure", paths.last!, "whole"])
            let close = child(["--measure-close", books, month13.description] + paths)
            try? FileManager.default.removeItem(atPath: (books as NSString).appendingPathComponent(month13.description))
            if let seconds = Double(close[0]), seconds < closeBest?.seconds ?? .infinity { closeBest = (seconds, Int(close[2])!) }
            if let seconds = Double(plain[0]), seconds < plainBest?.seconds ?? .infinity { plainBest = (seconds, Int(plain[2])!) }
        }
        guard let closeBest, let plainBest else { throw BenchmarkFailure("no measurement") }
        func row(_ name: String, _ figures: (seconds: Double, peak: Int)) -> String {
            name.padding(toLength: 52, withPad: " ", startingAt: 0) + String(format: "%8.3f s  %5d MiB", figures.seconds, figures.peak >> 20)
        }
        print(row("close of \(month13) (\(months.count) files, 12 closed)", closeBest))
        print(row("invoices(for: \(month13)) over its file alone", plainBest))
        print(String(format: "ratio close / plain run: %.2f", closeBest.seconds / plainBest.seconds))
        // What the close spares while the closed files' stamps hold: hashing them again.
        let hashing = (0..<runs).map { _ in child(["--measure-hashing", books, month13.description] + paths.dropLast()) }
            .compactMap { Double($0[0]) }.min() ?? 0
        print("hashing the 12 closed files again".padding(toLength: 52, withPad: " ", startingAt: 0)
              + String(format: "%8.3f s  (what a close adds when their stamps changed)", hashing))

        // A late event 12 months back: the preview of month 14 reads again from that month's file on.
        _ = child(["--measure-close", books, month13.description] + paths)
        let late = months[1]
        let newFile = ((paths[0] as NSString).deletingLastPathComponent as NSString).appendingPathComponent("events-late.jsonl")
        let id = "late-\(UInt32.random(in: 0...UInt32.max))"
        try ("{\"id\":\"\(id)\",\"time\":\"\(late.start.adding(seconds: 86_400 * 14))\",\"type\":\"application.created\","
             + "\"account\":\"acct_late\",\"app\":\"late\",\"flavor\":\"live\"}\n")
            .write(toFile: newFile, atomically: true, encoding: .utf8)
        defer {
            try? FileManager.default.removeItem(atPath: newFile)
            try? FileManager.default.removeItem(atPath: (books as NSString).appendingPathComponent(month13.description))
        }
        let preview = child(["--measure-preview", books, month13.next!.description] + paths + [newFile])
        let passes = preview[1].split(separator: ",").compactMap { Int($0) }
        let fromLateMonth = events * (months.count - 1) + 1
        print(row("preview of \(month13.next!), a late event of \(late)", (Double(preview[0]) ?? 0, Int(preview[2]) ?? 0)))
        print("  lines read by each pass: \(passes.map { grouped($0) }.joined(separator: ", ")); "
              + "the files from \(late) on hold \(grouped(fromLateMonth)) with the new one, "
              + "the whole log \(grouped(fromLateMonth + events))")
    }
}

/// `value` with its thousands grouped by commas.
func grouped(_ value: Int) -> String {
    var digits = Array(String(value.magnitude))
    var index = digits.count - 3
    while index > 0 {
        digits.insert(",", at: index)
        index -= 3
    }
    return (value < 0 ? "-" : "") + String(digits)
}

/// Counts the lines each pass of a run reads, from its progress reports: a
/// pass starts when the count of lines goes down.
final class PassCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int] = []

    func note(_ progress: ReadProgress) {
        lock.lock()
        defer { lock.unlock() }
        if let last = counts.last, progress.lines >= last { counts[counts.count - 1] = progress.lines } else { counts.append(progress.lines) }
    }

    var lines: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }
}

/// A benchmark that can't go on, in words.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
