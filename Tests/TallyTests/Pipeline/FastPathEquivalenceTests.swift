import Foundation
import Testing
@testable import Tally

/// The fast paths of README "Performance" change no result. The same invoices, byte for
/// byte, from the fast reader and from Foundation's, from a log in time order
/// (replayed as read) and shuffled (read twice and sorted), and from the id
/// registry that keeps every first line and the one that keeps hashes only
/// (whose late duplicates are settled in a pass after the read).
@Suite("Fast paths give the same bytes")
struct FastPathEquivalenceTests {
    static let october = BillingPeriod("2026-10")!

    /// The JSON and text reports and every rejection of a run.
    func reports(_ inputs: [EventInput], foundationOnly: Bool = false, locatedLimit: Int = DuplicateRegistry.locatedLimit,
                 jobs: Int = 1, rates: RateCardSet = InvariantTests.rates) throws -> (json: String, text: String, rejections: [String]) {
        var pipeline = BillingPipeline(rateCards: rates)
        pipeline.foundationOnly = foundationOnly
        pipeline.locatedLimit = locatedLimit
        pipeline.jobs = jobs
        pipeline.replayBatch = 7
        var rejections: [String] = []
        let result = try pipeline.invoices(for: Self.october, inputs) { rejections.append("\($0)") }
        return (result.json(), result.text(), rejections)
    }

    @Test("fast reader and Foundation reader, on noisy random logs", arguments: SplitMix64.testSeeds)
    func fastAndFoundation(seed: UInt64) throws {
        let log = RandomLog(seed: seed, InvariantTests.noisy)
        let inputs = [EventInput.text(log.text, name: "random.jsonl")]
        let fast = try reports(inputs)
        let foundation = try reports(inputs, foundationOnly: true)
        #expect(fast.json == foundation.json, "seed \(seed)")
        #expect(fast.text == foundation.text, "seed \(seed)")
        #expect(fast.rejections == foundation.rejections, "seed \(seed)")
        #expect(!fast.rejections.isEmpty, "seed \(seed)")
    }

    @Test("one thread or two (--jobs 2): the same bytes and the same rejections, in order", arguments: SplitMix64.testSeeds)
    func oneAndTwoThreads(seed: UInt64) throws {
        let log = RandomLog(seed: seed, InvariantTests.noisy)
        let inputs = [EventInput.text(log.text, name: "random.jsonl")]
        let one = try reports(inputs)
        let two = try reports(inputs, jobs: 2)
        #expect(two.json == one.json, "seed \(seed)")
        #expect(two.text == one.text, "seed \(seed)")
        #expect(two.rejections == one.rejections, "seed \(seed)")
        #expect(one.rejections.contains { $0.contains("does not exist") || $0.contains("not attached") }, "seed \(seed)")
        // Out of time order: the read starts over, sorted, on one thread.
        var random = SplitMix64(seed: seed ^ 0x5EED)
        let shuffled = log.lines.shuffled(using: &random).map { $0 + "\n" }.joined()
        let sortedOne = try reports([.text(shuffled, name: "random.jsonl")])
        let sortedTwo = try reports([.text(shuffled, name: "random.jsonl")], jobs: 2)
        #expect(sortedTwo.json == sortedOne.json, "seed \(seed)")
        #expect(sortedTwo.rejections == sortedOne.rejections, "seed \(seed)")
    }

    @Test("fast reader and Foundation reader, one thread or two, on the real trace",
          .enabled(if: Fixtures.hasRealTrace))
    func realTrace() throws {
        let inputs = [EventInput.file(Fixtures.realTrace.path)]
        let fast = try reports(inputs, rates: Fixtures.defaultRates)
        let foundation = try reports(inputs, foundationOnly: true, rates: Fixtures.defaultRates)
        let twoThreads = try reports(inputs, jobs: 2, rates: Fixtures.defaultRates)
        #expect(fast.json == foundation.json)
        #expect(twoThreads.json == fast.json)
        #expect(twoThreads.rejections == fast.rejections)
    }

    @Test("in time order and shuffled: the same bytes", arguments: SplitMix64.testSeeds)
    func sortedAndShuffled(seed: UInt64) throws {
        var options = RandomLog.Options(distinctSeconds: true, garbage: true, ruleBreakers: true)
        options.events = 2_000
        let log = RandomLog(seed: seed, options)
        var random = SplitMix64(seed: seed ^ 0xABCD)
        let shuffled = log.lines.shuffled(using: &random).map { $0 + "\n" }.joined()
        let sorted = try reports([.text(log.text, name: "log.jsonl")])
        let reordered = try reports([.text(shuffled, name: "log.jsonl")])
        #expect(reordered.json == sorted.json, "seed \(seed)")
        // The texts differ only where rejected lines are listed by line number.
        #expect(reordered.rejections.count == sorted.rejections.count, "seed \(seed)")
    }

    @Test("ids kept with their first line, or as hashes only: the same bytes", arguments: SplitMix64.testSeeds)
    func compactRegistry(seed: UInt64) throws {
        let log = RandomLog(seed: seed, InvariantTests.noisy)
        let inputs = [EventInput.text(log.text, name: "random.jsonl")]
        let exact = try reports(inputs)
        let compact = try reports(inputs, locatedLimit: 100)
        #expect(compact.json == exact.json, "seed \(seed)")
        // The same lines rejected for the same reasons, each conflicting duplicate naming its first line.
        #expect(compact.rejections == exact.rejections, "seed \(seed)")
        #expect(compact.rejections.contains { $0.contains("conflicting duplicate: the id was first used at") }, "seed \(seed)")
    }
}
