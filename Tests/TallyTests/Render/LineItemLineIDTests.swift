import Foundation
import Testing
@testable import Tally

@Suite("line ids and usage dates of the billing export (README, \"Line items as CSV\")")
struct LineItemLineIDTests {
    static let october = MonthRun("2026-10")

    static func ids(_ run: InvoiceRun) -> [String] {
        run.invoices.flatMap { invoice in invoice.lines.map { $0.lineID(onInvoice: invoice.number) } }
    }

    @Test("a line id is li- and 16 hex digits, a fixed hash of the invoice number and the line's key")
    func form() throws {
        let run = try Self.october.run([Fixtures.sampleLog])
        let ids = Self.ids(run)
        #expect(ids.count == 8 && Set(ids).count == 8)
        #expect(ids.allSatisfy(LineItem.isLineID))
        // Pinned: the hash is part of the export's contract, the same on every machine and release.
        let blog = try #require(run.invoices.first)
        #expect(blog.lines.map { $0.lineID(onInvoice: blog.number) } == ["li-77b063f401c404d6", "li-90a4d947ab6b15bb"])
        #expect(!LineItem.isLineID("li-77B063F401C404D6") && !LineItem.isLineID("li-77b063f401c404d") && !LineItem.isLineID("2"))
    }

    @Test("the ids stay when the log changes around the lines: another account, another line on the invoice, another order")
    func stable() throws {
        let sample = try String(contentsOf: Fixtures.directory.appendingPathComponent("sample-events.jsonl"), encoding: .utf8)
        let original = Self.ids(try Self.october.run([Fixtures.sampleLog]))
        var other = LogBuilder(account: "acct_new")
        other.createApp("shop", at: "2026-10-02T00:00:00Z")
        other.deploy("shop", "www", instances: 1, memoryMB: 64, at: "2026-10-02T00:00:00Z")
        other.createApp("blog2", at: "2026-10-02T00:00:00Z", account: "acct_blog")
        other.deploy("blog2", "www", instances: 1, memoryMB: 64, at: "2026-10-02T00:00:00Z", account: "acct_blog")
        let changed = Self.ids(try Self.october.run([.text(other.text + sample, name: "changed.jsonl")]))
        #expect(Set(original).isSubset(of: Set(changed)))
        #expect(changed.count == original.count + 2 && Set(changed).count == changed.count)
    }

    @Test("ids are unique across the real trace's export", .enabled(if: Fixtures.hasRealTrace))
    func realTrace() throws {
        let ids = Self.ids(try Self.october.run([Fixtures.realTraceLog]))
        #expect(ids.count == 270 && Set(ids).count == 270)
    }

    @Test("usage_start and usage_end are the first and last second billed on each line")
    func usageDates() throws {
        let run = try Self.october.run([Fixtures.sampleLog])
        let dates = run.invoices.flatMap(\.lines).map { "\($0.usageStart) \($0.usageEnd)" }
        #expect(dates == [
            "2026-10-01T00:00:00Z 2026-10-14T23:59:59Z", // blog/www, until the application is destroyed
            "2026-10-05T00:00:00Z 2026-10-31T23:59:59Z", // the SSL edge, disabled after the month
            "2026-10-01T06:00:00Z 2026-10-31T23:59:59Z", // api/db
            "2026-10-01T06:00:00Z 2026-10-31T23:59:59Z", // api/worker
            "2026-10-25T09:00:00Z 2026-10-25T09:49:59Z", // staging/cron, 50 minutes
            "2026-10-08T00:10:00Z 2026-10-15T23:59:59Z", // staging/web while live
            "2026-10-16T00:00:00Z 2026-10-31T23:59:59Z", // staging/web once enterprise
            "2026-10-01T00:00:00Z 2026-10-19T23:59:59Z", // shop/www, from before the month
        ])
    }

    @Test("a line split at a rate card change ends the second before it; the next starts at it")
    func rateCardChange() throws {
        let rates = try RateCardSet([
            Fixtures.dotcloud, Fixtures.card(name: "cheaper", from: "2026-10-11T00:00:00Z", live: "0.0001"),
        ])
        var log = LogBuilder()
        log.createApp("shop", at: "2026-09-01T00:00:00Z")
        log.deploy("shop", "www", instances: 1, memoryMB: 32, at: "2026-10-01T00:00:00Z")
        let lines = try #require(try Fixtures.run(log, rates: rates).invoices.first?.lines)
        #expect(lines.map { "\($0.rateCard.name) \($0.usageStart) \($0.usageEnd)" } == [
            "dotcloud-2012-06 2026-10-01T00:00:00Z 2026-10-10T23:59:59Z", "cheaper 2026-10-11T00:00:00Z 2026-10-31T23:59:59Z",
        ])
    }

    @Test("tally explain --line takes a line id as well as a number")
    func explainByID() {
        let byNumber = InProcess.run(["explain", "--account", "acct_blog", "--month", "2026-10", "--line", "2", InProcess.sample])
        let byID = InProcess.run(["explain", "--account", "acct_blog", "--month", "2026-10", "--line", "li-90a4d947ab6b15bb",
                                  InProcess.sample])
        #expect(byID.status == .success && byID.standardOutput == byNumber.standardOutput)
        #expect(byID.standardOutput.contains("  Line id       li-90a4d947ab6b15bb\n"))
        let unknown = InProcess.run(["explain", "--account", "acct_blog", "--month", "2026-10", "--line", "li-0000000000000000",
                                     InProcess.sample])
        #expect(unknown.status == .usage)
        #expect(unknown.standardError == "tally: INV-202610-acct_blog has no line li-0000000000000000; "
            + "tally invoice --format csv lists the line ids of each invoice\n")
    }
}
