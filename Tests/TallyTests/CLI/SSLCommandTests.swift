import Foundation
import Testing
import TallyCommands

@Suite("tally ssl, run as support staff would")
struct SSLCommandTests {
    static let sample = "Tests/TallyTests/Fixtures/sample-events.jsonl"

    /// A copy of the sample log in a fresh folder, for the commands that append.
    struct SampleCopy {
        let directory = Fixtures.temporaryDirectory()
        var path: String { directory.appendingPathComponent("events.jsonl").path }

        init() throws {
            try FileManager.default.copyItem(atPath: Fixtures.root.appendingPathComponent(SSLCommandTests.sample).path,
                                             toPath: directory.appendingPathComponent("events.jsonl").path)
        }

        var text: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    @Test("ssl quote on the sample log, text and JSON")
    func quote() throws {
        let arguments = ["ssl", "quote", "--account", "acct_blog", "--app", "blog", "--domain", "www.example.org",
                         "--at", "2026-10-04T00:00:00Z", Self.sample]
        let text = try TallyExecutable.run(arguments)
        #expect(text.status == 0)
        #expect(text.standardError == "")
        try Golden.check(text.standardOutput, named: "ssl-quote-sample.txt")
        let json = try TallyExecutable.run(arguments + ["--format", "json"])
        #expect(json.status == 0)
        try Golden.check(json.standardOutput, named: "ssl-quote-sample.json")
    }

    @Test("ssl quote refuses what can't be enabled, exit 65, nothing on standard output")
    func quoteRefused() throws {
        let result = try TallyExecutable.run(["ssl", "quote", "--account", "acct_labs", "--app", "try", "--domain", "www.example.org",
                                              "--at", "2026-10-06T00:00:00Z", Self.sample])
        #expect(result.status == 65)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "tally: refused: application try is sandbox; custom domains and SSL need a live or enterprise application; the customer must move the application to live or enterprise first\n")
    }

    @Test("ssl list on the sample log, text and JSON")
    func list() throws {
        let arguments = ["ssl", "list", "--account", "acct_blog", "--at", "2026-10-20T00:00:00Z", Self.sample]
        let text = try TallyExecutable.run(arguments)
        #expect(text.status == 0)
        try Golden.check(text.standardOutput, named: "ssl-list-sample.txt")
        let json = try TallyExecutable.run(arguments + ["--format", "json"])
        try Golden.check(json.standardOutput, named: "ssl-list-sample.json")
        let other = try TallyExecutable.run(["ssl", "list", "--account", "acct_labs", "--at", "2026-10-20T00:00:00Z", Self.sample])
        #expect(other.standardOutput == "SSL edges of account acct_labs at 2026-10-20T00:00:00Z\n  no active SSL edges\n")
    }

    @Test("ssl update, enable and disable on a copy of the sample log")
    func record() throws {
        let copy = try SampleCopy()
        defer { copy.remove() }
        let original = copy.text
        let update = ["ssl", "update", "--account", "acct_blog", "--domain", "www.example.org", "--at", "2026-10-20T00:00:00Z",
                      "--id", "ticket-77", copy.path]
        let recorded = try TallyExecutable.run(update)
        #expect(recorded.status == 0)
        // Long paths wrap at 120 columns: compare with spaces and line ends collapsed.
        func collapsed(_ text: String) -> String { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
        #expect(collapsed(recorded.standardOutput) == "recorded: ssl.certificate_updated for www.example.org, account acct_blog, at 2026-10-20T00:00:00Z, id ticket-77; appended to \(copy.path)")
        let line = "{\"account\":\"acct_blog\",\"domain\":\"www.example.org\",\"id\":\"ticket-77\",\"time\":\"2026-10-20T00:00:00Z\",\"type\":\"ssl.certificate_updated\"}\n"
        #expect(copy.text == original + line)
        // A retry writes nothing.
        let retry = try TallyExecutable.run(update)
        #expect(retry.status == 0)
        #expect(collapsed(retry.standardOutput) == "already recorded: id ticket-77 is in \(copy.path) with the same content; nothing written")
        // The sample's own b-7, written again by a retrying ticket: the same event.
        let disable = try TallyExecutable.run(["ssl", "disable", "--account", "acct_blog", "--domain", "www.example.org",
                                               "--at", "2026-11-10T00:00:00Z", "--id", "b-7", copy.path])
        #expect(disable.status == 0)
        #expect(disable.standardOutput.hasPrefix("already recorded: id b-7"))
        // Refusals: exit 65, the reason on standard error, nothing written.
        let enable = try TallyExecutable.run(["ssl", "enable", "--account", "acct_blog", "--app", "blog", "--domain", "www.example.org",
                                              "--at", "2026-10-04T00:00:00Z", copy.path])
        #expect(enable.status == 65)
        #expect(enable.standardError == "tally: refused: the event is dated before later events of the log, and 1 of this account's would then break a rule (\(copy.path):8); record it at a later time, or fix the log first\n")
        let late = try TallyExecutable.run(["ssl", "disable", "--account", "acct_blog", "--domain", "www.example.org",
                                            "--at", "2026-11-20T00:00:00Z", copy.path])
        #expect(late.status == 65)
        #expect(late.standardError == "tally: refused: domain www.example.org has no active SSL edge in this account; check the domain against the account's SSL edges\n")
        #expect(copy.text == original + line)
    }

    /// The usage lines printed after a usage error of `ssl SUBCOMMAND`.
    static func usageLines(_ name: String, _ synopsis: String) -> String {
        "Usage: tally \(name) \(synopsis)\nRun tally help \(name) for every option.\n"
    }

    @Test("usage errors: exit 64, the bad argument named, then the subcommand's usage", arguments: [
        (["ssl"], "tally: ssl needs a subcommand; run tally ssl --help\n"
            + usageLines("ssl", "check|quote|enable|update|disable|list [options]")),
        (["ssl", "renew"], "tally: unknown ssl subcommand renew; run tally ssl --help\n"
            + usageLines("ssl", "check|quote|enable|update|disable|list [options]")),
        (["ssl", "enable", "--account", "acct_blog", "--domain", "www.example.org", "x.jsonl"], "tally: --app X is required\n"
            + usageLines("ssl enable", "--account A --app X --domain D [--at TIME] [--id ID] [--backdate] [options] LOG")),
        (["ssl", "update", "--account", "acct_blog", "--domain", "www.example.org", "a.jsonl", "b.jsonl"],
         "tally: ssl update takes one event-log file to append to: give its path (not -) once\n"
            + usageLines("ssl update", "--account A [--app X] --domain D [--at TIME] [--id ID] [--backdate] [options] LOG")),
        (["ssl", "quote", "--account", "acct blog", "--app", "x", "--domain", "d.example"],
         "tally: --account: field \"account\" must be 1–64 characters from A–Z a–z 0–9 . _ -, got \"acct blog\"\n"
            + usageLines("ssl quote", "--account A --app X --domain D [--at TIME] [options] [LOG ...]")),
        (["ssl", "list", "--account", "a", "--at", "yesterday"],
         "tally: --at \"yesterday\": expected an RFC 3339 date-time such as 2026-10-20T00:00:00Z\n"
            + usageLines("ssl list", "--account A [--at TIME] [options] [LOG ...]")),
        (["ssl", "check"], "tally: ssl check takes one folder, the one holding ssl.key, ssl.crt and ssl.chain\n"
            + usageLines("ssl check", "DIR [--format text|json]")),
    ])
    func usage(arguments: [String], message: String) throws {
        let result = InProcess.run(arguments)
        #expect(result.status == .usage)
        #expect(result.standardError == message)
        #expect(result.standardOutput == "")
    }

    @Test("a missing log: exit 66")
    func missingLog() throws {
        let result = try TallyExecutable.run(["ssl", "update", "--account", "a", "--domain", "d.example", "/nonexistent/events.jsonl"])
        #expect(result.status == 66)
        #expect(result.standardError == "tally: /nonexistent/events.jsonl: no such file; check the path\n")
    }
}
