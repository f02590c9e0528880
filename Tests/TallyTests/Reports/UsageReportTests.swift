import Foundation
import Testing
@testable import Tally

@Suite("the usage report and its chart")
struct UsageReportTests {
    static let sample = Fixtures.sampleLog
    static let pipeline = BillingPipeline(rateCards: Fixtures.defaultRates)
    static let october = BillingPeriod("2026-10")!

    static func report(_ log: LogBuilder, account: String = "acct_1", month: String = "2026-10") throws -> UsageReport {
        try Self.pipeline.usageReport(of: AccountName(account), in: BillingPeriod(month)!, [log.input()])
    }

    /// The chart of the report's only row.
    static func chart(_ report: UsageReport, _ ramp: ChartRamp) throws -> String {
        let row = try #require(report.rows.first)
        #expect(report.rows.count == 1)
        return ramp.chart(dailyMBSeconds: row.dailyMBSeconds, peakMB: row.peakMB)
    }

    @Test("the sample log's usage reports, as recorded", arguments: [
        ("acct_labs", ChartRamp.blocks, "usage-sample-acct_labs.txt"),
        ("acct_blog", ChartRamp.blocks, "usage-sample-acct_blog.txt"),
        ("acct_labs", ChartRamp.ascii, "usage-sample-acct_labs-ascii.txt"),
    ])
    func sampleGolden(account: String, ramp: ChartRamp, golden: String) throws {
        var report = try Self.pipeline.usageReport(of: AccountName(account), in: Self.october, [Self.sample])
        report.ramp = ramp
        try Golden.check(report.text(), named: golden)
    }

    @Test("the sample log's usage as JSON, as recorded")
    func sampleJSON() throws {
        let report = try Self.pipeline.usageReport(of: AccountName("acct_blog"), in: Self.october, [Self.sample])
        try Golden.check(report.json(), named: "usage-sample-acct_blog.json")
    }

    @Test("constant memory fills every day at the top level")
    func constant() throws {
        var log = LogBuilder()
        log.createApp("shop", at: "2026-09-01T00:00:00Z")
        log.deploy("shop", "www", instances: 2, memoryMB: 512, at: "2026-09-01T00:00:00Z")
        let report = try Self.report(log)
        #expect(try Self.chart(report, .blocks) == "|" + String(repeating: "\u{2588}", count: 31) + "|")
        #expect(try Self.chart(report, .ascii) == "|" + String(repeating: "@", count: 31) + "|")
        #expect(report.rows[0].peakMB == 1024)
        #expect(report.rows[0].dailyMBSeconds == Array(repeating: 1024 * 86_400, count: 31))
    }

    @Test("memory that is zero most of the month shows blank days, then the days it was held")
    func mostlyZero() throws {
        var log = LogBuilder()
        log.createApp("shop", at: "2026-09-01T00:00:00Z")
        log.deploy("shop", "www", instances: 1, memoryMB: 256, at: "2026-10-29T00:00:00Z")
        log.add("service.destroyed", at: "2026-10-31T12:00:00Z", ["app": "shop", "service": "www"])
        let report = try Self.report(log)
        #expect(try Self.chart(report, .blocks) == "|" + String(repeating: " ", count: 28) + "\u{2588}\u{2588}\u{2584}|")
        #expect(try Self.chart(report, .ascii) == "|" + String(repeating: " ", count: 28) + "@@+|")
        #expect(report.rows[0].peakMB == 256)
    }

    @Test("a single one-day spike reaches the top; the rest of the month stays at the lowest level")
    func singleSpike() throws {
        var log = LogBuilder()
        log.createApp("shop", at: "2026-09-01T00:00:00Z")
        log.deploy("shop", "www", instances: 1, memoryMB: 256, at: "2026-09-01T00:00:00Z")
        log.add("service.scaled", at: "2026-10-15T00:00:00Z", ["app": "shop", "service": "www", "memory_mb": 4096])
        log.add("service.scaled", at: "2026-10-16T00:00:00Z", ["app": "shop", "service": "www", "memory_mb": 256])
        let report = try Self.report(log)
        let low = String(repeating: "\u{2581}", count: 14)
        #expect(try Self.chart(report, .blocks) == "|" + low + "\u{2588}" + low + "\u{2581}\u{2581}|")
        #expect(try Self.chart(report, .ascii) == "|" + String(repeating: ".", count: 14) + "@" + String(repeating: ".", count: 16) + "|")
        #expect(report.rows[0].peakMB == 4096)
        #expect(report.rows[0].dailyPeakMB[14] == 4096 && report.rows[0].dailyPeakMB[13] == 256)
    }

    @Test("levels are exact: k/n of the peak is level k, a hair more is level k + 1")
    func levels() {
        let day = CivilCalendar.secondsPerDay
        for ramp in ChartRamp.allCases {
            let n = Int64(ramp.levels)
            #expect(ramp.level(mbSeconds: 0, peakMB: 1024) == 0)
            #expect(ramp.level(mbSeconds: 1, peakMB: 1024) == 1)
            for k in 1...n {
                #expect(ramp.level(mbSeconds: 9 * 1024 * day * k / n / 9, peakMB: 1024) == Int(k))
                if k < n { #expect(ramp.level(mbSeconds: 1024 * day * k / n + 1, peakMB: 1024) == Int(k + 1)) }
            }
        }
    }

    @Test("the day ruler fits months of 28 to 31 days", arguments: [
        (28, " 1       10        20      28 "),
        (30, " 1       10        20        30 "),
        (31, " 1       10        20         31 "),
    ])
    func ruler(days: Int, expected: String) {
        #expect(ChartRamp.ruler(days: days) == expected)
    }

    @Test("February has 28 columns")
    func february() throws {
        var log = LogBuilder()
        log.createApp("shop", at: "2027-01-01T00:00:00Z")
        log.deploy("shop", "www", instances: 1, memoryMB: 32, at: "2027-01-01T00:00:00Z")
        let report = try Self.report(log, month: "2027-02")
        #expect(try Self.chart(report, .ascii) == "|" + String(repeating: "@", count: 28) + "|")
    }

    @Test("an account without billable usage gets a report that says so")
    func noUsage() throws {
        let report = try Self.pipeline.usageReport(of: AccountName("acct_none"), in: Self.october, [Self.sample])
        #expect(report.rows.isEmpty && report.status == nil)
        #expect(report.text() == """
            Usage of acct_none in 2026-10: 2026-10-01 to 2026-10-31, 744 hours, UTC; amounts in USD

            No billable usage for acct_none in 2026-10.

            Events: 23 lines read, 23 applied, 0 duplicates, 0 rejected

            """)
    }

    @Test("every row's days add up to its invoice lines, and the rows to the invoice, on the real trace",
          .enabled(if: Fixtures.hasRealTrace))
    func realTraceAddsUp() throws {
        let invoices = try Self.pipeline.invoices(for: Self.october, [Fixtures.realTraceLog]).invoices
        #expect(invoices.count == 38)
        for invoice in invoices {
            let report = try Self.pipeline.usageReport(of: invoice.account, in: Self.october, [Fixtures.realTraceLog])
            #expect(report.total == invoice.total, "\(invoice.account)")
            #expect(report.mbSeconds == invoice.lines.reduce(0) { $0 + $1.mbSeconds }, "\(invoice.account)")
            for row in report.rows {
                #expect(row.dailyMBSeconds.reduce(0, +) == row.mbSeconds, "\(invoice.account) \(row.application)")
                #expect(row.dailyPeakMB.enumerated().allSatisfy { $0.element * 86_400 >= row.dailyMBSeconds[$0.offset] })
            }
        }
    }
}
