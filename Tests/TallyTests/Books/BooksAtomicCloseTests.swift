import Foundation
import Testing
@testable import Tally
import TallyCommands

/// SPEC §7.2: a close is atomic (a crash at any step leaves the month
/// closed with everything, or the books as they were) and two closes of one
/// month at once close it once.
@Suite("Books: a close is atomic, and closes once")
struct BooksAtomicCloseTests {
    static let steps = ["wrote invoices.json", "wrote run.json", "wrote state.bin", "wrote ids.bin", "wrote ids.filter",
                        "wrote close.json", "flushed", "renamed"]

    @Test("killed after each step of a close, the books are as before or the month is closed whole", arguments: steps)
    func crashAtStep(step: String) throws {
        let workspace = try BooksCloseTests.Workspace()
        defer { workspace.remove() }
        let arguments = ["close", "--month", "2026-10", "--books", workspace.books, "--at", "2026-11-02T00:00:00Z",
                         "--format", "json", workspace.log]
        let crashed = try TallyExecutable.run(arguments, environment: ["TALLY_CLOSE_FAULT": step])
        #expect(crashed.status == 137, "\(step): \(crashed.standardError)")
        let books = try Books.open(workspace.books)
        if step == "renamed" {
            #expect(books.closedMonths == [BillingPeriod("2026-10")!])
        } else {
            #expect(books.closedMonths.isEmpty, "\(step)")
        }
        // Either way the books are usable: closing again finishes the job or finds it done.
        let again = try TallyExecutable.run(arguments)
        #expect(again.status == 0, "\(step): \(again.standardError)")
        #expect(again.standardOutput == InProcess.run(["invoice", "--month", "2026-10", "--format", "json", workspace.log]).standardOutput)
        #expect(try Books.open(workspace.books).closedMonths == [BillingPeriod("2026-10")!])
        // No temporary folder is taken for a close.
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.books)
        #expect(names.filter { !$0.hasPrefix(".close-") }.sorted() == [".lock", "2026-10", "tally-books"])
    }

    @Test("two closes of one month at once: one closes it, the other finds it closed")
    func concurrentCloses() throws {
        let workspace = try BooksCloseTests.Workspace()
        defer { workspace.remove() }
        let arguments = ["close", "--month", "2026-10", "--books", workspace.books, "--at", "2026-11-02T00:00:00Z", workspace.log]
        let first = try TallyExecutable.start(arguments)
        let second = try TallyExecutable.start(arguments)
        let results = [try first.wait(), try second.wait()]
        #expect(results.map(\.status) == [0, 0])
        let messages = results.map(\.standardError).sorted()
        #expect(messages.filter { $0.contains("2026-10 closed: 3 invoices issued") }.count == 1, "\(messages)")
        #expect(messages.filter { $0.contains("2026-10 is already closed; nothing was written") }.count == 1, "\(messages)")
        #expect(try Books.open(workspace.books).closedMonths == [BillingPeriod("2026-10")!])
    }
}
