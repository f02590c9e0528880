import Foundation
import Testing
@testable import Tally

/// Invariants over seeded random logs of thousands of events across several
/// months, with noise (SPEC §2.1, §3 and §6; README, "Bad input, held invoices
/// and strict mode"). A failure names its seed; replay it with
/// `TALLY_SEED=<seed> swift test --filter InvariantTests`.
@Suite("Invariants over seeded random logs")
struct InvariantTests {
    /// Two cards, so that November splits at a price change.
    static let rates = try! RateCardSet([
        Fixtures.card(name: "dotcloud-2012-06", from: "2012-06-01T00:00:00Z"),
        Fixtures.card(name: "raise-2026-11", from: "2026-11-15T12:00:00Z", live: "0.0002", enterprise: "0.00025"),
    ])

    static let noisy = RandomLog.Options(garbage: true, ruleBreakers: true, exactDuplicates: true, conflictingDuplicates: true)

    func run(_ text: String, _ month: String) throws -> InvoiceRun {
        try BillingPipeline(rateCards: Self.rates).invoices(for: BillingPeriod(month)!, [.text(text, name: "random.jsonl")])
    }

    /// What must not change: everything but where rejected lines were found.
    func essence(_ run: InvoiceRun) -> [String] {
        run.invoices.map { invoice in
            "\(invoice.number) \(invoice.status) \(invoice.rejectedLineCount) \(invoice.total) "
                + invoice.lines.map { "\($0.kind)/\($0.application)/\($0.service?.text ?? "")/\($0.domain?.text ?? "")/\($0.flavor)/\($0.rateCard.name)/\($0.mbSeconds)/\($0.amount)" }
                .joined(separator: ",")
        }
    }

    @Test("every total is the sum of its lines; every line is accounted for once", arguments: SplitMix64.testSeeds)
    func totalsAndCounts(seed: UInt64) throws {
        let log = RandomLog(seed: seed, Self.noisy)
        for month in ["2026-09", "2026-10", "2026-11", "2026-12"] {
            let run = try run(log.text, month)
            #expect(run.events.isBalanced, "seed \(seed) \(month): \(run.events)")
            #expect(run.events.lines == log.lines.count, "seed \(seed)")
            for invoice in run.invoices {
                #expect(invoice.total.minorUnits == invoice.lines.reduce(0) { $0 + $1.amount.minorUnits }, "seed \(seed) \(invoice.number)")
                #expect(!invoice.lines.isEmpty, "seed \(seed)")
            }
        }
    }

    @Test("October plus November equals each service's usage over both months, no second twice or never",
          arguments: SplitMix64.testSeeds)
    func servicesOverTwoMonths(seed: UInt64) throws {
        let log = RandomLog(seed: seed, Self.noisy)
        var billed: [RandomLog.ServiceKey: Int64] = [:]
        for month in ["2026-10", "2026-11"] {
            for invoice in try run(log.text, month).invoices {
                for line in invoice.lines where line.kind == .service {
                    let key = RandomLog.ServiceKey(account: invoice.account.text, app: line.application.text, service: line.service!.text)
                    billed[key, default: 0] += line.mbSeconds
                }
            }
        }
        let expected = log.expected.filter { $0.value > 0 }
        #expect(!expected.isEmpty, "seed \(seed)")
        let differing = Set(billed.keys).union(expected.keys).filter { billed[$0] != expected[$0] }
            .map { "\($0.account)/\($0.app)/\($0.service): billed \(billed[$0] ?? 0), expected \(expected[$0] ?? 0)" }.sorted()
        #expect(differing.isEmpty, "seed \(seed): \(differing.count) services differ: \(differing.prefix(5))")
    }

    @Test("shuffling a log whose events all fall on different seconds changes no invoice", arguments: SplitMix64.testSeeds)
    func shuffled(seed: UInt64) throws {
        var options = RandomLog.Options(distinctSeconds: true, garbage: true, ruleBreakers: true)
        options.events = 2_000
        let log = RandomLog(seed: seed, options)
        var random = SplitMix64(seed: seed ^ 0x5EED)
        let shuffled = log.lines.shuffled(using: &random).map { $0 + "\n" }.joined()
        for month in ["2026-10", "2026-11"] {
            let original = try run(log.text, month)
            let reordered = try run(shuffled, month)
            #expect(essence(reordered) == essence(original), "seed \(seed) \(month)")
            #expect(reordered.events == original.events, "seed \(seed) \(month)")
        }
    }

    @Test("appending an exact duplicate of every line changes nothing but the duplicate count", arguments: SplitMix64.testSeeds)
    func appendedDuplicates(seed: UInt64) throws {
        let log = RandomLog(seed: seed)
        for month in ["2026-10", "2026-11"] {
            let original = try run(log.text, month)
            let doubled = try run(log.text + log.text, month)
            #expect(doubled.invoices == original.invoices, "seed \(seed) \(month)")
            #expect(doubled.events == EventCounts(lines: 2 * original.events.lines, applied: original.events.applied,
                                                  duplicates: original.events.duplicates + log.lines.count,
                                                  rejected: original.events.rejected), "seed \(seed) \(month)")
        }
    }

    @Test("removing a service.scaled that lowers memory_mb never lowers an invoice", arguments: SplitMix64.testSeeds)
    func removedScaleDown(seed: UInt64) throws {
        let log = RandomLog(seed: seed, Self.noisy)
        #expect(!log.scaleDowns.isEmpty, "seed \(seed)")
        var random = SplitMix64(seed: seed ^ 0xD0)
        for index in log.scaleDowns.shuffled(using: &random).prefix(3) {
            var lines = log.lines
            lines.remove(at: index)
            let text = lines.map { $0 + "\n" }.joined()
            for month in ["2026-10", "2026-11"] {
                let before = Dictionary(uniqueKeysWithValues: try run(log.text, month).invoices.map { ($0.account, $0.total.minorUnits) })
                let after = Dictionary(uniqueKeysWithValues: try run(text, month).invoices.map { ($0.account, $0.total.minorUnits) })
                for (account, total) in before {
                    #expect((after[account] ?? 0) >= total, "seed \(seed) \(month) line \(index + 1) \(account)")
                }
            }
        }
    }
}
