import Foundation
import Testing
@testable import Tally

@Suite("the usage report as CSV (README, \"Memory over the month\")")
struct UsageReportCSVTests {
    @Test("the sample log's usage CSV, as recorded")
    func sampleGolden() throws {
        let report = try UsageReportTests.pipeline.usageReport(of: AccountName("acct_labs"), in: UsageReportTests.october, [UsageReportTests.sample])
        try Golden.check(report.csv(), named: "usage-sample-acct_labs.csv")
    }

    @Test("one row per row of the chart, one column per day; the days add up to the row", arguments: ["acct_blog", "acct_labs", "acct_shop"])
    func rows(account: String) throws {
        let report = try UsageReportTests.pipeline.usageReport(of: AccountName(account), in: UsageReportTests.october, [UsageReportTests.sample])
        let records = try RFC4180.parse(report.csv())
        let header = try #require(records.first)
        #expect(header.count == UsageReport.csvColumns.count + 31)
        #expect(header.suffix(31).first == "2026-10-01" && header.last == "2026-10-31")
        #expect(records.count == 1 + report.rows.count)
        for (record, row) in zip(records.dropFirst(), report.rows) {
            let cells = Dictionary(uniqueKeysWithValues: zip(header, record))
            #expect(cells["line_type"] == row.kind.rawValue && cells["application"] == row.application.text)
            #expect(cells["mb_seconds"] == String(row.mbSeconds) && cells["amount"] == row.amount.description)
            #expect(record.suffix(31).reduce(Int64(0)) { $0 + Int64($1)! } == row.mbSeconds)
        }
    }

    @Test("an account without billable usage gives the header only")
    func empty() throws {
        let report = try UsageReportTests.pipeline.usageReport(of: AccountName("acct_none"), in: UsageReportTests.october, [UsageReportTests.sample])
        #expect(try RFC4180.parse(report.csv()).count == 1)
    }
}
