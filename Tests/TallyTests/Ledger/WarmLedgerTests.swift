import Foundation
import Testing
@testable import Tally

/// The warm ledger (README, "For the ticket service") answers what a fresh
/// replay of the same log answers at the same instant, however the log grew:
/// lines appended in time order or backdated, by the ledger itself or by
/// another writer, half-written last lines included.
@Suite("Ledger: the warm ledger equals a fresh replay after every step")
struct WarmLedgerTests {
    static let accounts = ["acct_1", "acct_2", "acct_3", "acct_4"].map { try! AccountName($0) }

    /// A scratch log file and its folder.
    struct Scratch {
        let folder = Fixtures.temporaryDirectory()
        var log: String { folder.appendingPathComponent("events.jsonl").path }
        init() { _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("events.jsonl").path, contents: nil) }
        func append(_ text: String) throws {
            let handle = try #require(FileHandle(forWritingAtPath: log))
            defer { try? handle.close() }
            handle.seekToEndOfFile()
            handle.write(Data(text.utf8))
        }
        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Every answer of `warm` at `instant` equals a fresh replay's.
    static func expectSameAnswers(_ warm: inout WarmLedger, log: String, at instant: Timestamp, seed: UInt64,
                                  step: Int, random: inout SplitMix64) throws -> Int64 {
        let fresh = try Ledger(replaying: [.file(log)], at: instant, rateCards: RandomLog.rates)
        let kept = try warm.ledger(at: instant, metering: true)
        let context = "seed \(seed), step \(step), at \(instant)"
        #expect(kept.events == fresh.events, "\(context)")
        for account in accounts {
            #expect(kept.account(account) == fresh.account(account), "\(context), \(account)")
            #expect(try kept.cost(of: account) == (try fresh.cost(of: account)), "\(context), \(account)")
            for application in fresh.account(account).applications {
                for domain in application.services.flatMap(\.domains) {
                    let quote = Result { () throws(LedgerError) in try kept.sslQuote(application: application.name, domain: domain, for: account) }
                    let expected = Result { () throws(LedgerError) in try fresh.sslQuote(application: application.name, domain: domain, for: account) }
                    #expect(quote == expected, "\(context), \(account) \(application.name) \(domain)")
                }
            }
        }
        // Without metering, views and edges are the same.
        let unmetered = try warm.ledger(at: instant, metering: false)
        let account = accounts[Int(random.next() % 4)]
        #expect(unmetered.account(account) == fresh.account(account), "\(context), \(account)")
        #expect(unmetered.sslEdges(of: account) == fresh.sslEdges(of: account), "\(context), \(account)")
        return accounts.reduce(0) { $0 + ((try? fresh.cost(of: $1).expectedMonthEndTotal.minorUnits) ?? 0) }
    }

    @Test("seeded logs arriving in pieces, some lines late, some half-written: every answer as a fresh replay",
          arguments: SplitMix64.testSeeds)
    func sameAnswers(seed: UInt64) throws {
        var options = RandomLog.Options()
        options.events = 800
        options.ruleBreakers = true
        options.garbage = true
        options.exactDuplicates = true
        let lines = RandomLog(seed: seed, options).lines
        var random = SplitMix64(seed: seed ^ 0x3A2F)
        // A tenth of the lines arrive later than their place (backdated appends).
        var pending: [String] = []
        var late: [String] = []
        for line in lines {
            if random.next() % 10 == 0 { late.append(line) } else { pending.append(line) }
        }
        let scratch = Scratch()
        defer { scratch.remove() }
        let first = pending.count / 3
        try scratch.append(pending[..<first].map { $0 + "\n" }.joined())
        var warm = try WarmLedger([.file(scratch.log)], books: nil, pipeline: BillingPipeline(rateCards: RandomLog.rates))
        warm.checkpointSpacing = 64
        warm.checkpointLimit = 256
        var written = first
        var step = 0
        var billed: Int64 = 0
        let start = RandomLog.Options().start.secondsSinceEpoch
        while written < pending.count || !late.isEmpty {
            step += 1
            var chunk: [String] = []
            let count = Int(random.next() % 60) + 1
            while chunk.count < count, written < pending.count {
                chunk.append(pending[written])
                written += 1
            }
            if !late.isEmpty, random.next() % 3 == 0 { chunk.append(late.removeFirst()) }
            let text = chunk.map { $0 + "\n" }.joined()
            // Sometimes another writer is caught halfway through its last line.
            if random.next() % 4 == 0, text.utf8.count > 10 {
                let cut = text.utf8.count - Int(random.next() % 8) - 2
                try scratch.append(String(decoding: Array(text.utf8)[..<cut], as: UTF8.self))
                try warm.refresh()
                try scratch.append(String(decoding: Array(text.utf8)[cut...], as: UTF8.self))
            } else {
                try scratch.append(text)
            }
            try warm.refresh()
            let span = max(warm.frontier - start, 1) + 5 * 86_400
            let instant = Timestamp(secondsSinceEpoch: start + Int64(random.next() % UInt64(span)))
            if step % 3 == 0 || written == pending.count {
                billed += try Self.expectSameAnswers(&warm, log: scratch.log, at: instant, seed: seed, step: step, random: &random)
            }
        }
        let end = Timestamp(secondsSinceEpoch: warm.frontier + 3600)
        billed += try Self.expectSameAnswers(&warm, log: scratch.log, at: end, seed: seed, step: step, random: &random)
        // The comparisons were of real bills, and late lines were replayed in place from checkpoints.
        #expect(billed > 0, "seed \(seed)")
        #expect(warm.checkpointsBuilt && warm.checkpoints.count > 2, "seed \(seed)")
        #expect(warm.recordsReplayed > 0 && warm.recordsReplayed < warm.records.count * step, "seed \(seed)")
    }
}

extension Result where Failure == LedgerError {
    /// The result of a throwing call.
    init(_ body: () throws(LedgerError) -> Success) {
        do {
            self = .success(try body())
        } catch {
            self = .failure(error)
        }
    }
}
