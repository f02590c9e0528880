import Foundation
import Testing
@testable import Tally

@Suite("tally account, run as support staff would")
struct AccountCommandTests {
    @Test("the sample log's accounts, text and JSON")
    func sample() throws {
        for (account, at) in [("acct_blog", "2026-10-10T00:00:00Z"), ("acct_labs", "2026-10-20T00:00:00Z")] {
            let arguments = ["account", "--account", account, "--at", at, SSLCommandTests.sample]
            let text = try TallyExecutable.run(arguments)
            #expect(text.status == 0)
            #expect(text.standardError == "")
            try Golden.check(text.standardOutput, named: "account-\(account).txt")
            let json = try TallyExecutable.run(arguments + ["--format", "json"])
            #expect(json.status == 0)
            try Golden.check(json.standardOutput, named: "account-\(account).json")
        }
    }

    @Test("the account's own rejected lines are listed and hold the figures (exit 65); others' are never shown")
    func rejectedLines() throws {
        var log = LogBuilder.sslScenario()
        log.add("service.scaled", at: "2026-10-04T00:00:00Z", id: "bad-a", account: "acct_a", ["app": "nope", "service": "x", "instances": 2])
        log.add("service.scaled", at: "2026-10-04T00:00:00Z", id: "bad-b", account: "acct_b", ["app": "secret", "service": "x", "instances": 2])
        let result = try TallyExecutable.run(["account", "--account", "acct_a", "--at", "2026-10-10T00:00:00Z", "-"],
                                             input: Data(log.text.utf8))
        #expect(result.status == 65)
        #expect(result.standardError == "-:14: bad-a: application nope does not exist in this account\n")
        #expect(result.standardOutput.contains("** HELD: 1 rejected line of this account"))
        #expect(!result.standardOutput.contains("secret") && !result.standardError.contains("secret"))
        #expect(!result.standardOutput.contains("acct_b"))
    }

    @Test("the real trace: a quick read-only run, and expected month-end = the month-end invoice",
          .enabled(if: Fixtures.hasRealTrace))
    func realTrace() throws {
        let result = try TallyExecutable.run(["account", "--account", "acct_0001", "--at", "2026-10-15T12:00:00Z",
                                              Fixtures.realTrace.path])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput.hasPrefix("Account acct_0001 at 2026-10-15T12:00:00Z\n"))
        // After the trace's last event, "if nothing changes" is what happened.
        let inputs = [EventInput.file(Fixtures.realTrace.path)]
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, inputs)
        let ledger = try Ledger(inputs, at: utc("2026-10-31T23:59:59Z"), rateCards: Fixtures.defaultRates)
        for invoice in run.invoices.prefix(5) {
            #expect(try ledger.cost(of: invoice.account).expectedMonthEnd == invoice)
        }
    }
}
