import Foundation
import Testing
@testable import Tally
import TallyCommands

/// SPEC §7.2 and §7.4: `tally close` and printing with books, each rule with
/// a case that holds and one that is refused.
@Suite("Books: tally close, reprints, previews and their preconditions")
struct BooksCloseTests {
    /// A folder with a copy of the sample log and a books folder.
    struct Workspace {
        let folder: URL
        var log: String { folder.appendingPathComponent("events.jsonl").path }
        var books: String { folder.appendingPathComponent("books").path }

        /// In a fresh temporary folder, or in `folder` (made here).
        init(in folder: URL? = nil) throws {
            self.folder = folder ?? Fixtures.temporaryDirectory()
            try FileManager.default.createDirectory(at: self.folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: InProcess.sample, toPath: log)
        }

        func append(_ line: String) throws {
            let handle = try #require(FileHandle(forWritingAtPath: log))
            handle.seekToEndOfFile()
            handle.write(Data((line + "\n").utf8))
            try handle.close()
        }

        /// Every file under the books, with its bytes.
        func snapshot() -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: books)
            while let name = enumerator?.nextObject() as? String {
                let path = (books as NSString).appendingPathComponent(name)
                if let data = FileManager.default.contents(atPath: path) { files[name] = data }
            }
            return files
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static func close(_ month: String, _ workspace: Workspace, at: String = "2026-11-02T00:00:00Z",
                      format: String = "json", extra: [String] = []) -> InProcess.Result {
        InProcess.run(["close", "--month", month, "--books", workspace.books, "--at", at, "--format", format] + extra + [workspace.log])
    }

    @Test("a close issues the month: the document printed is the one kept, and reprints byte for byte")
    func closeAndReprint() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let closed = Self.close("2026-10", workspace)
        #expect(closed.status == .success)
        #expect(closed.standardError == "tally: 2026-10 closed: 3 invoices issued into \(workspace.books)\n")
        let kept = try String(contentsOfFile: workspace.books + "/2026-10/invoices.json", encoding: .utf8)
        #expect(closed.standardOutput == kept)
        #expect(kept == InProcess.run(["invoice", "--month", "2026-10", "--format", "json", workspace.log]).standardOutput)
        // Whatever the log holds now, the closed month prints as issued.
        try workspace.append(#"{"id":"late","time":"2026-10-20T00:00:00Z","type":"service.scaled","account":"acct_labs","app":"api","service":"db","instances":2}"#)
        let reprint = InProcess.run(["invoice", "--month", "2026-10", "--books", workspace.books, "--format", "json", workspace.log])
        #expect(reprint.status == .success)
        #expect(reprint.standardOutput == kept)
        #expect(reprint.standardError == "tally: 2026-10 is closed: this is what was issued; the log now gives other figures "
            + "for 2026-10: the invoice of 2026-11 will carry the adjustment\n")
        let text = InProcess.run(["invoice", "--month", "2026-10", "--books", workspace.books, workspace.log])
        #expect(text.standardOutput == InProcess.run(["invoice", "--month", "2026-10", InProcess.sample]).standardOutput)
    }

    @Test("closing a closed month writes nothing and exits 0, saying so")
    func closeAgain() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let first = Self.close("2026-10", workspace)
        let before = workspace.snapshot()
        let again = Self.close("2026-10", workspace, at: "2026-12-01T00:00:00Z")
        #expect(again.status == .success)
        #expect(again.standardError == "tally: 2026-10 is already closed; nothing was written. It was issued as follows.\n")
        #expect(again.standardOutput == first.standardOutput)
        #expect(workspace.snapshot() == before)
    }

    @Test("refused: a month that has not ended, a month that is not the next, a month before the first close", arguments: [
        (["2026-10"], "2026-10-31T23:59:59Z", "tally: 2026-10 has not ended at 2026-10-31T23:59:59Z (it ends at 2026-11-01T00:00:00Z); close it after its end, or give --at to replay a close\n"),
        (["2026-10", "2026-12"], "2027-01-02T00:00:00Z", "tally: 2026-12 can't be closed or previewed yet: the next month to close is 2026-11; close the months in order\n"),
    ])
    func refusedMonths(months: [String], at: String, message: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var last = InProcess.Result(status: .success, standardOutput: "", standardError: "")
        for month in months { last = Self.close(month, workspace, at: at) }
        #expect(last.status == .usage)
        #expect(last.standardError.hasPrefix(message))
    }

    @Test("a month before the first closed month can't be printed with the books; the next previews")
    func beforeFirstAndPreview() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = Self.close("2026-10", workspace)
        let before = InProcess.run(["invoice", "--month", "2026-09", "--books", workspace.books, workspace.log])
        #expect(before.status == .usage)
        #expect(before.standardError.hasPrefix("tally: 2026-09 is before the first closed month, 2026-10; months before it are never issued\n"))
        let preview = InProcess.run(["invoice", "--month", "2026-11", "--books", workspace.books, "--format", "json", workspace.log])
        #expect(preview.status == .success)
        #expect(preview.standardOutput == InProcess.run(["invoice", "--month", "2026-11", "--format", "json", workspace.log]).standardOutput)
        #expect(workspace.snapshot().keys.allSatisfy { !$0.hasPrefix("2026-11") }, "a preview writes nothing")
    }

    @Test("a held invoice stops the close: nothing written, the held accounts named, exit 65")
    func held() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.append(#"{"id":"bad","time":"2026-10-09T00:00:00Z","type":"service.scaled","account":"acct_shop","app":"shop","service":"db","instances":2}"#)
        let result = Self.close("2026-10", workspace)
        #expect(result.status == .dataError)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains("events.jsonl:24: bad: service db does not exist in application shop\n"))
        #expect(result.standardError.hasSuffix("tally: 2026-10 not closed, nothing written: held by rejected lines of acct_shop (1 rejected line) (listed above); fix the log and close again\n"))
        #expect(!FileManager.default.fileExists(atPath: workspace.books + "/2026-10"))
    }

    @Test("closed history can't be rewritten: an edited, shortened or missing file stops the run, naming it, the month and the byte", arguments: ["edit", "shorten", "remove"])
    func changedLog(change: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = Self.close("2026-10", workspace)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: workspace.log))
        let size = bytes.count
        switch change {
        case "edit": bytes[500] = bytes[500] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        case "shorten": bytes = bytes.prefix(1000)
        default: bytes = Data()
        }
        if change == "remove" { try FileManager.default.removeItem(atPath: workspace.log) } else { try bytes.write(to: URL(fileURLWithPath: workspace.log)) }
        let result = InProcess.run(["invoice", "--month", "2026-11", "--books", workspace.books, workspace.log])
        #expect(result.standardOutput == "")
        let expected = switch change {
        case "edit": "tally: \(workspace.log): differs from what was read, in the 65,536-byte block starting at byte 0, in the part read by the close of 2026-10; closed history can't be rewritten: restore the file, and correct it with new events\n"
        case "shorten": "tally: \(workspace.log): is shorter than what was read (\(NumberText.grouped(size)) bytes), it ends at byte 1000, in the part read by the close of 2026-10; closed history can't be rewritten: restore the file, and correct it with new events\n"
        default: "tally: \(workspace.log): is missing at byte 0, in the part read by the close of 2026-10; closed history can't be rewritten: restore the file, and correct it with new events\n"
        }
        #expect(result.standardError == expected)
        #expect(result.status == (change == "remove" ? .dataError : .dataError))
    }

    @Test("rotation: the last close's files, then new ones; a file left out is refused")
    func rotation() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = Self.close("2026-10", workspace)
        let second = workspace.folder.appendingPathComponent("events-2.jsonl").path
        try #"{"id":"n1","time":"2026-11-05T00:00:00Z","type":"service.scaled","account":"acct_labs","app":"api","service":"db","instances":2}"#
            .appending("\n").write(toFile: second, atomically: true, encoding: .utf8)
        let both = InProcess.run(["close", "--month", "2026-11", "--books", workspace.books, "--at", "2026-12-02T00:00:00Z",
                                  "--format", "json", workspace.log, second])
        #expect(both.status == .success)
        let whole = InProcess.run(["invoice", "--month", "2026-11", "--format", "json", workspace.log, second])
        #expect(both.standardOutput == whole.standardOutput)
        let newOnly = InProcess.run(["invoice", "--month", "2026-12", "--books", workspace.books, second])
        #expect(newOnly.status == .dataError)
        #expect(newOnly.standardError.hasPrefix("tally: the log must be the files of the last close, in the same order"))
    }

    @Test("an event re-sent after its month was closed is a duplicate, never billed twice")
    func resentEvent() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = Self.close("2026-10", workspace)
        let lines = try String(contentsOfFile: workspace.log, encoding: .utf8).split(separator: "\n")
        try workspace.append(String(lines[2]))
        try workspace.append(String(lines[3]).replacingOccurrences(of: "2026-10-20", with: "2026-11-20"))
        let preview = InProcess.run(["invoice", "--month", "2026-11", "--books", workspace.books, "--format", "json", workspace.log])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(preview.standardOutput.utf8)) as? [String: Any])
        let events = try #require(document["events"] as? [String: Int])
        #expect(events == ["lines": 25, "applied": 23, "duplicates": 1, "rejected": 1])
        #expect(preview.standardError.contains("events.jsonl:25: s-4: conflicting duplicate: the id was first used at \(workspace.log):4 with different content; the earlier event stands"))
        #expect(!preview.standardOutput.contains("\"adjusts\""))
    }

    @Test("books written by a newer Tally are refused, never misread")
    func newerFormat() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = Self.close("2026-10", workspace)
        try "tally-books 2\n".write(toFile: workspace.books + "/tally-books", atomically: true, encoding: .utf8)
        let result = InProcess.run(["invoice", "--month", "2026-11", "--books", workspace.books, workspace.log])
        #expect(result.status == .noInput)
        #expect(result.standardError == "tally: \(workspace.books): the books were written by a newer version of Tally (format 2); use that version, this one reads format 1\n")
    }
}
