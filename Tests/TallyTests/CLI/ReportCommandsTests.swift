import Foundation
import Testing
import TallyCommands

@Suite("the report commands, run as a user would")
struct ReportCommandsTests {
    static let sample = "Tests/TallyTests/Fixtures/sample-events.jsonl"
    /// A UTF-8 locale with nothing else set, and the C locale.
    static let utf8 = ["LC_ALL": "", "LC_CTYPE": "", "LANG": "en_US.UTF-8"]
    static let cLocale = ["LC_ALL": "", "LC_CTYPE": "", "LANG": "C"]

    static func golden(_ name: String) throws -> String {
        try String(contentsOf: Golden.directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("tally invoice --format csv prints the CSV export")
    func invoiceCSV() throws {
        let result = try TallyExecutable.run(["invoice", "--month", "2026-10", "--format", "csv", Self.sample])
        #expect(result.status == 0 && result.standardError == "")
        #expect(result.standardOutput == (try Self.golden("sample-2026-10.csv")))
    }

    @Test("tally summary prints the month summary, as text or JSON")
    func summary() throws {
        let text = try TallyExecutable.run(["summary", "--month", "2026-10", Self.sample])
        #expect(text.status == 0 && text.standardError == "")
        #expect(text.standardOutput == (try Self.golden("summary-sample-2026-10.txt")))
        let json = try TallyExecutable.run(["summary", "--month", "2026-10", "--format", "json", Self.sample])
        #expect(json.status == 0)
        #expect(json.standardOutput == (try Self.golden("summary-sample-2026-10.json")))
    }

    @Test("tally usage draws blocks in a UTF-8 locale, ASCII in the C locale or with --ascii", arguments: [
        (["--account", "acct_labs"], ReportCommandsTests.utf8, "usage-sample-acct_labs.txt"),
        (["--account", "acct_labs"], ReportCommandsTests.cLocale, "usage-sample-acct_labs-ascii.txt"),
        (["--account", "acct_labs", "--ascii"], ReportCommandsTests.utf8, "usage-sample-acct_labs-ascii.txt"),
        (["--account", "acct_labs"], ["LC_ALL": "C", "LC_CTYPE": "", "LANG": "en_US.UTF-8"], "usage-sample-acct_labs-ascii.txt"),
        (["--account", "acct_labs"], ["LC_ALL": "", "LC_CTYPE": "de_DE.utf8", "LANG": "C"], "usage-sample-acct_labs.txt"),
        (["--account", "acct_labs"], ["LC_ALL": "", "LC_CTYPE": "", "LANG": ""], "usage-sample-acct_labs-ascii.txt"),
        (["--account", "acct_blog"], ReportCommandsTests.utf8, "usage-sample-acct_blog.txt"),
        (["--account", "acct_blog", "--format", "json"], ReportCommandsTests.cLocale, "usage-sample-acct_blog.json"),
    ])
    func usage(options: [String], environment: [String: String], golden: String) throws {
        let result = try TallyExecutable.run(["usage", "--month", "2026-10"] + options + [Self.sample], environment: environment)
        #expect(result.status == 0 && result.standardError == "")
        #expect(result.standardOutput == (try Self.golden(golden)))
    }

    @Test("tally explain names the events by id and file:line, from files or standard input")
    func explain() throws {
        let result = try TallyExecutable.run(["explain", "--account", "acct_shop", "--month", "2026-10", Self.sample])
        #expect(result.status == 0 && result.standardError == "")
        #expect(result.standardOutput.contains("""
              Interval 1 of 2: 2026-10-01T00:00:00Z to 2026-10-10T12:00:00Z
                Started by    before the month: s-2 at \(Self.sample):2
                Ended by      s-3 at \(Self.sample):3

            """))
        #expect(result.standardOutput.contains("(Rates/dotcloud-2012-06.json)"))
        #expect(result.standardOutput.contains("= 65.664 USD exactly\n                -> 65.66 USD, rounded half-up to 0.01\n"))

        let input = try Data(contentsOf: Fixtures.root.appendingPathComponent(Self.sample))
        let piped = try TallyExecutable.run(["explain", "--account", "acct_blog", "--month", "2026-10", "--line", "2"], input: input)
        #expect(piped.status == 0)
        #expect(piped.standardOutput.contains("""
              Interval 2 of 2: 2026-10-15T00:00:00Z to 2026-11-01T00:00:00Z
                Started by    b-6 at -:10
                Ended by      after the month: b-7 at -:11

            """))
        #expect(piped.standardOutput.contains("  Lines           1 of 2 explained\n"))

        let json = try TallyExecutable.run(["explain", "--account=acct_blog", "--month=2026-10", "--domain", "WWW.Example.org",
                                            "--format", "json", Self.sample])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let lines = try #require(document["lines"] as? [[String: Any]])
        #expect(lines.map { $0["line"] as? Int } == [2])
    }

    @Test("--output writes the report atomically and prints nothing", arguments: [
        ["invoice", "--month", "2026-10", "--format", "csv"],
        ["invoice", "--month", "2026-10"],
        ["summary", "--month", "2026-10"],
        ["usage", "--account", "acct_labs", "--month", "2026-10"],
        ["explain", "--account", "acct_labs", "--month", "2026-10", "--line", "3"],
    ])
    func output(arguments: [String]) throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.out")
        try "old contents".write(to: file, atomically: true, encoding: .utf8)
        let printed = try TallyExecutable.run(arguments + [Self.sample], environment: Self.utf8)
        let written = try TallyExecutable.run(arguments + ["--output", file.path, Self.sample], environment: Self.utf8)
        #expect(written.status == 0 && printed.status == 0)
        #expect(written.standardOutput == "" && written.standardError == "")
        #expect(try String(contentsOf: file, encoding: .utf8) == printed.standardOutput)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.out"])
    }

    @Test("--output into a missing folder is a usage error and writes nothing")
    func outputFolderMissing() throws {
        let result = try TallyExecutable.run(["summary", "--month", "2026-10", "--output", "/nonexistent-tally/report.txt", Self.sample])
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "tally: --output /nonexistent-tally/report.txt: cannot be written: No such file or directory; "
            + "check that its folder exists and is writable\n")
    }

    static let usageUsage = "Usage: tally usage --account ACCOUNT --month YYYY-MM [options] [FILE ...]\n"
        + "Run tally help usage for every option.\n"
    static let summaryUsage = "Usage: tally summary --month YYYY-MM [options] [FILE ...]\nRun tally help summary for every option.\n"
    static let explainUsage = "Usage: tally explain --account A --month YYYY-MM [--line N|ID | --service APP/SERVICE | --domain D] "
        + "[options] [FILE ...]\nRun tally help explain for every option.\n"
    static let inProcessSample = InProcess.sample

    static let failureCases: [([String], ExitCode, String?)] = [
        (["usage", "--month", "2026-10", inProcessSample], ExitCode.usage, "tally: --account ACCOUNT is required\n" + usageUsage),
        (["usage", "--account", "a b", "--month", "2026-10", inProcessSample], .usage,
         "tally: --account: field \"account\" must be 1–64 characters from A–Z a–z 0–9 . _ -, got \"a b\"\n" + usageUsage),
        (["summary", "--month", "2026-13", inProcessSample], .usage,
         "tally: --month \"2026-13\": expected YYYY-MM, e.g. 2026-10\n" + summaryUsage),
        (["summary", "--month", "2026-10", "--format", "html", inProcessSample], .usage,
         "tally: --format \"html\": expected text, json or csv\n" + summaryUsage),
        (["explain", "--account", "acct_shop", "--month", "2026-10", "--format", "csv", inProcessSample], .usage,
         "tally: --format \"csv\": expected text or json\n" + explainUsage),
        (["explain", "--account", "acct_shop", "--month", "2026-10", "--line", "0", inProcessSample], .usage,
         "tally: --line \"0\": expected a line number from 1, or a line id such as li-5a7ec1b6d8e3f402\n" + explainUsage),
        (["explain", "--account", "acct_shop", "--month", "2026-10", "--line", "2", inProcessSample], .usage,
         "tally: INV-202610-acct_shop has no line 2; its lines are 1 to 1\n"),
        (["explain", "--account", "acct_none", "--month", "2026-10", inProcessSample], .usage,
         "tally: account acct_none has no invoice for 2026-10 (no billable usage); check --account and --month\n"),
        (["explain", "--account", "acct_shop", "--month", "2026-10", "--line", "1", "--service", "shop/www", inProcessSample], .usage,
         "tally: --line and --service can't be combined; give at most one\n" + explainUsage),
        (["explain", "--account", "acct_shop", "--month", "2026-10", "--service", "shop/db", inProcessSample], .usage,
         "tally: INV-202610-acct_shop has no line for service shop/db; run without --line, --service or --domain to explain every line\n"),
        (["usage", "--account", "acct_shop", "--month", "2026-10", "missing.jsonl"], .noInput,
         "tally: missing.jsonl: no such file; check the path\n"),
        (["explain", "--account", "acct_shop", "--month", "2026-10", "--rates", "Tests", inProcessSample], .configuration, nil),
    ]

    @Test("mistakes and failures exit with the documented codes; a usage mistake is followed by the command's usage",
          arguments: failureCases)
    func failures(arguments: [String], status: ExitCode, message: String?) throws {
        let result = InProcess.run(arguments)
        #expect(result.status == status)
        #expect(result.standardOutput == "")
        if let message { #expect(result.standardError == message) }
    }

    @Test("rejected lines go to standard error, the report is still printed, and the exit code is 65")
    func rejected() throws {
        var log = LogBuilder()
        log.createApp("shop", at: "2026-10-01T00:00:00Z")
        log.deploy("shop", "www", instances: 1, memoryMB: 128, at: "2026-10-01T00:00:00Z")
        log.add("service.scaled", at: "2026-10-02T00:00:00Z", ["app": "shop", "service": "db", "instances": 2])
        for command in [["summary"], ["usage", "--account", "acct_1"], ["explain", "--account", "acct_1"]] {
            let result = try TallyExecutable.run(command + ["--month", "2026-10", "-"], input: Data(log.text.utf8),
                                                 environment: Self.utf8)
            #expect(result.status == 65, "\(command)")
            // The rejected line, then the closing summary.
            let lines = result.standardError.split(separator: "\n")
            #expect(lines.first == "-:3: e3: service db does not exist in application shop", "\(command)")
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("tally: ") || $0.hasPrefix("  ") }, "\(command)")
            #expect(lines.last?.hasPrefix("tally: next: run tally invoice --month 2026-10 --rejects FILE") == true, "\(command)")
            #expect(result.standardOutput.contains("Events: 3 lines read, 2 applied, 0 duplicates, 1 rejected\n"), "\(command)")
        }
    }

    @Test("tally --help lists the report commands")
    func help() throws {
        let result = try TallyExecutable.run(["--help"])
        for command in ["invoice", "summary", "usage", "explain"] {
            #expect(result.standardOutput.contains("\n  \(command) "))
        }
        for command in ["summary", "usage", "explain"] {
            let help = try TallyExecutable.run([command, "--help"])
            #expect(help.status == 0 && help.standardOutput.hasPrefix("Usage: tally \(command) "))
        }
    }
}
