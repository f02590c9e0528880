import Foundation
import Testing
@testable import Tally

/// The ticket service's answers as JSON: each decodes back to the same value.
@Suite("the ticket service's answers as JSON (README, \"For the ticket service\")")
struct LedgerCodableTests {
    static let sample = EventInput.file(InProcess.sample)

    static func roundTrip<Value: Codable & Equatable>(_ value: Value, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        #expect(try JSONDecoder().decode(Value.self, from: Data(json.utf8)) == value, sourceLocation: sourceLocation)
        return json
    }

    @Test("a quote, an account's view and its cost, at two instants of the sample log")
    func ledgerAnswers() throws {
        let account = try AccountName("acct_blog")
        let early = try Ledger([Self.sample], at: Timestamp(rfc3339: "2026-10-04T00:00:00Z")!, rateCards: Fixtures.defaultRates)
        let quote = try early.sslQuote(application: ApplicationName("blog"), domain: DomainName("www.example.org"), for: account)
        let quoteJSON = try Self.roundTrip(quote)
        #expect(quoteJSON.contains(#""hourly":{"amount":"0.03","currency":"USD"}"#))
        #expect(quoteJSON.contains(#""at":"2026-10-04T00:00:00Z""#) && quoteJSON.contains(#""month":"2026-10""#))
        let later = try Ledger([Self.sample], at: Timestamp(rfc3339: "2026-10-20T00:00:00Z")!, rateCards: Fixtures.defaultRates)
        for ledger in [early, later] {
            let view = ledger.account(account)
            let viewJSON = try Self.roundTrip(view)
            #expect(viewJSON.contains(#""account":"acct_blog""#))
            let costJSON = try Self.roundTrip(try ledger.cost(of: account))
            #expect(costJSON.contains(#""expected_month_end_total":{"amount":"#))
        }
        let edges = later.sslEdges(of: account)
        #expect(edges.count == 1)
        let edgeJSON = try Self.roundTrip(try #require(edges.first))
        #expect(edgeJSON.contains(#""application_destroyed_at":"2026-10-15T00:00:00Z","application_exists":false"#))
        let labs = try Self.roundTrip(later.account(try AccountName("acct_labs")))
        #expect(labs.contains(#""memory_mb":512"#) && labs.contains(#""reserved_mb":"#))
    }

    @Test("every invoice and line of the sample log, and of the real trace",
          arguments: ["sample"] + (Fixtures.hasRealTrace ? ["real trace"] : []))
    func invoices(log: String) throws {
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates)
            .invoices(for: BillingPeriod("2026-10")!, [log == "sample" ? Self.sample : Fixtures.realTraceLog])
        #expect(!run.invoices.isEmpty)
        for invoice in run.invoices {
            _ = try Self.roundTrip(invoice)
        }
        let line = try Self.roundTrip(try #require(run.invoices.first?.lines.first))
        #expect(line.contains(#""usage_start":"# ) && line.contains(#""rate_card":{"currency":"USD""#))
    }

    @Test("a held invoice with its rejected lines, invalid UTF-8 and rule violations included")
    func heldInvoice() throws {
        var log = LogBuilder(account: "acct_shop")
        log.createApp("shop", at: "2026-10-01T00:00:00Z")
        log.deploy("shop", "www", instances: 1, memoryMB: 128, at: "2026-10-01T00:00:00Z")
        log.add("service.scaled", at: "2026-10-02T00:00:00Z", ["app": "shop", "service": "db", "instances": 2])
        log.add("application.created", at: "2026-10-03T00:00:00Z", ["app": "x", "flavor": "gold"])
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates)
            .invoices(for: BillingPeriod("2026-10")!, [.text(log.text, name: "held.jsonl")])
        let invoice = try #require(run.invoices.first)
        #expect(invoice.status == .held && invoice.rejectedLines.count == 2)
        let json = try Self.roundTrip(invoice)
        #expect(json.contains(#""code":"rule_violation""#) && json.contains(#""message":"service db does not exist in application shop""#))
        let binary = Rejection(location: SourceLocation(file: "held.jsonl", line: 9), eventID: nil, account: nil, time: nil,
                               reason: .invalidUTF8, originalLine: [0x7B, 0xFF, 0xFE, 0x7D])
        let binaryJSON = try Self.roundTrip(binary)
        #expect(binaryJSON.contains(#""line":null"#) && binaryJSON.contains(#""line_base64":"e//+fQ==""#))
        let long = Rejection(location: SourceLocation(file: "a", line: 1), eventID: "e1", account: try AccountName("a"),
                             time: Timestamp(secondsSinceEpoch: 0), reason: .lineTooLong(length: 2_000_000, limit: 1 << 20),
                             originalLine: Array("{".utf8))
        _ = try Self.roundTrip(long)
    }
}
