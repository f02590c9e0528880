import Foundation
import Testing
@testable import Tally
import TallyCommands

/// `tally` run as an attacker or a careless operator would (README, "Bad
/// input", "Command reference", "For the ticket service"): no temporary file
/// left behind, no log overwritten by a report, no hang, no crash on a full
/// standard output. Each case checks the exit code, the message, and that
/// nothing was lost or left behind.
@Suite("CLI: safe under hostile operation")
struct HostileOperationTests {
    static let sample = Fixtures.directory.appendingPathComponent("sample-events.jsonl")
    static var sampleText: String { (try? String(contentsOf: sample, encoding: .utf8)) ?? "" }

    /// A folder holding a copy of the sample log as `events.jsonl`, and an empty `tmp/` to serve as `$TMPDIR`.
    struct Workspace {
        let folder = Fixtures.temporaryDirectory()
        var log: String { folder.appendingPathComponent("events.jsonl").path }
        var temporary: String { folder.appendingPathComponent("tmp").path }

        init() throws {
            try FileManager.default.copyItem(atPath: HostileOperationTests.sample.path, toPath: log)
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        /// The names in the folder, `tmp` and the log included.
        var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }
        /// The names in `$TMPDIR`.
        var temporaryNames: [String] { (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] }
        var logText: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Runs `tally arguments` in process with `input` as standard input.
    static func run(_ arguments: [String], input: String = "", inputIdentity: FileIdentity? = nil,
                    environment: [String: String] = [:]) -> (status: ExitCode, output: String, error: String) {
        let console = Console.capturing()
        var variables = ["TALLY_RATES": Fixtures.ratesDirectory.path]
        for (key, value) in environment { variables[key] = value }
        let context = CommandContext(console: console, environment: variables, standardInput: .text(input, name: "-"),
                                     standardInputIdentity: inputIdentity,
                                     now: { Timestamp(year: 2026, month: 10, day: 20)! })
        let status = TallyCommandLine.run(arguments, context: context)
        return (status, console.standardOutput, console.standardError)
    }

    // MARK: Output over input

    static let reports: [[String]] = [
        ["invoice", "--month", "2026-10"],
        ["summary", "--month", "2026-10"],
        ["usage", "--account", "acct_blog", "--month", "2026-10"],
        ["explain", "--account", "acct_blog", "--month", "2026-10"],
    ]

    @Test("an --output or --rejects that is standard input's file is refused before anything is read or written",
          arguments: reports, [["--output"], ["--rejects"], ["--output", "-"]])
    func outputIsStandardInput(_ command: [String], _ options: [String]) throws {
        guard options[0] == "--output" || command[0] == "invoice" else { return }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let before = workspace.logText
        // `< events.jsonl`: standard input is the log's own file; with `-` it is named too.
        let arguments = command + [options[0], workspace.log] + options.dropFirst()
        let result = Self.run(arguments, input: before, inputIdentity: FileIdentity(path: workspace.log))
        #expect(result.status == .usage)
        #expect(result.output == "")
        #expect(result.error == "tally: \(options[0]) \(workspace.log) is standard input, the input log; write the report to another file\n")
        #expect(workspace.logText == before)
        #expect(workspace.names == ["events.jsonl", "tmp"])
    }

    @Test("an output that is an input under another name (a hard link, a symbolic link) is refused")
    func otherNames() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let before = workspace.logText
        try FileManager.default.linkItem(atPath: workspace.log, toPath: workspace.path("hard.jsonl"))
        try FileManager.default.createSymbolicLink(atPath: workspace.path("soft.jsonl"), withDestinationPath: workspace.log)
        for output in [workspace.path("hard.jsonl"), workspace.path("soft.jsonl")] {
            let result = Self.run(["invoice", "--month", "2026-10", "--output", output, workspace.log])
            #expect(result.status == .usage)
            #expect(result.error == "tally: --output \(output) is the input log \(workspace.log); write the report to another file\n")
        }
        #expect(workspace.logText == before)
    }

    @Test("tally invoice --output events.jsonl < events.jsonl keeps the log (the executable, fstat of standard input)")
    func executableOutputOverInput() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let before = workspace.logText
        for options in [["--output", workspace.log], ["--rejects", workspace.log], ["--output", workspace.log, "-"]] {
            let input = try #require(FileHandle(forReadingAtPath: workspace.log))
            defer { try? input.close() }
            let running = try TallyExecutable.start(["invoice", "--month", "2026-10"] + options, standardInput: input,
                                                    environment: ["TMPDIR": workspace.temporary])
            let result = try running.wait(timeout: 60)
            #expect(result.status == 64)
            #expect(result.standardOutput == "")
            #expect(result.standardError == "tally: \(options[0]) \(workspace.log) is standard input, the input log; write the report to another file\n")
            #expect(workspace.logText == before)
            #expect(workspace.names == ["events.jsonl", "tmp"])
        }
        // A report to another file from the same standard input works.
        let input = try #require(FileHandle(forReadingAtPath: workspace.log))
        defer { try? input.close() }
        let result = try TallyExecutable.start(["invoice", "--month", "2026-10", "--output", workspace.path("report.txt")],
                                               standardInput: input).wait(timeout: 60)
        #expect(result.status == 0)
        #expect((try? String(contentsOfFile: workspace.path("report.txt"), encoding: .utf8))?.hasPrefix("Invoices for 2026-10") == true)
    }

    // MARK: --output on a dangling symbolic link

    @Test("--output on a dangling symbolic link creates the file it points to, as > would, and keeps the link")
    func danglingLink() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let link = workspace.path("report.txt")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "reports/october.txt")
        // The link's folder does not exist yet: the message says where it points.
        let missing = Self.run(["invoice", "--month", "2026-10", "--output", link, workspace.log])
        #expect(missing.status == .usage)
        #expect(missing.error == "tally: --output \(link): cannot be written (it links to \(workspace.path("reports/october.txt"))): "
            + "No such file or directory; check that its folder exists and is writable\n")
        try FileManager.default.createDirectory(atPath: workspace.path("reports"), withIntermediateDirectories: false)
        let result = Self.run(["invoice", "--month", "2026-10", "--output", link, workspace.log])
        #expect(result.status == .success)
        #expect(result.output == "")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "reports/october.txt")
        let report = try String(contentsOfFile: workspace.path("reports/october.txt"), encoding: .utf8)
        #expect(report.hasPrefix("Invoices for 2026-10"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path("reports")) == ["october.txt"])
        #expect(workspace.names == ["events.jsonl", "report.txt", "reports", "tmp"])
    }

    @Test("--output on a loop of links is a usage error")
    func linkLoop() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try FileManager.default.createSymbolicLink(atPath: workspace.path("a"), withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("b"), withDestinationPath: "a")
        let result = Self.run(["invoice", "--month", "2026-10", "--output", workspace.path("a"), workspace.log])
        #expect(result.status == .usage)
        #expect(result.error == "tally: --output \(workspace.path("a")): is a loop of symbolic links; give a file name\n")
        #expect(workspace.names == ["a", "b", "events.jsonl", "tmp"])
    }

    // MARK: The spool: bounded, never named in $TMPDIR

    @Test("standard input over TALLY_SPOOL_LIMIT stops the run: exit 66, the limit and how to raise it named, nothing left")
    func spoolLimit() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try TallyExecutable.run(
            ["invoice", "--month", "2026-10", "--rejects", workspace.path("rejects.jsonl"), "--output", workspace.path("out.txt")],
            input: Data(Self.sampleText.utf8), environment: ["TMPDIR": workspace.temporary, "TALLY_SPOOL_LIMIT": "1000"])
        #expect(result.status == 66)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "tally: -: is larger than the spool limit of 1,000 bytes: standard input and other "
            + "inputs that are not regular files are copied aside as they are read, and at most that much; nothing was "
            + "billed: give the log as a regular file, or raise the limit (for tally, TALLY_SPOOL_LIMIT=BYTES)\n")
        #expect(workspace.names == ["events.jsonl", "tmp"])
        #expect(workspace.temporaryNames == [])
        // Raised to fit, the same input is billed.
        let raised = try TallyExecutable.run(["invoice", "--month", "2026-10"], input: Data(Self.sampleText.utf8),
                                             environment: ["TMPDIR": workspace.temporary,
                                                           "TALLY_SPOOL_LIMIT": String(Self.sampleText.utf8.count)])
        #expect(raised.status == 0)
        #expect(raised.standardOutput.hasSuffix("Events: 23 lines read, 23 applied, 0 duplicates, 0 rejected\n"))
        #expect(workspace.temporaryNames == [])
    }

    @Test("TALLY_SPOOL_LIMIT that is not a whole number of bytes is a usage error", arguments: ["4G", "-1", "1.5", "99999999999999999999"])
    func badSpoolLimit(_ value: String) {
        let result = Self.run(["invoice", "--month", "2026-10", "-"], input: Self.sampleText, environment: ["TALLY_SPOOL_LIMIT": value])
        #expect(result.status == .usage)
        #expect(result.output == "")
        #expect(result.error == "tally: TALLY_SPOOL_LIMIT=\(Printable.quoted(value)): expected a whole number of bytes, "
            + "e.g. 8589934592 for 8 GiB (default 4294967296)\n")
    }

    @Test("a signal while standard input is read leaves no spool in $TMPDIR and no --output or --rejects temporary",
          arguments: [SIGTERM, SIGINT, SIGHUP])
    func signalLeavesNothing(_ signal: Int32) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let running = try TallyExecutable.start(
            ["invoice", "--month", "2026-10", "--rejects", workspace.path("rejects.jsonl"), "--output", workspace.path("out.txt")],
            environment: ["TMPDIR": workspace.temporary])
        // Half the log, then tally waits for the rest with its temporary files open.
        let lines = Self.sampleText.split(separator: "\n", omittingEmptySubsequences: false)
        try? running.standardInput?.write(contentsOf: Data(lines.prefix(10).joined(separator: "\n").utf8 + [0x0A]))
        var temporaries: [String] = []
        for _ in 0..<3000 {
            temporaries = workspace.names.filter { $0.hasPrefix(".rejects.jsonl.tmp-") }
            if !temporaries.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(temporaries.count == 1, "the rejects file's temporary was never made: \(workspace.names)")
        Thread.sleep(forTimeInterval: 0.2)
        // The spool has no name, even while it is written.
        #expect(workspace.temporaryNames == [])
        running.send(signal)
        let result = try running.wait(timeout: 30)
        #expect(result.killedBySignal)
        #expect(result.status == signal)
        #expect(result.standardOutput == "")
        #expect(workspace.names == ["events.jsonl", "tmp"])
        #expect(workspace.temporaryNames == [])
    }

    @Test("SIGKILL leaves no spool in $TMPDIR either")
    func killLeavesNoSpool() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let running = try TallyExecutable.start(["invoice", "--month", "2026-10"], environment: ["TMPDIR": workspace.temporary])
        try? running.standardInput?.write(contentsOf: Data((Self.sampleText + String(repeating: "\n", count: 3 << 20)).utf8))
        Thread.sleep(forTimeInterval: 0.5)
        #expect(workspace.temporaryNames == [])
        running.send(SIGKILL)
        let result = try running.wait(timeout: 30)
        #expect(result.killedBySignal)
        #expect(workspace.temporaryNames == [])
    }

    @Test("a --rejects file that can't be kept (an input missing) leaves no temporary behind")
    func errorPathLeavesNothing() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let missing = workspace.path("missing.jsonl")
        let result = Self.run(["invoice", "--month", "2026-10", "--rejects", workspace.path("rejects.jsonl"), workspace.log, missing])
        #expect(result.status == .noInput)
        #expect(result.error == "tally: \(missing): no such file; check the path\n")
        #expect(workspace.names == ["events.jsonl", "tmp"])
    }

    // MARK: A full standard output

    @Test("standard output on /dev/full: exit 74 and a message, never a crash", arguments: [
        ["--help"], ["--version"], ["invoice", "--help"], ["invoice", "--month", "2026-10", "LOG"],
        ["invoice", "--month", "2026-10", "--format", "json", "LOG"], ["summary", "--month", "2026-10", "LOG"],
        ["usage", "--account", "acct_blog", "--month", "2026-10", "LOG"],
        ["explain", "--account", "acct_blog", "--month", "2026-10", "LOG"],
        ["account", "--account", "acct_blog", "--at", "2026-10-10T00:00:00Z", "LOG"],
        ["ssl", "--help"], ["ssl", "list", "--account", "acct_blog", "--at", "2026-10-10T00:00:00Z", "LOG"],
        ["ssl", "quote", "--account", "acct_blog", "--app", "blog", "--domain", "www.example.org", "--at", "2026-10-04T00:00:00Z", "LOG"],
        ["ssl", "check", "BUNDLE"],
    ])
    func fullStandardOutput(_ arguments: [String]) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let bundle = try HostileTicketTests.bundle()
        defer { try? FileManager.default.removeItem(at: bundle) }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        let resolved = arguments.map { $0 == "LOG" ? workspace.log : $0 == "BUNDLE" ? bundle.path : $0 }
        let result = try TallyExecutable.start(resolved, standardOutput: full, environment: ["TMPDIR": workspace.temporary])
            .wait(timeout: 60)
        #expect(!result.killedBySignal)
        #expect(result.status == 74)
        #expect(result.standardError.hasSuffix("tally: standard output: write failed: No space left on device\n"))
        #expect(workspace.names == ["events.jsonl", "tmp"])
        #expect(workspace.temporaryNames == [])
    }

    // MARK: SSL: no hang, a bounded lock

    @Test("tally ssl check on a bundle whose ssl.key is a FIFO answers at once: exit 65, the file named")
    func checkFIFO() throws {
        let bundle = try HostileTicketTests.bundle()
        defer { try? FileManager.default.removeItem(at: bundle) }
        let key = bundle.appendingPathComponent("ssl.key").path
        try FileManager.default.removeItem(atPath: key)
        #expect(mkfifo(key, 0o600) == 0)
        let result = try TallyExecutable.start(["ssl", "check", bundle.path]).wait(timeout: 30)
        #expect(!result.killedBySignal)
        #expect(result.status == 65)
        #expect(result.standardOutput == """
            Certificate bundle in \(bundle.path)
            (a structural check of the PEM armour: no X.509 validation, no key/certificate match)
              problem
                ssl.key is a FIFO (named pipe), not a regular file; it was not read: the customer must provide ssl.key as an
                ordinary file
              ok
                ssl.crt: 1 PEM certificate
              ok
                chain present: 1 certificate in ssl.chain
            Result: 1 problem; the customer must fix it before support installs the bundle

            """)
    }

    @Test("tally ssl enable on a log that is a FIFO answers at once: exit 66, nothing written")
    func enableOnFIFO() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let fifo = workspace.path("fifo.jsonl")
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try TallyExecutable.start(["ssl", "enable", "--account", "acct_blog", "--app", "blog", "--domain", "www.example.org",
                                                "--at", "2026-10-20T00:00:00Z", fifo]).wait(timeout: 30)
        #expect(!result.killedBySignal)
        #expect(result.status == 66)
        #expect(result.standardError == "tally: \(fifo): is a FIFO (named pipe), not a regular file; the event log appended to must be a regular file: give the log's own path\n")
    }

    @Test("another writer holding the log's lock: exit 75 after --lock-timeout, the log unchanged; then the retry works")
    func lockTimeout() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let before = workspace.logText
        let holder = open(workspace.log, O_RDWR)
        #expect(flock(holder, LOCK_EX) == 0)
        let arguments = ["ssl", "update", "--account", "acct_blog", "--domain", "www.example.org", "--at", "2026-10-20T00:00:00Z",
                         "--id", "ticket-9", workspace.log]
        let clock = ContinuousClock()
        let start = clock.now
        let result = try TallyExecutable.start(arguments + ["--lock-timeout", "0.5"]).wait(timeout: 60)
        let elapsed = clock.now - start
        close(holder)
        #expect(result.status == 75)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "tally: \(workspace.log): another writer holds the log's lock (waited 0.5 s); nothing was written: retry in a moment\n")
        #expect(elapsed >= .milliseconds(500))
        #expect(workspace.logText == before)
        let retry = try TallyExecutable.run(arguments + ["--lock-timeout", "0"])
        #expect(retry.status == 0)
        #expect(retry.standardOutput.hasPrefix("recorded: ssl.certificate_updated for www.example.org"))
        #expect(workspace.logText.hasPrefix(before))
        #expect(workspace.logText.split(separator: "\n").count == before.split(separator: "\n").count + 1)
    }

    @Test("--lock-timeout takes seconds from 0 to 86400", arguments: ["-1", "abc", "1e3", "0.0001", "86401", ""])
    func badLockTimeout(_ value: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = Self.run(["ssl", "disable", "--account", "acct_blog", "--domain", "www.example.org", "--lock-timeout", value, workspace.log])
        #expect(result.status == .usage)
        #expect(result.error.hasPrefix("tally: --lock-timeout \(Printable.quoted(value)): expected a number of seconds from 0 to 86400, e.g. 30 or 0.5\nUsage: tally ssl disable "))
    }
}
