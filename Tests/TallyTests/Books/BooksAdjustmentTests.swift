import Foundation
import Testing
@testable import Tally
import TallyCommands

/// SPEC §7.3 case by case: adjustment lines, credits, late events that break
/// later ones, and a closed month two closes back.
@Suite("Books: late events become adjustment lines")
struct BooksAdjustmentTests {
    typealias Workspace = BooksCloseTests.Workspace

    static func preview(_ month: String, _ workspace: Workspace) throws -> (InvoiceRun, InProcess.Result) {
        let result = InProcess.run(["invoice", "--month", month, "--books", workspace.books, "--format", "json", workspace.log])
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates)
            .booked(BillingPeriod(month)!, [.file(workspace.log)], books: workspace.books)
        guard case let .preview(invoices) = run else { throw CocoaError(.featureUnsupported) }
        return (invoices, result)
    }

    @Test("a late event lowering a closed month's usage: a negative adjustment, and a credit when it is all")
    func credit() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = BooksCloseTests.close("2026-10", workspace)
        // acct_shop's service www ran 2 x 512 MB from 10-10 to 10-20; late: it was scaled down on 10-15.
        try workspace.append(#"{"id":"late-1","time":"2026-10-15T00:00:00Z","type":"service.scaled","account":"acct_shop","app":"shop","service":"www","memory_mb":256}"#)
        let (run, result) = try Self.preview("2026-11", workspace)
        #expect(result.status == .success)
        let shop = try #require(run.invoices.first { $0.account.text == "acct_shop" })
        #expect(shop.lines.count == 1 && shop.ownLines.isEmpty)
        let line = try #require(shop.lines.first)
        #expect(line.adjusts == BillingPeriod("2026-10"))
        // 2 x 256 MB less for 5 days: 512 MB x 432,000 s.
        #expect(line.mbSeconds == -512 * 432_000)
        #expect(line.amount.description == "-11.52")
        #expect(shop.total.description == "-11.52" && shop.isCredit)
        #expect(result.standardOutput.contains(#""adjusts" : "2026-10""#))
        // Issued plus adjustment is the on-time amount.
        let onTime = try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, [.file(workspace.log)])
        #expect(try #require(onTime.invoices.first { $0.account.text == "acct_shop" }).total.description == "54.14")
        #expect(65.66 - 11.52 == 54.14)
    }

    @Test("a late event that makes a later event break a rule: reported like any rejection, and it holds the invoice")
    func lateBreaksLater() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = BooksCloseTests.close("2026-10", workspace)
        // Late: blog's domain removed on 10-03, before SSL was enabled for it on 10-05 (line 8).
        try workspace.append(#"{"id":"late-2","time":"2026-10-03T00:00:00Z","type":"domain.removed","account":"acct_blog","app":"blog","domain":"www.example.org"}"#)
        let (run, result) = try Self.preview("2026-11", workspace)
        #expect(result.status == .dataError)
        #expect(result.standardError.contains("events.jsonl:8: b-4: domain www.example.org is not attached to a service of application blog\n"))
        let blog = try #require(run.invoices.first { $0.account.text == "acct_blog" })
        #expect(blog.status == .held)
        // Without the edge, October's 19.44 comes back as a credit line.
        #expect(blog.adjustmentLines.map(\.amount.description) == ["-19.44"])
    }

    @Test("a late event for a month two closes back: replayed from the start, adjusting both months")
    func twoClosesBack() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = BooksCloseTests.close("2026-10", workspace)
        _ = BooksCloseTests.close("2026-11", workspace, at: "2026-12-02T00:00:00Z")
        // acct_labs api/db: late scale to 2 instances from 10-31 on, so October and November both change.
        try workspace.append(#"{"id":"late-3","time":"2026-10-31T00:00:00Z","type":"service.scaled","account":"acct_labs","app":"api","service":"db","instances":2}"#)
        let (run, result) = try Self.preview("2026-12", workspace)
        #expect(result.status == .success)
        let labs = try #require(run.invoices.first { $0.account.text == "acct_labs" })
        #expect(Set(labs.adjustmentLines.compactMap(\.adjusts)) == [BillingPeriod("2026-10")!, BillingPeriod("2026-11")!])
        let pipeline = BillingPipeline(rateCards: Fixtures.defaultRates)
        let books = try Books.open(workspace.books)
        for month in ["2026-10", "2026-11"].map({ BillingPeriod($0)! }) {
            let onTime = try pipeline.invoices(for: month, [.file(workspace.log)]).invoices.first { $0.account.text == "acct_labs" }
            let issued = try books.issuedRun(of: month).invoices.first { $0.account.text == "acct_labs" }
            let own = issued?.ownLines.reduce(0) { $0 + $1.amount.minorUnits } ?? 0
            let adjusted = labs.adjustmentLines.filter { $0.adjusts == month }.reduce(0) { $0 + $1.amount.minorUnits }
            #expect(own + adjusted == onTime?.total.minorUnits, "\(month)")
        }
    }
}
