import Foundation
import Testing
@testable import Tally
@testable import TallyCommands

@Suite("command-line conventions: help, usage, standard streams, locale (README, \"Command reference\")")
struct CommandLineConventionsTests {
    static let sample = InProcess.sample
    /// Every command's name, as typed after `tally`.
    static let names = TallyCommandLine.commands.map(\.name)

    @Test("--output - writes the report to standard output, as without --output", arguments: [
        ["invoice", "--month", "2026-10"], ["invoice", "--month", "2026-10", "--format", "csv"], ["summary", "--month", "2026-10"],
        ["usage", "--account", "acct_labs", "--month", "2026-10"], ["explain", "--account", "acct_blog", "--month", "2026-10"],
    ])
    func outputDash(arguments: [String]) {
        let plain = InProcess.run(arguments + [Self.sample])
        let dash = InProcess.run(arguments + ["--output", "-", Self.sample])
        #expect(dash.status == .success && dash.standardError == "")
        #expect(!dash.standardOutput.isEmpty && dash.standardOutput == plain.standardOutput)
        #expect(!FileManager.default.fileExists(atPath: "-"))
    }

    @Test("--rejects - is refused: standard output carries the report")
    func rejectsDash() {
        let result = InProcess.run(["invoice", "--month", "2026-10", "--rejects", "-", Self.sample])
        #expect(result.status == .usage && result.standardOutput == "")
        #expect(result.standardError.hasPrefix("tally: --rejects \"-\": expected a file (standard output carries the report)\n"))
    }

    @Test("tally help NAME, tally NAME --help and tally NAME -h print that command's help only", arguments: names)
    func help(name: String) throws {
        let words = name.split(separator: " ").map(String.init)
        let command = try #require(TallyCommandLine.commands.first { $0.name == name })
        for arguments in [["help"] + words, words + ["--help"], words + ["-h"], words + ["--month", "2026-10", "--help"]] {
            let result = InProcess.run(arguments)
            #expect(result.status == .success, "\(arguments)")
            #expect(result.standardError == "", "\(arguments)")
            #expect(result.standardOutput == command.help + "\n", "\(arguments)")
        }
        #expect(command.help.hasPrefix("Usage: tally \(name) "))
        #expect(!command.help.contains("Commands:"))
    }

    @Test("tally ssl help quote is tally help ssl quote; tally help alone is the general help")
    func helpForms() {
        #expect(InProcess.run(["ssl", "help", "quote"]).standardOutput == InProcess.run(["help", "ssl", "quote"]).standardOutput)
        #expect(InProcess.run(["ssl", "quote", "--help"]).standardOutput.hasPrefix("Usage: tally ssl quote --account A"))
        let general = InProcess.run(["help"])
        #expect(general.status == .success && general.standardOutput == InProcess.run(["--help"]).standardOutput)
        for command in ["invoice", "close", "summary", "usage", "explain", "account", "ssl"] {
            #expect(general.standardOutput.contains("\n  \(command) "))
        }
    }

    @Test("help for what does not exist is a usage error", arguments: [
        (["help", "bogus"], "tally: unknown command bogus; run tally --help\n"
            + "Usage: tally COMMAND [options]   (commands: invoice, close, summary, usage, explain, account, ssl)\n"),
        (["help", "ssl", "renew"], "tally: unknown ssl subcommand renew; run tally ssl --help\n"),
        (["help", "invoice", "extra"], "tally: help invoice takes no arguments, got extra\n"),
    ])
    func helpErrors(arguments: [String], message: String) {
        let result = InProcess.run(arguments)
        #expect(result.status == .usage && result.standardOutput == "")
        #expect(result.standardError == message)
    }

    @Test("a usage error is followed by the command's one-line usage, every command", arguments: names.filter { $0 != "ssl" })
    func usageLine(name: String) throws {
        let command = try #require(TallyCommandLine.commands.first { $0.name == name })
        let result = InProcess.run(name.split(separator: " ").map(String.init) + ["--bogus"])
        #expect(result.status == .usage)
        #expect(result.standardError == "tally: unknown option --bogus\nUsage: \(command.synopsis)\nRun tally help \(name) for every option.\n")
        #expect(command.synopsis.hasPrefix("tally \(name) ") && command.synopsis.count + "Usage: ".count <= 120)
    }

    @Test("reading standard input from a terminal says so on standard error", arguments: [
        ["invoice", "--month", "2026-10"], ["summary", "--month", "2026-10", "-"], ["usage", "--account", "a", "--month", "2026-10"],
        ["explain", "--account", "a", "--month", "2026-10"], ["account", "--account", "a"],
        ["ssl", "list", "--account", "a"], ["ssl", "quote", "--account", "a", "--app", "x", "--domain", "d.example"],
    ])
    func terminalInput(arguments: [String]) {
        let notice = "tally: reading the event log from standard input (a terminal); end it with Ctrl-D, or give the log as FILE\n"
        #expect(InProcess.run(arguments, inputIsTerminal: true).standardError.hasPrefix(notice))
        #expect(!InProcess.run(arguments, inputIsTerminal: false).standardError.contains("reading the event log"))
        let withFile = arguments.last == "-" ? Array(arguments.dropLast()) : arguments
        #expect(!InProcess.run(withFile + [Self.sample], inputIsTerminal: true).standardError.contains("reading the event log"))
    }

    @Test("messages and text reports are ASCII when the locale is not UTF-8, and keep their characters when it is")
    func asciiMessages() throws {
        var log = LogBuilder(account: "acct_shop")
        log.createApp("shop", at: "2026-10-01T00:00:00Z")
        log.deploy("shop", "www", instances: 1, memoryMB: 128, at: "2026-10-01T00:00:00Z")
        log.add("service.scaled", at: "2026-10-02T00:00:00Z", ["app": "a b", "service": "www", "instances": 2])
        let arguments = ["invoice", "--month", "2026-10", "-"]
        let ascii = InProcess.run(arguments, environment: InProcess.cLocale, input: log.text)
        #expect(ascii.status == .dataError)
        #expect(ascii.standardError.contains("must be 1-64 characters from A-Z a-z 0-9 . _ -"))
        #expect(ascii.standardOutput.contains("must be 1-64 characters from A-Z a-z 0-9 . _ -"))
        #expect((ascii.standardOutput + ascii.standardError).utf8.allSatisfy { $0 < 0x80 })
        let utf8 = InProcess.run(arguments, environment: InProcess.utf8, input: log.text)
        #expect(utf8.standardError.contains("must be 1–64 characters from A–Z a–z 0–9 . _ -"))
        #expect(utf8.standardOutput.contains("must be 1–64 characters from A–Z a–z 0–9 . _ -"))
        // Data formats are not messages: the same bytes whatever the locale.
        for format in ["json", "csv"] {
            let arguments = ["invoice", "--month", "2026-10", "--format", format, "-"]
            #expect(InProcess.run(arguments, environment: InProcess.cLocale, input: log.text).standardOutput
                == InProcess.run(arguments, environment: InProcess.utf8, input: log.text).standardOutput)
        }
    }

    @Test("ASCII stand-ins for the typographic characters of messages", arguments: [
        ("1–64 characters", "1-64 characters"), ("cut…", "cut..."), ("a → b", "a -> b"), ("3 × 4", "3 x 4"),
        ("SPEC §6", "SPEC section 6"), ("≥ 0", ">= 0"), ("naïve path é", "naïve path é"), ("plain", "plain"),
    ])
    func asciiText(text: String, expected: String) {
        #expect(ASCIIText.fallback(text) == expected)
    }

    @Test("the locale is the first of LC_ALL, LC_CTYPE, LANG that is set and not empty", arguments: [
        ([:], false), (["LANG": "C.UTF-8"], true), (["LANG": "en_US.utf8"], true), (["LC_ALL": "C", "LANG": "en_US.UTF-8"], false),
        (["LC_ALL": "", "LC_CTYPE": "de_DE.UTF-8", "LANG": "C"], true), (["LANG": "POSIX"], false),
    ] as [([String: String], Bool)])
    func locale(environment: [String: String], isUTF8: Bool) {
        let context = CommandContext(console: .capturing(), environment: environment, now: { Timestamp(secondsSinceEpoch: 0) })
        #expect(context.isUTF8Locale == isUTF8)
    }
}
