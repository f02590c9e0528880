import Foundation
@testable import Tally

/// Paths and rate cards shared by tests.
enum Fixtures {
    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `Tests/TallyTests/Fixtures`.
    static let directory = root.appendingPathComponent("Tests/TallyTests/Fixtures")
    /// `Rates/`, the shipped rate cards.
    static let ratesDirectory = root.appendingPathComponent("Rates")
    /// The real production trace (not in the repository): `$TALLY_REAL_TRACE`,
    /// else `../shared/data` beside the repository, else `/work/shared/data`.
    static let realTrace: URL = {
        let candidates = [
            ProcessInfo.processInfo.environment["TALLY_REAL_TRACE"].map(URL.init(fileURLWithPath:)),
            root.deletingLastPathComponent().appendingPathComponent("shared/data/real-trace-events.jsonl"),
            URL(fileURLWithPath: "/work/shared/data/real-trace-events.jsonl"),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }()

    /// Whether the real trace is on this machine; tests that read it are skipped otherwise.
    static var hasRealTrace: Bool { FileManager.default.fileExists(atPath: realTrace.path) }

    /// The default card of SPEC §4: USD, half-up, 0.0001875 per MB-hour, 160 MB edges.
    static let dotcloud = card(name: "dotcloud-2012-06", from: "2012-06-01T00:00:00Z")

    /// The shipped rate cards.
    static var defaultRates: RateCardSet { try! RateCardSet([dotcloud]) }

    /// A card for tests.
    static func card(name: String, from: String, currency: String = "USD", rounding: RoundingMode = .halfUp,
                     live: String = "0.0001875", enterprise: String = "0.0001875", edgeMB: Int = 160) -> RateCard {
        RateCard(name: name, effectiveFrom: Timestamp(rfc3339: from)!, currency: Currency(code: currency)!,
                 rounding: rounding, pricePerMBHour: [.live: UnitPrice(live)!, .enterprise: UnitPrice(enterprise)!],
                 sslEdgeMemoryMB: edgeMB, file: "\(name).json")
    }

    /// Runs the month-end batch on `log` for `month`.
    static func run(_ log: LogBuilder, month: String = "2026-10", rates: RateCardSet? = nil) throws -> InvoiceRun {
        try BillingPipeline(rateCards: rates ?? defaultRates).invoices(for: BillingPeriod(month)!, [log.input()])
    }

    /// Runs the month-end batch and also collects the rejections.
    static func runCollecting(_ inputs: [EventInput], month: String = "2026-10", rates: RateCardSet? = nil) throws
        -> (run: InvoiceRun, rejections: [Rejection]) {
        var rejections: [Rejection] = []
        let run = try BillingPipeline(rateCards: rates ?? defaultRates)
            .invoices(for: BillingPeriod(month)!, inputs) { rejections.append($0) }
        return (run, rejections)
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// One month of the pipeline with the shipped rate cards, for tests that
/// run it often: `run` for the invoices, and the one-account reports.
struct MonthRun {
    let period: BillingPeriod
    let pipeline: BillingPipeline

    init(_ month: String, rates: RateCardSet = Fixtures.defaultRates) {
        period = BillingPeriod(month)!
        pipeline = BillingPipeline(rateCards: rates)
    }

    func run(_ inputs: [EventInput]) throws -> InvoiceRun {
        try pipeline.invoices(for: period, inputs)
    }

    func usageReport(for account: AccountName, _ inputs: [EventInput]) throws -> UsageReport {
        try pipeline.usageReport(of: account, in: period, inputs)
    }

    func explanation(of account: AccountName, _ inputs: [EventInput]) throws -> ChargeExplanation {
        try pipeline.explanation(of: account, in: period, inputs)
    }
}
