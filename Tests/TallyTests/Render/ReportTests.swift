import Foundation
import Testing
@testable import Tally

@Suite("reports are values that render themselves (README, \"Reports for operators\")")
struct ReportTests {
    static let october = MonthRun("2026-10")

    @Test("each kind of report lists the formats it renders, text first")
    func formats() {
        #expect(InvoiceRun.formats == [.text, .json, .csv, .html])
        #expect(MonthSummary.formats == [.text, .json, .csv])
        #expect(UsageReport.formats == [.text, .json, .csv])
        #expect(ChargeExplanation.formats == [.text, .json])
        #expect(AccountStatement.formats == [.text, .json])
        #expect(SSLQuote.formats == [.text, .json])
        #expect(SSLEdgeList.formats == [.text, .json])
        #expect(BundleCheckResult.formats == [.text, .json])
        #expect(RecordingReceipt.formats == [.text, .json])
    }

    @Test("rendered(as:) is the format's own rendering")
    func rendered() throws {
        let run = try Self.october.run([Fixtures.sampleLog])
        #expect(try run.rendered(as: .text) == run.text())
        #expect(try run.rendered(as: .json) == run.json())
        #expect(try run.rendered(as: .csv) == run.csv())
        let summary = try MonthSummary(run)
        #expect(try summary.rendered(as: .text) == summary.text())
        #expect(try summary.rendered(as: .json) == summary.json())
    }

    @Test("a format a report does not have is an error naming the ones it has")
    func unsupported() throws {
        let summary = try MonthSummary(try Self.october.run([Fixtures.sampleLog]))
        #expect(throws: UnsupportedReportFormat(format: .html, supported: [.text, .json, .csv])) {
            try summary.rendered(as: .html)
        }
        #expect(UnsupportedReportFormat(format: .csv, supported: [.text, .json]).description == "no csv form; expected text or json")
        #expect(UnsupportedReportFormat.choices([.text, .json, .csv, .html]) == "text, json, csv or html")
    }

    @Test("the recording receipt, as text and JSON")
    func receipt() throws {
        let event = Event(id: try EventID("ticket-4711"), time: Timestamp(rfc3339: "2026-10-20T00:00:00Z")!,
                          account: try AccountName("acct_blog"),
                          action: .sslEnabled(app: try ApplicationName("blog"), domain: try DomainName("www.example.org")))
        let recorded = RecordingReceipt(.recorded(event), log: "events.jsonl")
        #expect(recorded.text() == """
            recorded: ssl.enabled for www.example.org (application blog), account acct_blog, at 2026-10-20T00:00:00Z, id
              ticket-4711; appended to events.jsonl

            """)
        #expect(RecordingReceipt(.alreadyRecorded(event), log: "events.jsonl").text()
            == "already recorded: id ticket-4711 is in events.jsonl with the same content; nothing written\n")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(recorded.json().utf8)) as? [String: Any])
        #expect(document["outcome"] as? String == "recorded")
        #expect(document["log"] as? String == "events.jsonl")
        let fields = try #require(document["event"] as? [String: String])
        #expect(fields == ["id": "ticket-4711", "time": "2026-10-20T00:00:00Z", "type": "ssl.enabled",
                           "account": "acct_blog", "app": "blog", "domain": "www.example.org"])
    }

    @Test("the bundle check result is acceptable with warnings, not with a problem")
    func bundle() {
        let warning = BundleCheckResult(directory: "bundle", findings: [.certificates(file: "ssl.crt", count: 1), .noChain])
        #expect(warning.isAcceptable)
        #expect(warning.text().hasSuffix("Result: acceptable, with 1 warning\n"))
        let problem = BundleCheckResult(directory: "bundle", findings: [.missing(file: "ssl.key"), .noChain])
        #expect(!problem.isAcceptable)
        #expect(problem.text().hasSuffix("Result: 1 problem; the customer must fix it before support installs the bundle\n"))
        #expect(problem.json().contains("\"acceptable\" : false"))
    }
}
