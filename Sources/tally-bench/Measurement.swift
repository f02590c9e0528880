import Foundation
import Tally

/// Runs in the measuring process: times the newline-scan floor, then the
/// product's month-end run cut after each stage, and the whole run with JSON
/// output, over one file.
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

    /// Peak resident memory of this process so far, in bytes: `VmHWM` of
    /// `/proc/self/status` (its own, where `ru_maxrss` can carry the
    /// parent's peak across `exec`), else `getrusage`.
    static func peakResidentBytes() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
            return kilobytes * 1024
        }
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

    /// Measures `path` up to `stage` (or the floor) and prints
    /// `seconds<TAB>figure<TAB>peak-resident-bytes`.
    static func run(_ path: String, stage: String, jobs: Int = 1) throws {
        let input = EventInput.file(path)
        if stage == "floor" {
            let (lines, seconds) = time { newlineScan(path) }
            print("\(seconds)\t\(lines)\t\(peakResidentBytes())")
            return
        }
        guard let cut = BillingPipeline.Stage(rawValue: stage) else { throw CocoaError(.featureUnsupported) }
        var pipeline = BillingPipeline(rateCards: try rateCards())
        pipeline.jobs = jobs
        let (figure, seconds) = try time { try pipeline.run([input], for: period, upTo: cut) }
        print("\(seconds)\t\(figure)\t\(peakResidentBytes())")
    }
}
