import Foundation
import Testing

@Suite("tally invoice, run as a user would")
struct InvoiceCommandTests {
    @Test("the sample log prints its invoices and exits 0")
    func sampleLog() throws {
        let result = try TallyExecutable.run(["invoice", "--month", "2026-10", "Tests/TallyTests/Fixtures/sample-events.jsonl"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        try Golden.check(result.standardOutput, named: "sample-2026-10.txt")
    }
}
