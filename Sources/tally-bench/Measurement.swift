import Foundation
import Tally

/// Runs in the measuring process: times the newline-scan floor, the whole
/// month-end run (JSON output), then each stage on its own, over one file.
enum Measurement {
    static let period = BillingPeriod("2026-10")!

    static func rateCards() throws -> RateCardSet {
        try RateCardSet([RateCard(
            name: "bench", effectiveFrom: Timestamp(rfc3339: "2012-06-01T00:00:00Z")!, currency: Currency(code: "USD")!,
            rounding: .halfUp, pricePerMBHour: [.live: UnitPrice("0.0001875")!, .enterprise: UnitPrice("0.0002")!],
            sslEdgeMemoryMB: 160)])
    }

    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        var result: T?
        let duration = try clock.measure { result = try body() }
        return (result!, Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    /// Peak resident memory of this process so far, in bytes.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }

    /// Counts newlines in `path`, 1 MiB at a time: the floor any reader pays.
    static func newlineScan(_ path: String) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? handle.close() }
        var count = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var pointer = bytes.baseAddress!
                var remaining = bytes.count
                while remaining > 0, let found = memchr(pointer, 0x0A, remaining) {
                    count += 1
                    let advance = pointer.distance(to: UnsafeRawPointer(found)) + 1
                    pointer += advance
                    remaining -= advance
                }
            }
        }
        return count
    }

    /// Measures `path` and prints one `stage<TAB>seconds` line per figure,
    /// plus `rss<TAB>bytes` after the whole run and `lines<TAB>count`.
    static func run(_ path: String) throws {
        let cards = try rateCards()
        let input = EventInput.file(path)

        let (lines, floor) = time { newlineScan(path) }
        print("lines\t\(lines)")
        print("floor\t\(floor)")

        let (json, whole) = try time { () throws -> String in
            let run = try MonthEndRun(period: period, rateCards: cards).run([input])
            return run.json()
        }
        print("whole\t\(whole)")
        print("rss\t\(peakResidentBytes())")
        print("output\t\(json.utf8.count)")

        let (read, readSeconds) = try time { try PipelineStages.read([input]) }
        print("read\t\(readSeconds)")
        let (replayed, replaySeconds) = time { PipelineStages.replay(read) }
        print("replay\t\(replaySeconds)")
        let (rated, rateSeconds) = try time { try PipelineStages.meterAndRate(replayed, period: period, rateCards: cards) }
        print("meter+rate\t\(rateSeconds)")
        let (_, renderSeconds) = try time { try PipelineStages.assembleAndRender(rated, period: period, rateCards: cards) }
        print("render\t\(renderSeconds)")
        print("records\t\(read.recordCount)")
        print("applied\t\(replayed.applied)")
        print("items\t\(rated.lineCount)")
    }
}
