import Foundation
import Testing
@testable import Tally
import TallyCommands

/// `tally explain --books` of an adjustment line (SPEC §7.3; README, "Closing
/// a month"): its due and billed figures and the late events behind it, each
/// with its id, FILE:LINE, type and time, in a preview and in a closed month
/// whose issued invoice carries adjustments.
@Suite("Books: explaining an adjustment down to its late events")
struct BooksAdjustmentExplanationTests {
    typealias Workspace = BooksCloseTests.Workspace
    typealias Reports = BooksReportCommandsTests

    /// `text` with its runs of white space as one space: a long path wraps the line that holds it.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A folder whose path has the same length on every machine (`/tmp/tally-golden-` and 8 hex
    /// digits), so that a report naming files in it wraps the same way for its golden file.
    static func fixedLengthFolder() -> URL {
        URL(fileURLWithPath: "/tmp/tally-golden-" + String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16))
    }

    /// The explanation's text with the workspace's folder written `WORKSPACE`, for a golden file.
    static func portable(_ text: String, _ workspace: Workspace) -> String {
        text.replacingOccurrences(of: workspace.folder.path, with: "WORKSPACE")
    }

    @Test("a preview's adjustment: due and billed figures, and the late event of its service, with its FILE:LINE")
    func preview() throws {
        let workspace = try Reports.closedWithLateEvents(in: Self.fixedLengthFolder())
        defer { workspace.remove() }
        // The rate cards inside the workspace, so that the golden file names no folder of this machine.
        let rates = workspace.folder.appendingPathComponent("Rates")
        try FileManager.default.copyItem(at: Fixtures.ratesDirectory, to: rates)
        let result = Reports.books(["explain", "--account", "acct_labs", "--month", "2026-11", "--service", "api/db",
                                    "--rates", rates.path], workspace)
        #expect(result.status == .success)
        try Golden.check(Self.portable(result.standardOutput, workspace), named: "explain-books-preview-acct_labs-db.txt")
        let text = result.standardOutput
        #expect(Self.words(text).contains("Late event late-db at \(workspace.log):24: service.scaled at 2026-10-20T00:00:00Z Events:"))
        // The worker's late event and November's event are not behind the db line.
        #expect(!text.contains("late-worker") && !text.contains("nov-web"))

        let json = Reports.books(["explain", "--account", "acct_labs", "--month", "2026-11", "--service", "api/db",
                                  "--format", "json"], workspace)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let lines = try #require(document["lines"] as? [[String: Any]])
        let line = try #require(lines.first { $0["adjusts"] as? String == "2026-10" })
        let late = try #require(line["late_events"] as? [[String: Any]])
        #expect(late.count == 1)
        #expect(late.first?["id"] as? String == "late-db")
        #expect(late.first?["file"] as? String == workspace.log)
        #expect(late.first?["line"] as? Int == 24)
        #expect(late.first?["type"] as? String == "service.scaled")
        #expect(late.first?["time"] as? String == "2026-10-20T00:00:00Z")

        // Due is what 2026-10 comes to from the whole log now; billed what was issued; the line is their difference.
        let due = try #require(line["due"] as? [String: Any])
        let billed = try #require(line["billed"] as? [String: Any])
        let onTime = try BillingPipeline(rateCards: Fixtures.defaultRates)
            .invoices(for: BillingPeriod("2026-10")!, [.file(workspace.log)]).invoices.first { $0.account.text == "acct_labs" }
        let onTimeDB = try #require(onTime?.lines.first { $0.service?.text == "db" })
        let issuedDB = try #require(try Books.open(workspace.books).issuedRun(of: BillingPeriod("2026-10")!)
            .invoices.first { $0.account.text == "acct_labs" }?.lines.first { $0.service?.text == "db" })
        #expect((due["mb_seconds"] as? NSNumber)?.int64Value == onTimeDB.mbSeconds)
        #expect(due["amount"] as? String == onTimeDB.amount.description)
        #expect((billed["mb_seconds"] as? NSNumber)?.int64Value == issuedDB.mbSeconds)
        #expect(billed["amount"] as? String == issuedDB.amount.description)
        #expect((line["mb_seconds"] as? NSNumber)?.int64Value == onTimeDB.mbSeconds - issuedDB.mbSeconds)
        #expect(line["amount"] as? String == Money(minorUnits: onTimeDB.amount.minorUnits - issuedDB.amount.minorUnits,
                                                   currency: onTimeDB.amount.currency).description)
    }

    @Test("a closed month whose invoice carries adjustments: its late events as read by that close, not those since")
    func closedWithAdjustments() throws {
        let workspace = try Reports.closedWithLateEvents()
        defer { workspace.remove() }
        #expect(BooksCloseTests.close("2026-11", workspace, at: "2026-12-02T00:00:00Z").status == .success)
        // Late for 2026-11, after its close: not behind 2026-11's adjustments of 2026-10.
        try workspace.append(#"{"id":"later-db","time":"2026-10-28T00:00:00Z","type":"service.scaled","account":"acct_labs","app":"api","service":"db","instances":3}"#)
        let result = Reports.books(["explain", "--account", "acct_labs", "--month", "2026-11", "--line", "4"], workspace)
        #expect(result.status == .success)
        #expect(result.standardError == "tally: 2026-11 is closed: this is what was issued; the log now gives other figures "
            + "for 2026-11: the invoice of 2026-12 will carry the adjustment\n")
        #expect(result.standardOutput.contains("Line 4 of 5: adjustment of 2026-10, api / db (postgresql)\n"))
        #expect(Self.words(result.standardOutput).contains("Late event late-db at \(workspace.log):24: service.scaled at 2026-10-20T00:00:00Z"))
        #expect(!result.standardOutput.contains("later-db"))
        // The issued figures, as the books keep them.
        let issued = try #require(try Books.open(workspace.books).issuedRun(of: BillingPeriod("2026-11")!)
            .invoices.first { $0.account.text == "acct_labs" })
        #expect(issued.lines.count == 5 && issued.lines[3].adjusts == BillingPeriod("2026-10"))
        #expect(result.standardOutput.contains("  Amount        \(issued.lines[3].amount.formatted(grouping: true)) USD: due - billed"))

        // The preview of 2026-12 explains the new correction by the newer late event only.
        let preview = Reports.books(["explain", "--account", "acct_labs", "--month", "2026-12"], workspace)
        #expect(Self.words(preview.standardOutput).contains("Late event later-db at \(workspace.log):27: service.scaled at 2026-10-28T00:00:00Z"))
        #expect(!preview.standardOutput.contains("late-db at"))
    }

    @Test("a late event of the application as a whole is behind the lines of its services")
    func applicationWide() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(BooksCloseTests.close("2026-10", workspace).status == .success)
        // acct_labs' api is enterprise from 10-01; late: it turned live on 10-31, with its services db and worker.
        try workspace.append(#"{"id":"late-flavor","time":"2026-10-31T00:00:00Z","type":"application.flavor_changed","account":"acct_labs","app":"api","flavor":"live"}"#)
        let explanation = try BillingPipeline(rateCards: Fixtures.defaultRates)
            .explanation(of: try AccountName("acct_labs"), in: BillingPeriod("2026-11")!, [.file(workspace.log)],
                         books: workspace.books).report
        let adjusted = explanation.lines.filter(\.item.isAdjustment)
        // A day of each service moves from enterprise to live: one adjustment line per service and flavor.
        #expect(adjusted.map { "\($0.item.service?.text ?? "") \($0.item.flavor)" } == ["db live", "db enterprise", "worker live", "worker enterprise"])
        for line in adjusted {
            #expect(line.adjustment?.lateEvents.map(\.event.eventID?.text) == ["late-flavor"])
            #expect(line.adjustment?.lateEvents.first?.event.location == SourceLocation(file: workspace.log, line: 24))
            #expect(line.adjustment?.lateEvents.first?.type == .applicationFlavorChanged)
            #expect(line.adjustment?.lateEvents.first?.time == Timestamp(rfc3339: "2026-10-31T00:00:00Z"))
        }
        #expect(explanation.status == .final)
    }

    @Test("an SSL edge's adjustment: the late event naming its domain, even when it makes a later event break a rule")
    func edge() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(BooksCloseTests.close("2026-10", workspace).status == .success)
        // Late: blog's domain removed on 10-03, before SSL was enabled for it on 10-05 (line 8), which now breaks a rule.
        try workspace.append(#"{"id":"late-domain","time":"2026-10-03T00:00:00Z","type":"domain.removed","account":"acct_blog","app":"blog","domain":"www.example.org"}"#)
        let result = BooksReportCommandsTests.books(["explain", "--account", "acct_blog", "--month", "2026-11",
                                                     "--domain", "www.example.org"], workspace)
        #expect(result.status == .dataError)
        #expect(result.standardError.contains("events.jsonl:8: b-4: domain www.example.org is not attached to a service of application blog\n"))
        #expect(result.standardOutput.contains("Line 1 of 1: adjustment of 2026-10, SSL edge www.example.org\n"))
        #expect(Self.words(result.standardOutput).contains("Late event late-domain at \(workspace.log):24: domain.removed at 2026-10-03T00:00:00Z"))
        #expect(result.standardOutput.contains("  Amount        -19.44 USD: due - billed"))
    }
}
