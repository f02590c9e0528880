import Foundation
import Testing
@testable import Tally

/// The operator reports of a run whose invoices carry adjustment lines of
/// closed months (SPEC §7.3): the summary keeps them apart and still adds
/// up; the usage chart and the explanation neither crash nor mislead.
@Suite("adjustment lines in the summary, the usage chart and the explanation (SPEC §7.3)")
struct AdjustmentReportsTests {
    static let run = AdjustedRuns.october2026

    @Test("the summary as text, JSON and CSV, as recorded")
    func summaryGolden() throws {
        let summary = try MonthSummary(Self.run)
        try Golden.check(summary.text(), named: "summary-adjusted-2026-10.txt")
        try Golden.check(summary.json(), named: "summary-adjusted-2026-10.json")
        try Golden.check(summary.csv(), named: "summary-adjusted-2026-10.csv")
    }

    @Test("the summary: flavor and service type count own lines; usage plus adjustments is the invoices' total")
    func summaryAddsUp() throws {
        let summary = try MonthSummary(Self.run)
        #expect(summary.adjustments.map(\.name) == ["2026-08", "2026-09"])
        #expect(summary.adjustments.map(\.count) == [2, 4])
        #expect(summary.adjustments.map(\.amount.description) == ["4.14", "-76.76"])
        #expect(summary.adjustments.map(\.mbSeconds) == [79_488_000, -1_473_640_200])
        #expect(summary.usage.count == 3 && summary.usage.amount.description == "27.51")
        #expect(summary.lineCount == 3)
        #expect(summary.byFlavor.reduce(0) { $0 + $1.amount.minorUnits } == summary.usage.amount.minorUnits)
        #expect(summary.byFlavor.reduce(0) { $0 + $1.mbSeconds } == summary.usage.mbSeconds)
        #expect(summary.byServiceType.reduce(0) { $0 + $1.amount.minorUnits } + summary.sslEdges.amount.minorUnits
            == summary.usage.amount.minorUnits)
        let total = Self.run.invoices.reduce(Int64(0)) { $0 + $1.total.minorUnits }
        #expect(summary.billed.amount.minorUnits == total)
        #expect(summary.usage.amount.minorUnits + summary.adjustmentTotal.amount.minorUnits == total)
        #expect(summary.usage.mbSeconds + summary.adjustmentTotal.mbSeconds == summary.billed.mbSeconds)
        #expect(summary.sslEdges.lines == 1 && summary.sslEdges.amount.description == "19.44")
        #expect(summary.largestInvoices.map(\.account.text) == ["acct_shop", "acct_blog", "acct_labs"])
    }

    @Test("without adjustments the summary's JSON and CSV have no adjustment section")
    func summaryWithoutAdjustments() throws {
        let summary = try MonthSummary(try MonthSummaryTests.sampleRun())
        #expect(summary.adjustments.isEmpty && summary.usage.count == summary.lineCount)
        #expect(summary.usage.mbSeconds == summary.billed.mbSeconds && summary.usage.amount == summary.billed.amount)
        #expect(!summary.json().contains("adjustments") && !summary.csv().contains("adjustments"))
    }

    @Test("the usage chart: own lines with their days, adjustments below without days, totals of the invoice")
    func usage() throws {
        var blog = try AdjustedRuns.usageReport("acct_blog")
        #expect(blog.rows.count == 2 && blog.adjustments.count == 3)
        #expect(blog.mbSeconds == 154_828_800 + 373_248_000 + 10_368_000 - 1_800 - 13_824_000)
        #expect(blog.total.description == "27.32")
        try Golden.check(blog.text(), named: "usage-adjusted-acct_blog.txt")
        blog.ramp = .ascii
        #expect(blog.text().contains("    www.example.org      ssl edge  adjusts 2026-09"))
        let shop = try AdjustedRuns.usageReport("acct_shop")
        #expect(shop.rows.isEmpty && shop.adjustments.count == 2)
        let text = shop.text()
        #expect(text.contains("No usage in 2026-10: the invoice carries adjustments of closed months only.\n"))
        #expect(text.contains("Total USD  369,408.000   69.26\n"))
        #expect(!text.contains("Each column is one day"))
        for report in [blog, shop] {
            #expect(report.text().split(separator: "\n").allSatisfy { $0.count <= ReportText.width })
        }
    }

    @Test("the usage JSON lists the adjustments with their month; the CSV keeps the chart's rows only")
    func usageJSONAndCSV() throws {
        let blog = try AdjustedRuns.usageReport("acct_blog")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(blog.json().utf8)) as? [String: Any])
        let adjustments = try #require(document["adjustments"] as? [[String: Any]])
        #expect(adjustments.map { $0["adjusts"] as? String } == ["2026-08", "2026-09", "2026-09"])
        #expect(adjustments.map { $0["amount"] as? String } == ["0.54", "0.00", "-0.72"])
        let rows = try #require(document["rows"] as? [[String: Any]])
        let sum = (rows + adjustments).reduce(Int64(0)) { $0 + (($1["mb_seconds"] as? NSNumber)?.int64Value ?? 0) }
        #expect((document["mb_seconds"] as? NSNumber)?.int64Value == sum)
        #expect(document["total"] as? String == "27.32")
        let records = try RFC4180.parse(blog.csv())
        #expect(records.count == 1 + 2)
        #expect(records.dropFirst().allSatisfy { $0[4] != "adjustment" })
    }

    @Test("the explanation of an adjustment line names the month it corrects and gives its figures")
    func explanation() throws {
        let invoice = Self.run.invoices[1]
        let adjustment = try #require(invoice.adjustmentLines.first)
        let explanation = ChargeExplanation(
            account: invoice.account, period: invoice.period, currency: AdjustedRuns.usd, invoiceNumber: invoice.number,
            status: invoice.status, rejectedLineCount: 0, invoiceLineCount: invoice.lines.count,
            lines: [ChargeExplanation.Line(number: 2, item: adjustment, intervals: [])], events: Self.run.events)
        try Golden.check(explanation.text(), named: "explain-adjusted-acct_labs.txt")
        let text = explanation.text()
        #expect(text.contains("Line 2 of 2: adjustment of 2026-09, api / db (postgresql)\n"))
        #expect(text.contains("  Amount        -141.70 USD: due - billed"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= ReportText.width && $0.utf8.allSatisfy { $0 < 0x80 } })
        #expect(explanation.lines[0].exactAmountText(grouping: true) == "-141.70")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(explanation.json().utf8)) as? [String: Any])
        let line = try #require((document["lines"] as? [[String: Any]])?.first)
        #expect(line["adjusts"] as? String == "2026-09")
        #expect(line["amount"] as? String == "-141.70")
        #expect((line["mb_seconds"] as? NSNumber)?.int64Value == -2_720_563_200)
        #expect(line["exact_amount"] == nil)
        #expect((line["intervals"] as? [Any])?.isEmpty == true)
        #expect(line["line_id"] as? String == adjustment.lineID(onInvoice: invoice.number))
    }
}
