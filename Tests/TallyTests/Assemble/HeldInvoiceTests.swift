import Foundation
import Testing
@testable import Tally

@Suite("Held invoices: rejected events hold their account's invoice (README, \"Bad input\")")
struct HeldInvoiceTests {
    /// Two accounts with a billable service each, plus `extra` lines.
    func run(_ extra: [String], month: String = "2026-10") throws -> InvoiceRun {
        var log = LogBuilder()
        log.createApp("shop", at: "2026-10-01T00:00:00Z", account: "acct_a")
        log.deploy("shop", "www", instances: 1, memoryMB: 1024, at: "2026-10-01T00:00:00Z", account: "acct_a")
        log.createApp("blog", at: "2026-10-01T00:00:00Z", account: "acct_b")
        log.deploy("blog", "www", instances: 1, memoryMB: 1024, at: "2026-10-01T00:00:00Z", account: "acct_b")
        for line in extra { log.addRaw(line) }
        return try Fixtures.run(log, month: month)
    }

    func status(_ run: InvoiceRun) -> [String: InvoiceStatus] {
        Dictionary(uniqueKeysWithValues: run.invoices.map { ($0.account.text, $0.status) })
    }

    @Test("a §2.2 rejection in the month holds that account's invoice only, and lists the line")
    func ruleRejection() throws {
        let line = LogBuilder.json(["id": "bad", "time": "2026-10-05T00:00:00Z", "type": "service.scaled",
                                    "account": "acct_a", "app": "shop", "service": "nope", "instances": 2])
        let run = try run([line])
        #expect(status(run) == ["acct_a": .held, "acct_b": .final])
        let held = try #require(run.invoices.first { $0.status == .held })
        #expect(held.rejectedLineCount == 1)
        #expect(held.rejectedLines.map(\.description) == ["test.jsonl:5: bad: service nope does not exist in application shop"])
        #expect(run.needsAttention)
        #expect(run.json().contains("\"status\" : \"held\""))
        #expect(run.text().contains("Invoice INV-202610-acct_a  ** HELD: rejected events; do not send **"))
    }

    @Test("rejections before the month hold it too; after the month they don't", arguments: [
        ("2026-09-15T00:00:00Z", InvoiceStatus.held), ("2026-10-31T23:59:59Z", .held),
        ("2026-11-01T00:00:00Z", .final), ("2026-12-01T00:00:00Z", .final),
    ])
    func dated(time: String, expected: InvoiceStatus) throws {
        let line = LogBuilder.json(["id": "bad", "time": time, "type": "application.created", "account": "acct_a",
                                    "app": "x", "flavor": "gold"])
        let run = try run([line])
        #expect(status(run)["acct_a"] == expected)
        #expect(status(run)["acct_b"] == .final)
        #expect(run.events.rejected == 1)
        #expect(run.needsAttention)
    }

    @Test("a rejection whose time can't be read holds the account")
    func undated() throws {
        let line = LogBuilder.json(["id": "bad", "time": "yesterday", "type": "application.destroyed", "account": "acct_b", "app": "blog"])
        #expect(status(try run([line])) == ["acct_a": .final, "acct_b": .held])
    }

    @Test("a line with a repeated key holds its account's invoice, unless the account is what repeats")
    func repeatedKey() throws {
        let instances = #"{"id":"d1","time":"2026-10-05T00:00:00Z","type":"service.scaled","account":"acct_a","app":"shop","service":"www","instances":2,"instances":3}"#
        let account = #"{"id":"d2","time":"2026-10-05T00:00:00Z","type":"service.scaled","account":"acct_b","account":"acct_a","app":"blog","service":"www","instances":2}"#
        let run = try run([instances, account])
        #expect(status(run) == ["acct_a": .held, "acct_b": .final])
        #expect(run.invoices.first { $0.account.text == "acct_a" }?.rejectedLines.map(\.eventID) == ["d1"])
    }

    @Test("a rejection whose account can't be read holds nobody")
    func noAccount() throws {
        let run = try run(["not json at all", LogBuilder.json(["id": "x", "time": "2026-10-02T00:00:00Z", "type": "application.destroyed", "account": "bad account", "app": "blog"])])
        #expect(status(run) == ["acct_a": .final, "acct_b": .final])
        #expect(run.events.rejected == 2)
        #expect(run.needsAttention)
    }

    @Test("an account whose only events were rejected is listed without an invoice")
    func heldWithoutInvoice() throws {
        let line = LogBuilder.json(["id": "c1", "time": "2026-10-02T00:00:00Z", "type": "application.created",
                                    "account": "acct_c", "app": "x", "flavor": "gold"])
        let run = try run([line])
        #expect(run.heldAccountsWithoutInvoice.map(\.account.text) == ["acct_c"])
        #expect(run.heldAccountsWithoutInvoice.first?.rejectedLineCount == 1)
        #expect(run.text().contains("Accounts with rejected events and no invoice"))
    }

    @Test("the listing under an invoice is capped; the count is not")
    func capped() throws {
        let lines = (0..<50).map { index in
            LogBuilder.json(["id": "bad\(index)", "time": "2026-10-02T00:00:00Z", "type": "service.destroyed",
                             "account": "acct_a", "app": "shop", "service": "ghost\(index)"])
        }
        let held = try #require(try run(lines).invoices.first { $0.account.text == "acct_a" })
        #expect(held.rejectedLineCount == 50)
        #expect(held.rejectedLines.count == HoldList.shownPerAccount)
        #expect((try run(lines)).text().contains("... and 30 more (see standard error or --rejects)"))
    }
}
