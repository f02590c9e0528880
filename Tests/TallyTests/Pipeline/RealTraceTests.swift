import Foundation
import Testing
@testable import Tally

/// The real production trace of ../shared/data (SOURCE.md gives the expected
/// result). It lives outside the repository; the test runs where it exists.
@Suite("The real trace, October 2026", .enabled(if: Fixtures.hasRealTrace))
struct RealTraceTests {
    @Test("28,765 events applied, 38 invoices, 270 lines, $201,923,906.43")
    func october() throws {
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates)
            .invoices(for: BillingPeriod("2026-10")!, [.file(Fixtures.realTrace.path)])
        #expect(run.events == EventCounts(lines: 28_765, applied: 28_765, duplicates: 0, rejected: 0))
        #expect(run.invoices.count == 38)
        #expect(run.invoices.reduce(0) { $0 + $1.lines.count } == 270)
        let mbSeconds = run.invoices.reduce(Int64(0)) { total, invoice in total + invoice.lines.reduce(0) { $0 + $1.mbSeconds } }
        #expect(mbSeconds == 3_876_939_003_864_576)
        let total = run.invoices.reduce(Int64(0)) { $0 + $1.total.minorUnits }
        #expect(total == 20_192_390_643)
        #expect(run.invoices.allSatisfy { $0.status == .final })
    }
}
