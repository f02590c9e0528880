import Foundation
import Testing
@testable import Tally
@testable import TallyCommands

/// Every help text and every text report fits in 120 columns on the sample log
/// and on the real trace (README, "Command reference"); help is ASCII, so it
/// stays aligned in the C locale.
@Suite("120 columns: every help text and every text report, on the sample log and the real trace")
struct ReportWidthTests {
    /// The logs: the sample, and the real trace when it is on this machine.
    static let logs = ["sample"] + (Fixtures.hasRealTrace ? ["real trace"] : [])
    static let october = MonthRun("2026-10")

    static func input(_ log: String) -> EventInput {
        log == "sample" ? .file(InProcess.sample) : Fixtures.realTraceLog
    }

    /// The lines of `text` wider than 120 characters, with their report's name.
    static func wideLines(_ text: String, _ name: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.count > ReportText.width }
            .map { "\(name): \($0.count) columns: \($0)" }
    }

    @Test("every help text is ASCII and at most 120 columns wide")
    func helpTexts() {
        let texts = [("tally --help", TallyCommandLine.help)] + TallyCommandLine.commands.map { ("tally help \($0.name)", $0.help) }
        for (name, text) in texts {
            #expect(Self.wideLines(text, name) == [])
            #expect(text.utf8.allSatisfy { $0 < 0x80 }, "\(name) is not ASCII")
            #expect(!text.contains("\t"), "\(name) has a tab")
        }
        for command in TallyCommandLine.commands {
            #expect(("Usage: " + command.synopsis).count <= ReportText.width, "\(command.name)")
        }
    }

    @Test("the invoices and the month summary", arguments: logs)
    func monthReports(log: String) throws {
        let run = try Self.october.run([Self.input(log)])
        #expect(Self.wideLines(run.text(), "invoice \(log)") == [])
        #expect(Self.wideLines(try MonthSummary(run).text(), "summary \(log)") == [])
    }

    @Test("every account's usage chart (blocks and ASCII) and explanation", arguments: logs)
    func accountReports(log: String) throws {
        let run = try Self.october.run([Self.input(log)])
        #expect(!run.invoices.isEmpty)
        for invoice in run.invoices {
            var usage = try Self.october.usageReport(for: invoice.account, [Self.input(log)])
            for ramp in ChartRamp.allCases {
                usage.ramp = ramp
                #expect(Self.wideLines(usage.text(), "usage \(invoice.account) \(log)") == [])
            }
            let explanation = try Self.october.explanation(of: invoice.account, [Self.input(log)])
            #expect(explanation.lines.count == invoice.lines.count)
            #expect(Self.wideLines(explanation.text(), "explain \(invoice.account) \(log)") == [])
        }
    }

    @Test("every account's statement and SSL edges at three instants", arguments: logs)
    func ledgerReports(log: String) throws {
        let accounts = try Self.october.run([Self.input(log)]).invoices.map(\.account)
        for instant in ["2026-10-04T00:00:00Z", "2026-10-10T00:00:00Z", "2026-10-20T00:00:00Z"] {
            let ledger = try Ledger([Self.input(log)], at: Timestamp(rfc3339: instant)!, rateCards: Fixtures.defaultRates)
            for account in accounts {
                let statement = AccountStatement(view: ledger.account(account), cost: try ledger.cost(of: account))
                #expect(Self.wideLines(statement.text(), "account \(account) \(instant) \(log)") == [])
                #expect(Self.wideLines(try SSLEdgeList(of: account, in: ledger).text(), "ssl list \(account) \(log)") == [])
            }
        }
    }

    @Test("the SSL quote, the bundle check and the recording receipt of the sample log")
    func ticketReports() throws {
        let ledger = try Ledger([.file(InProcess.sample)], at: Timestamp(rfc3339: "2026-10-04T00:00:00Z")!, rateCards: Fixtures.defaultRates)
        let quote = try ledger.sslQuote(application: ApplicationName("blog"), domain: DomainName("www.example.org"),
                                        for: AccountName("acct_blog"))
        #expect(Self.wideLines(quote.text(), "ssl quote") == [])
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = try CertificateBundleCheck.check(directory: folder.path)
        #expect(!bundle.isAcceptable)
        #expect(Self.wideLines(bundle.text(), "ssl check") == [])
        let event = Event(id: try EventID("ticket-4711"), time: Timestamp(rfc3339: "2026-10-20T00:00:00Z")!,
                          account: try AccountName("acct_blog"), action: .sslCertificateUpdated(domain: try DomainName("www.example.org")))
        for outcome in [RecordingOutcome.recorded(event), .alreadyRecorded(event)] {
            #expect(Self.wideLines(RecordingReceipt(outcome, log: folder.appendingPathComponent("events.jsonl").path).text(),
                                   "receipt") == [])
        }
    }
}
