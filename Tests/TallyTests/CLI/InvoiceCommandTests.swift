import Foundation
import Testing
@testable import Tally
import TallyCommands

@Suite("tally invoice, run as a user would")
struct InvoiceCommandTests {
    static let sample = "Tests/TallyTests/Fixtures/sample-events.jsonl"

    @Test("the sample log prints its invoices and exits 0")
    func sampleLog() throws {
        let result = try TallyExecutable.run(["invoice", "--month", "2026-10", Self.sample])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        try Golden.check(result.standardOutput, named: "sample-2026-10.txt")
    }

    @Test("JSON output is byte-identical across runs and equals the library's")
    func json() throws {
        let first = try TallyExecutable.run(["invoice", "--month=2026-10", "--format", "json", Self.sample])
        let second = try TallyExecutable.run(["invoice", "--format=json", "--month", "2026-10", Self.sample])
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        try Golden.check(first.standardOutput, named: "sample-2026-10.json")
    }

    @Test("a document of several pieces is printed and written to --output whole, the library's bytes")
    func largeDocument() throws {
        // 6,000 accounts of one application and one service: about 2.5 MB of JSON, three pieces.
        var log = ""
        for account in 0..<6000 {
            log += #"{"id":"a\#(account)","time":"2026-10-01T00:00:00Z","type":"application.created","account":"acct_\#(account)","app":"app","flavor":"live"}"# + "\n"
            log += #"{"id":"s\#(account)","time":"2026-10-02T00:00:00Z","type":"service.deployed","account":"acct_\#(account)","app":"app","service":"www","service_type":"python","instances":2,"memory_mb":256}"# + "\n"
        }
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates)
            .invoices(for: BillingPeriod("2026-10")!, [.text(log, name: "-")])
        var pieces = 0
        run.json { _ in pieces += 1 }
        #expect(pieces > 1)
        let printed = InProcess.run(["invoice", "--month", "2026-10", "--format", "json"], input: log)
        #expect(printed.status == .success)
        #expect(printed.standardOutput == run.json())
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("invoices.json").path
        let written = InProcess.run(["invoice", "--month", "2026-10", "--format", "json", "--output", output], input: log)
        #expect(written.status == .success)
        #expect(written.standardOutput == "")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == run.json())
    }

    @Test("--jobs 2 prints the same bytes and rejected lines as one thread", arguments: ["invoice", "summary", "close"])
    func jobs(command: String) throws {
        // A close refuses a month with rejected lines: its log is clean.
        let log = RandomLog(seed: 11, command == "close" ? RandomLog.Options() : InvariantTests.noisy).text
        func run(_ jobs: [String]) -> InProcess.Result {
            let directory = Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("log.jsonl").path
            _ = FileManager.default.createFile(atPath: path, contents: Data(log.utf8))
            let books = command == "close" ? ["--books", directory.appendingPathComponent("books").path, "--at", "2026-11-02T00:00:00Z"] : []
            return InProcess.run([command, "--month", "2026-10", "--format", "json"] + books + jobs + [path])
        }
        let one = run([])
        let two = run(["--jobs", "2"])
        #expect(one.standardOutput.count > 100)
        #expect(two.status == one.status)
        #expect(two.standardOutput == one.standardOutput)
        // The runs' folders differ; nothing else may.
        let folder = #"/tmp[^ :]*/tally-test-[0-9A-F-]+"#
        #expect(two.standardError.replacingOccurrences(of: folder, with: "DIR", options: .regularExpression)
            == one.standardError.replacingOccurrences(of: folder, with: "DIR", options: .regularExpression))
    }

    @Test("no FILE, or -, reads standard input")
    func standardInput() throws {
        let log = try Data(contentsOf: Fixtures.directory.appendingPathComponent("sample-events.jsonl"))
        let implicit = try TallyExecutable.run(["invoice", "--month", "2026-10"], input: log)
        let dash = try TallyExecutable.run(["invoice", "--month", "2026-10", "-"], input: log)
        let file = try TallyExecutable.run(["invoice", "--month", "2026-10", Self.sample])
        #expect(implicit.status == 0)
        #expect(implicit.standardOutput == file.standardOutput)
        #expect(dash.standardOutput == file.standardOutput)
    }

    @Test("a rejected line: reported on stderr as FILE:LINE: ID: reason, invoices printed, exit 65")
    func rejected() throws {
        let log = "{\"id\":\"x1\",\"time\":\"2026-10-01T00:00:00Z\",\"type\":\"application.created\",\"account\":\"a\",\"app\":\"shop\",\"flavor\":\"gold\"}\n"
        let result = try TallyExecutable.run(["invoice", "--month", "2026-10", "-"], input: Data(log.utf8))
        #expect(result.status == 65)
        #expect(result.standardError == """
            -:1: x1: unknown flavor "gold"; expected sandbox, live or enterprise
            tally: 1 line rejected (listed above, in input order).
            tally: 1 account has rejected lines and no invoice in 2026-10 (they may change its bill):
              a: 1 rejected line, at -:1
            tally: next: run tally invoice --month 2026-10 --rejects FILE on the same log to get them as JSON Lines; \
            fix them in the log itself (appending a corrected line does not clear a hold), then run again.

            """)
        #expect(result.standardOutput.contains("Events: 1 lines read, 0 applied, 0 duplicates, 1 rejected"))
    }

    @Test("usage errors exit 64 and name the bad argument", arguments: [
        (["invoice"], "--month YYYY-MM is required"),
        (["invoice", "--month", "2026-13"], "--month \"2026-13\": expected YYYY-MM"),
        (["invoice", "--month", "2026-10", "--format", "xml"], "--format \"xml\": expected text, json, csv or html"),
        (["invoice", "--month", "2026-10", "--bogus"], "unknown option --bogus"),
        (["invoice", "--month"], "--month needs a value"),
        (["invoice", "--month", "2026-10", "--month", "2026-11"], "--month is given twice"),
        (["frobnicate"], "unknown command frobnicate"),
        (["invoice", "--month", "2026-10", "--strict", "--strict"], "--strict is given twice"),
        (["--version", "extra"], "--version takes no arguments, got extra"),
        ([], "Usage: tally"),
        (["invoice", "--month", "2026-10", "--jobs", "0"], "--jobs \"0\": expected a whole number from 1 to 64, e.g. 2"),
        (["invoice", "--month", "2026-10", "--jobs", "two"], "--jobs \"two\": expected a whole number from 1 to 64, e.g. 2"),
    ])
    func usage(arguments: [String], message: String) throws {
        let result = try TallyExecutable.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains(message))
    }

    @Test("a missing or unreadable input exits 66 and prints no report")
    func missingInput() throws {
        let missing = try TallyExecutable.run(["invoice", "--month", "2026-10", Self.sample, "no/such/file.jsonl"])
        #expect(missing.status == 66)
        #expect(missing.standardOutput == "")
        #expect(missing.standardError == "tally: no/such/file.jsonl: no such file; check the path\n")
        let directory = try TallyExecutable.run(["invoice", "--month", "2026-10", "Tests"])
        #expect(directory.status == 66)
        #expect(directory.standardError == "tally: Tests: is a directory, not an event-log file\n")
    }

    @Test("a rate-card problem exits 78 and names the file and field")
    func configuration() throws {
        let missing = try TallyExecutable.run(["invoice", "--month", "2026-10", "--rates", "no-such-rates", Self.sample])
        #expect(missing.status == 78)
        #expect(missing.standardOutput == "")
        #expect(missing.standardError.contains("no-such-rates: no such rate-card folder"))

        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let card = "{\"name\":\"c\",\"effective_from\":\"2012-06-01T00:00:00Z\",\"currency\":\"USD\",\"rounding\":\"half-up\",\"price_per_mb_hour\":{\"live\":0.0001875,\"enterprise\":\"0.0001875\"},\"ssl_edge_memory_mb\":160}"
        try card.write(to: directory.appendingPathComponent("c.json"), atomically: true, encoding: .utf8)
        let bad = try TallyExecutable.run(["invoice", "--month", "2026-10", Self.sample], environment: ["TALLY_RATES": directory.path])
        #expect(bad.status == 78)
        #expect(bad.standardError.contains("c.json: field \"price_per_mb_hour.live\": must be a decimal string"))
    }

    @Test("--help and --version print on stdout and exit 0", arguments: [
        (["--help"], "Usage: tally COMMAND [options]"), (["invoice", "--help"], "Usage: tally invoice --month YYYY-MM"),
        (["--version"], "tally \(Tally.version)\n"),
    ])
    func help(arguments: [String], expected: String) throws {
        let result = try TallyExecutable.run(arguments)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput.hasPrefix(expected))
    }
}

/// A log that is not a regular file (a pipe, a FIFO, `/dev/stdin`, a process
/// substitution) is copied as it streams by, so a run that must start over or
/// read a line again gets the same answer as from a file.
@Suite("a pipe given as FILE, read by tally invoice and tally explain")
struct PipeInputTests {
    /// The sample log, out of order early on (the run starts over after the
    /// first megabyte is read), then 30,000 retries of its first line (3.7 MB)
    /// and a conflicting line.
    static func awkwardLog() throws -> Data {
        var lines = try String(contentsOf: Fixtures.directory.appendingPathComponent("sample-events.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        lines.swapAt(2, 3)
        lines += Array(repeating: lines[0], count: 30_000)
        lines.append(lines[1].replacingOccurrences(of: "\"instances\":2", with: "\"instances\":3"))
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    @Test("/dev/stdin as FILE gives the same report and rejections as the file itself")
    func devStdin() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("log.jsonl")
        let bytes = try Self.awkwardLog()
        try bytes.write(to: log)
        let fromFile = try TallyExecutable.run(["invoice", "--month", "2026-10", log.path])
        let fromPipe = try TallyExecutable.run(["invoice", "--month", "2026-10", "/dev/stdin"], input: bytes)
        #expect(fromFile.status == 65)
        #expect(fromFile.standardError.contains(":30024: s-2: conflicting duplicate"))
        #expect(fromFile.standardOutput.contains("Events: 30,024 lines read, 23 applied, 30,000 duplicates, 1 rejected"))
        #expect(fromPipe.status == fromFile.status)
        // Lines wider than 120 columns wrap where the path's length puts them: compare words.
        func words(_ text: String) -> [Substring] { text.split(whereSeparator: { $0 == " " || $0 == "\n" }) }
        #expect(words(fromPipe.standardOutput) == words(fromFile.standardOutput.replacingOccurrences(of: log.path, with: "/dev/stdin")))
        #expect(fromPipe.standardError == fromFile.standardError.replacingOccurrences(of: log.path, with: "/dev/stdin"))
    }

    @Test("tally explain names the events of a pipe given as FILE, read after the run")
    func explain() throws {
        let sample = Fixtures.directory.appendingPathComponent("sample-events.jsonl")
        let arguments = ["explain", "--account", "acct_shop", "--month", "2026-10"]
        let fromFile = try TallyExecutable.run(arguments + [sample.path])
        let fromPipe = try TallyExecutable.run(arguments + ["/dev/stdin"], input: try Data(contentsOf: sample))
        #expect(fromFile.status == 0)
        #expect(fromPipe.status == 0)
        #expect(fromPipe.standardOutput.contains("s-3 at /dev/stdin:3"))
        // Column widths follow the name's length: compare with spaces collapsed.
        func collapsed(_ text: String) -> String { text.split(separator: " ").joined(separator: " ") }
        #expect(collapsed(fromPipe.standardOutput) == collapsed(fromFile.standardOutput.replacingOccurrences(of: sample.path, with: "/dev/stdin")))
    }
}
