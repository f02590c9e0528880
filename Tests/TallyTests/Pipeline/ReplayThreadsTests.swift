import Foundation
import Testing
@testable import Tally

/// `jobs` (`--jobs`, README "Performance"): with 2, the replay and the meter
/// run on a second thread, and see what one thread sees.
@Suite("Replay on a second thread")
struct ReplayThreadsTests {
    /// Every change, and the thread that took each.
    struct ThreadRecorder: AllocationSink {
        var changes: [AllocationChange] = []
        var threads: Set<UInt> = []

        mutating func record(_ change: AllocationChange) {
            changes.append(change)
            threads.insert(UInt(pthread_self()))
        }
    }

    func replay(_ text: String, jobs: Int) throws -> (changes: [String], threads: Set<UInt>, rejections: [String]) {
        var pipeline = BillingPipeline(rateCards: InvariantTests.rates)
        pipeline.jobs = jobs
        pipeline.replayBatch = 5
        var rejections: [String] = []
        let reader = EventReader(streaming: true, keepingEveryID: false)
        guard case let .replayed(log, recorder) = try pipeline.replay([.text(text, name: "log.jsonl")], reader: reader,
                                                                      into: ThreadRecorder(), onRejection: {
            rejections.append("\($0)")
        }) else { throw CocoaError(.featureUnsupported) }
        return (recorder.changes.map { Replaying.describe($0, log.names) }, recorder.threads, rejections)
    }

    @Test("jobs 1 replays on the caller's thread; jobs 2 on one other thread, with the same changes and rejections",
          arguments: SplitMix64.testSeeds)
    func secondThread(seed: UInt64) throws {
        var options = InvariantTests.noisy
        options.distinctSeconds = true
        let log = RandomLog(seed: seed, options).text
        let caller = UInt(pthread_self())
        let one = try replay(log, jobs: 1)
        let two = try replay(log, jobs: 2)
        #expect(one.changes.count > 100, "seed \(seed)")
        #expect(one.threads == [caller], "seed \(seed)")
        #expect(two.threads.count == 1 && !two.threads.contains(caller), "seed \(seed)")
        #expect(two.changes == one.changes, "seed \(seed)")
        #expect(two.rejections == one.rejections, "seed \(seed)")
    }
}
