import Foundation
import Testing
@testable import Tally
@testable import TallyCommands

/// The closing summary on standard error after rejected lines (README, "Bad
/// input, held invoices and strict mode"): how many, which invoices are held
/// and by how many lines (in input order), accounts held without an invoice,
/// and the next step.
@Suite("the closing summary after rejected lines")
struct RejectionSummaryTests {
    /// Two accounts with usage and lines rejected (blog's first at line 6,
    /// shop's at 7), an account whose only event is rejected, a line that
    /// can't be read and one of shop dated after the month.
    static let log: String = {
        var log = LogBuilder()
        log.createApp("shop", at: "2026-10-01T00:00:00Z", account: "acct_shop")
        log.deploy("shop", "www", instances: 1, memoryMB: 128, at: "2026-10-01T00:00:00Z", account: "acct_shop")
        log.createApp("blog", at: "2026-10-01T00:00:00Z", account: "acct_blog")
        log.deploy("blog", "www", instances: 1, memoryMB: 128, at: "2026-10-01T00:00:00Z", account: "acct_blog")
        log.addRaw("not json")
        log.add("service.scaled", at: "2026-10-05T00:00:00Z", account: "acct_blog", ["app": "blog", "service": "db", "instances": 2])
        log.add("application.created", at: "2026-10-06T00:00:00Z", account: "acct_shop", ["app": "x", "flavor": "gold"])
        log.add("application.created", at: "2026-10-06T00:00:00Z", account: "acct_ghost", ["app": "x", "flavor": "gold"])
        log.add("service.scaled", at: "2026-10-07T00:00:00Z", account: "acct_shop", ["app": "shop", "service": "db", "instances": 2])
        log.add("application.created", at: "2026-11-02T00:00:00Z", account: "acct_shop", ["app": "y", "flavor": "gold"])
        return log.text
    }()

    static let nextStep = "tally: next: run tally invoice --month 2026-10 --rejects FILE on the same log to get them as JSON Lines; "
        + "fix them in the log itself (appending a corrected line does not clear a hold), then run again.\n"

    /// Standard error after the rejected lines themselves.
    static func summary(_ result: InProcess.Result) -> String {
        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.drop { $0.hasPrefix("-:") }.joined(separator: "\n")
    }

    @Test("tally invoice and tally summary: the held invoices in input order, the accounts without one, the next step",
          arguments: ["invoice", "summary"])
    func run(command: String) {
        let result = InProcess.run([command, "--month", "2026-10"], input: Self.log)
        #expect(result.status == .dataError)
        #expect(result.standardError.hasPrefix("-:5: -: "))
        #expect(Self.summary(result) == """
            tally: 6 lines rejected (listed above, in input order).
            tally: 2 invoices are held by rejected lines of their accounts; do not send them until they are fixed:
              INV-202610-acct_blog: 1 rejected line of acct_blog, at -:6
              INV-202610-acct_shop: 2 rejected lines of acct_shop, the first at -:7
            tally: 1 account has rejected lines and no invoice in 2026-10 (they may change its bill):
              acct_ghost: 1 rejected line, at -:8
            tally: 2 rejected lines hold no invoice (dated after 2026-10, or no readable account).

            """ + Self.nextStep)
    }

    @Test("with --rejects the next step names the file; with --strict the summary comes before the refusal")
    func rejectsAndStrict() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rejects = folder.appendingPathComponent("rejects.jsonl").path
        let result = InProcess.run(["invoice", "--month", "2026-10", "--rejects", rejects], input: Self.log)
        #expect(result.standardError.hasSuffix("tally: next: the rejected lines are in \(rejects) (JSON Lines); fix them in the log "
            + "itself (appending a corrected line does not clear a hold), then run again.\n"))
        let strict = InProcess.run(["invoice", "--month", "2026-10", "--strict"], input: Self.log)
        #expect(strict.standardOutput == "")
        #expect(strict.standardError.hasSuffix(Self.nextStep + "tally: --strict: 6 lines rejected; no invoices printed\n"))
    }

    @Test("one held invoice, one account without an invoice, every rejected line holding")
    func singular() {
        var log = LogBuilder(account: "acct_shop")
        log.createApp("shop", at: "2026-10-01T00:00:00Z")
        log.deploy("shop", "www", instances: 1, memoryMB: 128, at: "2026-10-01T00:00:00Z")
        log.add("service.scaled", at: "2026-10-07T00:00:00Z", ["app": "shop", "service": "db", "instances": 2])
        log.add("service.scaled", at: "2026-10-08T00:00:00Z", ["app": "shop", "service": "db", "instances": 2])
        log.add("application.created", at: "2026-10-06T00:00:00Z", account: "acct_a", ["app": "x", "flavor": "gold"])
        log.add("application.created", at: "2026-10-06T00:00:00Z", account: "acct_b", ["app": "x", "flavor": "gold"])
        let result = InProcess.run(["invoice", "--month", "2026-10", "--format", "json"], input: log.text)
        #expect(Self.summary(result) == """
            tally: 4 lines rejected (listed above, in input order).
            tally: 1 invoice is held by rejected lines of its account; do not send it until they are fixed:
              INV-202610-acct_shop: 2 rejected lines of acct_shop, the first at -:3
            tally: 2 accounts have rejected lines and no invoice in 2026-10 (they may change their bills):
              acct_a: 1 rejected line, at -:5
              acct_b: 1 rejected line, at -:6

            """ + Self.nextStep)
    }

    @Test("tally usage and tally explain: the account's lines, what they hold, the other accounts' count", arguments: [
        (["usage", "--account", "acct_shop"], """
            tally: 3 lines of acct_shop rejected (listed above, in input order).
            tally: INV-202610-acct_shop is held by 2 rejected lines of acct_shop; do not send it until the lines are fixed.
            tally: 1 rejected line of acct_shop is dated after 2026-10 and holds no invoice.
            tally: 3 lines of other accounts were rejected too (not shown; tally invoice lists them).

            """),
        (["explain", "--account", "acct_blog"], """
            tally: 1 line of acct_blog rejected (listed above, in input order).
            tally: INV-202610-acct_blog is held by 1 rejected line of acct_blog; do not send it until the line is fixed.
            tally: 5 lines of other accounts were rejected too (not shown; tally invoice lists them).

            """),
        (["usage", "--account", "acct_ghost"], """
            tally: 1 line of acct_ghost rejected (listed above, in input order).
            tally: acct_ghost has no invoice in 2026-10; 1 rejected line holds its bill until the line is fixed.
            tally: 5 lines of other accounts were rejected too (not shown; tally invoice lists them).

            """),
    ])
    func oneAccount(arguments: [String], expected: String) {
        let result = InProcess.run(arguments + ["--month", "2026-10"], input: Self.log)
        #expect(result.status == .dataError)
        #expect(Self.summary(result) == expected + Self.nextStep)
    }

    @Test("no summary when nothing is rejected, or only other accounts' lines")
    func none() {
        #expect(InProcess.run(["invoice", "--month", "2026-10", InProcess.sample]).standardError == "")
        let other = InProcess.run(["usage", "--account", "acct_ghost", "--month", "2026-10"], input: RejectionSummaryTests.otherOnly)
        #expect(other.status == .success && other.standardError == "")
    }

    static let otherOnly = LogBuilder.json(["id": "x", "time": "2026-10-06T00:00:00Z", "type": "application.created",
                                            "account": "acct_a", "app": "x", "flavor": "gold"]) + "\n"
}
