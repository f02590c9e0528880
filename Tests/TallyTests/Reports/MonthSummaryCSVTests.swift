import Foundation
import Testing
@testable import Tally

@Suite("the month summary as CSV (README, \"The month at a glance\")")
struct MonthSummaryCSVTests {
    @Test("the sample log's summary CSV, as recorded")
    func sampleGolden() throws {
        try Golden.check(try MonthSummary(try MonthSummaryTests.sampleRun()).csv(), named: "summary-sample-2026-10.csv")
    }

    @Test("read back strictly: one row per row of the report, and each breakdown adds up to all invoices",
          arguments: ["sample"] + (Fixtures.hasRealTrace ? ["real trace"] : []))
    func sums(log: String) throws {
        let input = log == "sample" ? Fixtures.sampleLog : Fixtures.realTraceLog
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, [input])
        let summary = try MonthSummary(run)
        let records = try RFC4180.parse(summary.csv())
        #expect(records.first == MonthSummary.csvColumns)
        let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(MonthSummary.csvColumns, $0)) }
        #expect(rows.allSatisfy { $0["period"] == "2026-10" && $0["currency"] == "USD" })
        func section(_ name: String) -> [[String: String]] { rows.filter { $0["section"] == name } }
        let all = try #require(section("invoices").first { $0["name"] == "all" })
        #expect(all["count"] == String(run.invoices.count))
        #expect(all["amount"] == summary.billed.amount.description)
        for name in ["flavor", "service_type"] {
            let groups = section(name)
            #expect(groups.reduce(0) { $0 + Int64($1["mb_seconds"]!)! } == summary.billed.mbSeconds, "\(name)")
            #expect(groups.reduce(0) { $0 + Int($1["count"]!)! } == summary.lineCount, "\(name)")
            let cents = groups.reduce(0) { $0 + Int64($1["amount"]!.replacingOccurrences(of: ".", with: ""))! }
            #expect(cents == summary.billed.amount.minorUnits, "\(name)")
        }
        #expect(section("largest_invoices").map { $0["name"] } == summary.largestInvoices.map(\.number))
        #expect(section("largest_invoices").map { $0["account"] } == summary.largestInvoices.map(\.account.text))
        #expect(rows.count == 3 + 1 + summary.byFlavor.count + summary.byServiceType.count + (summary.sslEdges.lines > 0 ? 1 : 0)
            + 2 + summary.largestInvoices.count)
    }
}
