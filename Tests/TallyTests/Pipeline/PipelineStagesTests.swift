import Foundation
import Testing
@testable import Tally

/// The benchmark times the stages one at a time (`PipelineStages`); what it
/// times must be the month-end run's work, giving the month-end run's result.
@Suite("Pipeline stages run one at a time give the month-end run's invoices")
struct PipelineStagesTests {
    @Test("the same JSON, stage by stage and streamed, on clean random logs", arguments: SplitMix64.testSeeds)
    func sameInvoices(seed: UInt64) throws {
        var options = RandomLog.Options()
        options.exactDuplicates = true
        let log = RandomLog(seed: seed, options)
        let inputs = [EventInput.text(log.text, name: "random.jsonl")]
        let period = BillingPeriod("2026-10")!

        let read = try PipelineStages.read(inputs)
        let replayed = PipelineStages.replay(read)
        let rated = try PipelineStages.meterAndRate(replayed, period: period, rateCards: InvariantTests.rates)
        let staged = try PipelineStages.assembleAndRender(rated, period: period, rateCards: InvariantTests.rates)

        let streamed = try MonthEndRun(period: period, rateCards: InvariantTests.rates).run(inputs)
        #expect(streamed.events.rejected == 0, "seed \(seed)")
        #expect(streamed.events.duplicates > 0, "seed \(seed)")
        #expect(rated.lineCount == streamed.invoices.reduce(0) { $0 + $1.lines.count }, "seed \(seed)")
        #expect(staged == streamed.json(), "seed \(seed)")
    }
}
