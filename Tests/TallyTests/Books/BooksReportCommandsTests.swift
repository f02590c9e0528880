import Foundation
import Testing
@testable import Tally
import TallyCommands

/// SPEC §7.4 for the operator reports: `summary`, `usage` and `explain` with
/// `--books` report a closed month as issued, the month after the last closed
/// one as a preview with its adjustments, and refuse a month before the first
/// close as `invoice --books` does.
@Suite("Books: summary, usage and explain of closed months and previews")
struct BooksReportCommandsTests {
    typealias Workspace = BooksCloseTests.Workspace

    /// Late for 2026-10: acct_labs' api/db scaled to 2 instances on 10-20.
    static let lateDB = #"{"id":"late-db","time":"2026-10-20T00:00:00Z","type":"service.scaled","account":"acct_labs","app":"api","service":"db","instances":2}"#
    /// Late for 2026-10: acct_labs' api/worker scaled to 1 instance on 10-25.
    static let lateWorker = #"{"id":"late-worker","time":"2026-10-25T00:00:00Z","type":"service.scaled","account":"acct_labs","app":"api","service":"worker","instances":1}"#
    /// Not late: acct_labs' staging/web scaled in November.
    static let november = #"{"id":"nov-web","time":"2026-11-05T00:00:00Z","type":"service.scaled","account":"acct_labs","app":"staging","service":"web","instances":1}"#

    /// A workspace with 2026-10 closed and the three lines above appended,
    /// in a fresh temporary folder or in `folder`.
    static func closedWithLateEvents(in folder: URL? = nil) throws -> Workspace {
        let workspace = try Workspace(in: folder)
        #expect(BooksCloseTests.close("2026-10", workspace).status == .success)
        for line in [lateDB, lateWorker, november] { try workspace.append(line) }
        return workspace
    }

    static func books(_ command: [String], _ workspace: Workspace) -> InProcess.Result {
        InProcess.run(command + ["--books", workspace.books, workspace.log])
    }

    static let closedNote = "tally: 2026-10 is closed: this is what was issued; the log now gives other figures for 2026-10: "
        + "the invoice of 2026-11 will carry the adjustment\n"

    @Test("summary of a closed month: the issued run's, whatever the log holds now")
    func summaryClosed() throws {
        let workspace = try Self.closedWithLateEvents()
        defer { workspace.remove() }
        let result = Self.books(["summary", "--month", "2026-10", "--format", "json"], workspace)
        #expect(result.status == .success)
        #expect(result.standardError == Self.closedNote)
        let issued = try Books.open(workspace.books).issuedRun(of: BillingPeriod("2026-10")!)
        #expect(result.standardOutput == (try MonthSummary(issued)).json())
        #expect(result.standardOutput == InProcess.run(["summary", "--month", "2026-10", "--format", "json", InProcess.sample]).standardOutput)
    }

    @Test("summary of the next month: the preview, its adjustments apart")
    func summaryPreview() throws {
        let workspace = try Self.closedWithLateEvents()
        defer { workspace.remove() }
        let result = Self.books(["summary", "--month", "2026-11"], workspace)
        #expect(result.status == .success)
        #expect(result.standardError == "")
        guard case let .preview(run) = try BillingPipeline(rateCards: Fixtures.defaultRates)
            .booked(BillingPeriod("2026-11")!, [.file(workspace.log)], books: workspace.books) else {
            Issue.record("no preview")
            return
        }
        let summary = try MonthSummary(run)
        #expect(result.standardOutput == summary.text())
        #expect(summary.adjustments.map(\.name) == ["2026-10"])
        #expect(summary.adjustments.map(\.count) == [2])
        #expect(result.standardOutput.contains("Adjustments of closed months:"))
    }

    @Test("a month before the first close is refused by every report, as by invoice", arguments: [
        ["invoice"], ["summary"], ["usage", "--account", "acct_labs"], ["explain", "--account", "acct_labs"],
    ])
    func beforeFirstClose(command: [String]) throws {
        let workspace = try Self.closedWithLateEvents()
        defer { workspace.remove() }
        let result = Self.books(command + ["--month", "2026-09"], workspace)
        #expect(result.status == .usage)
        #expect(result.standardError == "tally: 2026-09 is before the first closed month, 2026-10; months before it are never issued\n")
        #expect(result.standardOutput == "")
        let later = Self.books(command + ["--month", "2026-12"], workspace)
        #expect(later.status == .usage)
        #expect(later.standardError.hasPrefix("tally: 2026-12 can't be closed or previewed yet: the next month to close is 2026-11"))
    }

    @Test("usage of a closed month: the chart as issued, as the log read at the close gives it")
    func usageClosed() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(BooksCloseTests.close("2026-10", workspace).status == .success)
        let atClose = InProcess.run(["usage", "--account", "acct_labs", "--month", "2026-10", "--format", "json", workspace.log])
        for line in [Self.lateDB, Self.lateWorker, Self.november] { try workspace.append(line) }
        let result = Self.books(["usage", "--account", "acct_labs", "--month", "2026-10", "--format", "json"], workspace)
        #expect(result.status == .success)
        #expect(result.standardError == Self.closedNote)
        #expect(result.standardOutput == atClose.standardOutput)
        let report = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let issued = try #require(try Books.open(workspace.books).issuedRun(of: BillingPeriod("2026-10")!)
            .invoices.first { $0.account.text == "acct_labs" })
        #expect(report?["total"] as? String == issued.total.description)
    }

    @Test("usage of the next month: the month's chart, and the adjustments of 2026-10 listed below it")
    func usagePreview() throws {
        let workspace = try Self.closedWithLateEvents()
        defer { workspace.remove() }
        let result = Self.books(["usage", "--account", "acct_labs", "--month", "2026-11", "--ascii"], workspace)
        #expect(result.status == .success)
        let text = result.standardOutput
        #expect(text.contains("Invoice INV-202611-acct_labs, status final"))
        #expect(text.contains("    api / db             postgresql     adjusts 2026-10"))
        #expect(text.contains("    api / worker         python-worker  adjusts 2026-10"))
        let report = try BillingPipeline(rateCards: Fixtures.defaultRates)
            .usageReport(of: try AccountName("acct_labs"), in: BillingPeriod("2026-11")!, [.file(workspace.log)], books: workspace.books)
        guard case let .preview(usage) = report else {
            Issue.record("no preview")
            return
        }
        #expect(usage.adjustments.map(\.adjusts) == [BillingPeriod("2026-10")!, BillingPeriod("2026-10")!])
        // The chart's days add up to the month's own lines: the preview metered October too, and cut it off.
        for row in usage.rows { #expect(row.dailyMBSeconds.count == 30 && row.dailyMBSeconds.reduce(0, +) == row.mbSeconds) }
        #expect(usage.total.minorUnits == usage.rows.reduce(0) { $0 + $1.amount.minorUnits }
            + usage.adjustments.reduce(0) { $0 + $1.amount.minorUnits })
    }

    @Test("explain of a closed month: the issued lines, their intervals and arithmetic, as at the close")
    func explainClosed() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(BooksCloseTests.close("2026-10", workspace).status == .success)
        let atClose = InProcess.run(["explain", "--account", "acct_labs", "--month", "2026-10", workspace.log])
        for line in [Self.lateDB, Self.lateWorker, Self.november] { try workspace.append(line) }
        let result = Self.books(["explain", "--account", "acct_labs", "--month", "2026-10"], workspace)
        #expect(result.status == .success)
        #expect(result.standardError == Self.closedNote)
        #expect(result.standardOutput == atClose.standardOutput)
    }

    @Test("rate cards changed since the close: a closed month can't be reported as issued (exit 78)",
          arguments: [["usage"], ["explain"]])
    func changedRateCards(command: [String]) throws {
        let workspace = try Self.closedWithLateEvents()
        defer { workspace.remove() }
        let rates = workspace.folder.appendingPathComponent("rates").path
        try FileManager.default.createDirectory(atPath: rates, withIntermediateDirectories: true)
        let card = try String(contentsOf: Fixtures.ratesDirectory.appendingPathComponent("dotcloud-2012-06.json"), encoding: .utf8)
        try card.replacingOccurrences(of: "0.0001875", with: "0.0002").write(toFile: rates + "/card.json", atomically: true, encoding: .utf8)
        let result = Self.books(command + ["--account", "acct_labs", "--month", "2026-10", "--rates", rates], workspace)
        #expect(result.status == .configuration)
        #expect(result.standardError == "tally: the log as read at the close of 2026-10 no longer gives account acct_labs the invoice "
            + "issued then (INV-202610-acct_labs); the rate cards changed since: give the rate cards of that close with --rates\n")
    }
}
