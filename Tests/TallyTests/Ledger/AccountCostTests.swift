import Foundation
import Testing
@testable import Tally

@Suite("Ledger: cost to date and expected month-end cost")
struct AccountCostTests {
    static let sample = EventInput.file(Fixtures.directory.appendingPathComponent("sample-events.jsonl").path)

    static func cost(_ account: String, at text: String, _ inputs: [EventInput] = [sample]) throws -> AccountCost {
        try Ledger(inputs, at: utc(text), rateCards: Fixtures.defaultRates).cost(of: acct(account))
    }

    @Test("SPEC §5 example 2 before the application goes: to date and expected")
    func beforeDestruction() throws {
        let cost = try Self.cost("acct_blog", at: "2026-10-10T00:00:00Z")
        // www: 128 MB × 216 h = $5.184; edge: 160 MB × 120 h = $3.60.
        #expect(cost.monthToDate?.lines.map(\.amount.description) == ["5.18", "3.60"])
        #expect(cost.monthToDateTotal.description == "8.78")
        // If nothing changes: www 128 MB × 744 h = $17.856; edge 160 MB × 648 h = $19.44.
        #expect(cost.expectedMonthEnd?.lines.map(\.amount.description) == ["17.86", "19.44"])
        #expect(cost.expectedMonthEndTotal.description == "37.30")
        #expect(cost.monthToDate?.number == "INV-202610-acct_blog")
        #expect(cost.period == BillingPeriod("2026-10"))
    }

    @Test("after the month's last event, the expected month-end invoices are the month-end run's")
    func expectedIsMonthEnd() throws {
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, [Self.sample])
        for invoice in run.invoices {
            let cost = try Self.cost(invoice.account.text, at: "2026-10-28T18:00:00Z")
            #expect(cost.expectedMonthEnd == invoice)
        }
        #expect(run.invoices.count == 3)
    }

    @Test("to date grows with the instant and never passes the expected month-end total")
    func toDateGrows() throws {
        var previous: Int64 = -1
        for day in stride(from: 1, through: 31, by: 3) {
            let cost = try Self.cost("acct_labs", at: "2026-10-\(pad(day, 2))T12:00:00Z")
            #expect(cost.monthToDateTotal.minorUnits >= previous)
            #expect(cost.monthToDateTotal <= cost.expectedMonthEndTotal)
            previous = cost.monthToDateTotal.minorUnits
        }
    }

    @Test("at the month's first second nothing is due yet; an account without usage has no invoices")
    func emptyCases() throws {
        let start = try Self.cost("acct_blog", at: "2026-10-01T00:00:00Z")
        #expect(start.monthToDate == nil)
        #expect(start.monthToDateTotal.description == "0.00")
        // Only www so far (SSL comes on 10-05): 128 MB × 744 h.
        #expect(start.expectedMonthEndTotal.description == "17.86")
        let stranger = try Self.cost("acct_nobody", at: "2026-10-10T00:00:00Z")
        #expect(stranger.monthToDate == nil)
        #expect(stranger.expectedMonthEnd == nil)
        #expect(stranger.expectedMonthEndTotal.description == "0.00")
    }

    @Test("an account's cost includes nothing of another account")
    func isolation() throws {
        let alone = try Self.cost("acct_shop", at: "2026-10-15T00:00:00Z", [LogBuilder.sampleAccount("acct_shop")])
        let together = try Self.cost("acct_shop", at: "2026-10-15T00:00:00Z")
        #expect(alone == together)
        // www: 512 MB × 228 h, then 1,024 MB × 108 h to the 15th = 227,328 MB-hours × $0.0001875.
        #expect(together.monthToDateTotal.description == "42.62")
    }

    @Test("a certificate update never changes the bill")
    func certificateUpdate() throws {
        var log = LogBuilder.sslScenario()
        let without = try Fixtures.run(log)
        let costWithout = try Ledger([log.input()], at: utc("2026-10-20T00:00:00Z"), rateCards: Fixtures.defaultRates).cost(of: acct("acct_b"))
        for day in ["06", "12", "19", "25"] {
            log.updateCertificate("www.blog.example", at: "2026-10-\(day)T08:00:00Z", account: "acct_b")
        }
        let with = try Fixtures.run(log)
        #expect(with.invoices == without.invoices)
        #expect(with.events.applied == without.events.applied + 4)
        let costWith = try Ledger([log.input()], at: utc("2026-10-20T00:00:00Z"), rateCards: Fixtures.defaultRates).cost(of: acct("acct_b"))
        #expect(costWith == costWithout)
        #expect(costWith.monthToDateTotal.minorUnits > 0)
    }
}

extension LogBuilder {
    /// The sample log's lines of one account.
    static func sampleAccount(_ account: String) -> EventInput {
        let path = Fixtures.directory.appendingPathComponent("sample-events.jsonl").path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").filter { $0.contains("\"account\":\"\(account)\"") }
        return .text(lines.map { $0 + "\n" }.joined(), name: "sample-\(account).jsonl")
    }
}
