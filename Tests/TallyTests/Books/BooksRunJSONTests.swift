import Foundation
import Testing
@testable import Tally

/// The books' `run.json` (README, "Closing a month") is written by hand and
/// must be exactly what `JSONEncoder` writes of the run, and read back whole.
@Suite("Books: run.json is JSONEncoder's bytes, and decodes to the same run")
struct BooksRunJSONTests {
    static func foundation(_ run: InvoiceRun) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(run))
    }

    static func runs() throws -> [(String, InvoiceRun)] {
        let random = RandomLog(seed: 11, InvariantTests.noisy)
        let randomRun = try BillingPipeline(rateCards: InvariantTests.rates)
            .invoices(for: BillingPeriod("2026-10")!, [.text(random.text, name: "random \"quoted\"\\.jsonl")])
        // A rate card whose file name needs escaping.
        let card = Fixtures.card(name: "odd", from: "2012-06-01T00:00:00Z", rounding: .halfEven)
        let oddCard = RateCard(name: card.name, effectiveFrom: card.effectiveFrom, currency: card.currency, rounding: card.rounding,
                               pricePerMBHour: card.pricePerMBHour, sslEdgeMemoryMB: 160, file: "Rates/\"odd\"\\\n\u{1}é.json")
        var log = LogBuilder()
        log.createApp("a", at: "2026-10-01T00:00:00Z")
        log.deploy("a", "s", instances: 1, memoryMB: 32, at: "2026-10-01T00:00:00Z")
        let oddRun = try Fixtures.run(log, rates: try RateCardSet([oddCard]))
        return [("sample", try InvoiceRunTextTests.sampleRun()), ("held", try InvoiceRunHTMLTests.heldRun()),
                ("adjusted", AdjustedRuns.october2026), ("random", randomRun), ("odd card", oddRun)]
    }

    @Test("the sample run, a held one with rejected lines, one with adjustments and credits, a random noisy one, an odd card")
    func sameBytes() throws {
        for (name, run) in try Self.runs() {
            let written = try run.booksJSON()
            #expect(written == (try Self.foundation(run)), "\(name)")
            let decoded = try JSONDecoder().decode(InvoiceRun.self, from: Data(written))
            #expect(decoded == run, "\(name)")
        }
        #expect(try Self.runs().contains { $0.1.invoices.contains { !$0.rejectedLines.isEmpty } })
        #expect(try Self.runs().contains { !$0.1.heldAccountsWithoutInvoice.isEmpty })
    }
}
