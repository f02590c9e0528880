import Foundation
import Testing
@testable import Tally

/// The invoice run's hand-written JSON must be exactly Foundation's bytes.
@Suite("InvoiceRunJSONWriter writes what JSONEncoder writes")
struct InvoiceRunJSONWriterTests {
    static func foundation(_ run: InvoiceRun) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(ReferenceRunDocument.document(run)), as: UTF8.self) + "\n"
    }

    @Test("the sample log, a held invoice, no invoice at all, and a random noisy log")
    func sameBytes() throws {
        let sample = try InvoiceRunTextTests.sampleRun()
        #expect(InvoiceRunJSONWriter.write(sample) == (try Self.foundation(sample)))

        var held = LogBuilder()
        held.addRaw(#"{"id":"x","time":"2026-10-01T00:00:00Z","type":"application.created","account":"acct_a","app":"a","flavor":"gold"}"#)
        held.createApp("a", at: "2026-10-01T00:00:00Z", account: "acct_a")
        held.deploy("a", "s", instances: 1, memoryMB: 32, at: "2026-10-01T00:00:00Z", account: "acct_a")
        let heldRun = try Fixtures.run(held)
        #expect(heldRun.invoices.first?.status == .held)
        #expect(InvoiceRunJSONWriter.write(heldRun) == (try Self.foundation(heldRun)))

        var empty = LogBuilder()
        empty.createApp("free", "sandbox", at: "2026-10-01T00:00:00Z")
        empty.addRaw(#"{"id":"z","time":"2026-10-02T00:00:00Z","type":"application.created","account":"acct_z","app":"a","flavor":"gold"}"#)
        let emptyRun = try Fixtures.run(empty)
        #expect(emptyRun.invoices.isEmpty)
        #expect(emptyRun.heldAccountsWithoutInvoice.map(\.account.text) == ["acct_z"])
        #expect(InvoiceRunJSONWriter.write(emptyRun) == (try Self.foundation(emptyRun)))
        #expect(InvoiceRunJSONWriter.write(emptyRun).contains(#""held_without_invoice" : ["#))

        let random = RandomLog(seed: 7, InvariantTests.noisy)
        let randomRun = try BillingPipeline(rateCards: InvariantTests.rates)
            .invoices(for: BillingPeriod("2026-10")!, [.text(random.text, name: "random.jsonl")])
        #expect(randomRun.invoices.count > 1)
        #expect(InvoiceRunJSONWriter.write(randomRun) == (try Self.foundation(randomRun)))
    }

    @Test("the document is written into a string of the bounded size; one too small is retried larger, same bytes")
    func capacity() throws {
        let random = RandomLog(seed: 42, InvariantTests.noisy)
        let run = try BillingPipeline(rateCards: InvariantTests.rates)
            .invoices(for: BillingPeriod("2026-11")!, [.text(random.text, name: "random.jsonl")])
        let document = InvoiceRunJSONWriter.write(run)
        #expect(run.invoices.count > 1)
        #expect(document == (try Self.foundation(run)))
        #expect(InvoiceRunJSONWriter.upperBound(run) >= document.utf8.count)
        #expect(InvoiceRunJSONWriter.write(run, capacity: 100) == document)
        #expect(InvoiceRunJSONWriter.write(run, capacity: document.utf8.count) == document)
        #expect(InvoiceRunJSONWriter.write(run, capacity: document.utf8.count - 1) == document)
    }

    @Test("the document in pieces is the same bytes, each piece but the last at least the piece size",
          arguments: [1, 700, 1 << 20])
    func pieces(pieceSize: Int) throws {
        let random = RandomLog(seed: 42, InvariantTests.noisy)
        let run = try BillingPipeline(rateCards: InvariantTests.rates)
            .invoices(for: BillingPeriod("2026-11")!, [.text(random.text, name: "random.jsonl")])
        var pieces: [[UInt8]] = []
        InvoiceRunJSONWriter.write(run, pieceSize: pieceSize) { pieces.append($0) }
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == InvoiceRunJSONWriter.write(run))
        #expect(pieces.dropLast().allSatisfy { $0.count >= pieceSize })
        switch pieceSize {
        case 1: #expect(pieces.count == run.invoices.count + 2)   // the head, each invoice, the tail
        case 1 << 20: #expect(pieces.count == 1)                   // the document is smaller
        default: #expect(pieces.count > 2)
        }
    }
}
