import Foundation
import Testing
@testable import Tally

/// SPEC §2.1: events take effect in order of time; events in the same
/// second keep input order; the log need not be sorted.
@Suite("Replay: order of events")
struct ReplayOrderTests {
    static let shop: ApplicationName = named("shop")

    @Test("in the same second, created then deployed applies; deployed then created rejects the deploy")
    func sameSecond() throws {
        let second = "2026-10-01T12:00:00Z"
        let inOrder = try Replaying.replay([.created("shop", at: second), .deployed("shop", "www", at: second)])
        #expect(inOrder.reasons == [])
        #expect(inOrder.counts == EventCounts(lines: 2, applied: 2))

        let reversed = try Replaying.replay([.deployed("shop", "www", at: second), .created("shop", at: second)])
        #expect(reversed.reasons == [.rule(.applicationNotFound(Self.shop))])
        #expect(reversed.rejections.map(\.location.line) == [1])
        #expect(reversed.rejections.map(\.eventID) == ["e1"])
        #expect(reversed.counts == EventCounts(lines: 2, applied: 1, rejected: 1))

        // Fractions of a second are dropped first, so 12:00:00.9 and 12:00:00.1 are the same second.
        let fractions = try Replaying.replay([.deployed("shop", "www", at: "2026-10-01T12:00:00.1Z"),
                                              .created("shop", at: "2026-10-01T12:00:00.9Z")])
        #expect(fractions.reasons == [.rule(.applicationNotFound(Self.shop))])
        // Offsets are converted first: 14:00:00+02:00 is 12:00:00Z.
        let offsets = try Replaying.replay([.created("shop", at: "2026-10-01T14:00:00+02:00"),
                                            .deployed("shop", "www", at: "2026-10-01T07:00:00-05:00")])
        #expect(offsets.reasons == [])
    }

    @Test("time order comes before input order")
    func timeBeforeInputOrder() throws {
        let outcome = try Replaying.replay([
            .deployed("shop", "www", at: "2026-10-01T12:00:01Z"),
            .created("shop", at: "2026-10-01T12:00:00Z"),
        ])
        #expect(outcome.reasons == [])
        #expect(outcome.changes == ["acct_1/shop/www 2026-10-01T12:00:01Z live 1x256 python (line 1)"])
        #expect(outcome.counts == EventCounts(lines: 2, applied: 2))
    }

    @Test("in an unsorted log, events of the same second still keep input order", arguments: [false, true])
    func sameSecondInUnsortedLog(_ createdFirst: Bool) throws {
        let second = "2026-10-01T12:00:00Z"
        let pair: [Step] = [.created("shop", at: second), .deployed("shop", "www", at: second)]
        // A later event first, so the log is not sorted and the reader sorts it.
        let outcome = try Replaying.replay([.created("other", at: "2026-10-20T00:00:00Z")]
            + (createdFirst ? pair : pair.reversed()))
        #expect(outcome.reasons == (createdFirst ? [] : [.rule(.applicationNotFound(Self.shop))]))
        #expect(outcome.counts == EventCounts(lines: 3, applied: createdFirst ? 3 : 2, rejected: createdFirst ? 0 : 1))
    }

    @Test("input order runs across files: the first file's events of a second come first")
    func acrossFiles() throws {
        let second = "2026-10-01T12:00:00Z"
        let created = Step.log([.created("shop", at: second)]).text
        let deployed = Step.log([.deployed("shop", "www", at: second)]).text.replacingOccurrences(of: #""e1""#, with: #""e2""#)
        let createdFirst = try Replaying.replay([.text(created, name: "a.jsonl"), .text(deployed, name: "b.jsonl")])
        #expect(createdFirst.reasons == [])
        let deployedFirst = try Replaying.replay([.text(deployed, name: "b.jsonl"), .text(created, name: "a.jsonl")])
        #expect(deployedFirst.reasons == [.rule(.applicationNotFound(Self.shop))])
        #expect(deployedFirst.rejections.map(\.location) == [LogLocation(file: "b.jsonl", line: 1)])
    }

    /// A month of three accounts with every kind of event at distinct
    /// seconds, some rejected by rules, two by field rules, one exact duplicate.
    static func richLog() -> [String] {
        func at(_ day: Int, _ hour: Int) -> String { Timestamp(year: 2026, month: 10, day: day, hour: hour)!.description }
        let steps: [Step] = [
            .created("old", account: "acct_3", at: "2026-09-30T12:00:00Z"),
            .deployed("old", "web", instances: 2, account: "acct_3", at: "2026-09-30T13:00:00Z"),
            .created("shop", at: at(1, 1)),
            .deployed("shop", "www", instances: 2, memoryMB: 256, at: at(1, 2)),
            .deployed("shop", "db", type: "mysql", memoryMB: 1024, at: at(2, 3)),
            .deployed("api", "web", account: "acct_3", at: at(2, 4)),                       // no such application yet
            .created("blog", "sandbox", account: "acct_2", at: at(3, 1)),
            .deployed("blog", "web", memoryMB: 512, account: "acct_2", at: at(3, 2)),
            .scaled("blog", "web", instances: 2, account: "acct_2", at: at(4, 1)),          // sandbox
            .scaled("shop", "www", instances: 4, at: at(5, 4)),
            .created("api", account: "acct_3", at: at(5, 5)),
            .deployed("api", "web", account: "acct_3", at: at(5, 6)),
            .domainAdded("shop", "www", "www.shop.org", at: at(6, 1)),
            .sslEnabled("shop", "www.shop.org", at: at(7, 1)),
            .flavorChanged("blog", "live", account: "acct_2", at: at(8, 1)),
            .scaled("blog", "web", instances: 3, account: "acct_2", at: at(9, 1)),
            .domainAdded("blog", "web", "www.shop.org", account: "acct_2", at: at(9, 2)),  // attached in acct_1
            .flavorChanged("shop", "enterprise", at: at(10, 1)),
            .domainAdded("blog", "web", "blog.org", account: "acct_2", at: at(11, 1)),
            .sslEnabled("blog", "blog.org", account: "acct_2", at: at(11, 2)),
            .serviceDestroyed("shop", "db", at: at(12, 1)),
            .scaled("shop", "www", memoryMB: 512, at: at(14, 1)),
            .destroyed("api", account: "acct_3", at: at(15, 1)),
            .created("api", "enterprise", account: "acct_3", at: at(16, 1)),
            .deployed("api", "web", type: "ruby", account: "acct_3", at: at(16, 2)),
            .destroyed("blog", account: "acct_2", at: at(18, 1)),
            .sslDisabled("blog.org", account: "acct_2", at: at(19, 1)),                  // after its app was destroyed
            .sslDisabled("www.shop.org", at: at(20, 1)),
            .destroyed("shop", at: at(25, 1)),
            .flavorChanged("old", "live", account: "acct_3", at: at(26, 1)),                 // already live
        ]
        var lines = Step.log(steps).lines
        lines.append(lines[6])
        lines.append(EventLine.make("ssl.disabled", ["id": #""bad1""#, "domain": #""-x.org""#]))
        lines.append(EventLine.make("application.created", ["id": #""bad2""#, "flavor": #""Live""#]))
        return lines
    }

    /// What must not depend on the order of the lines: counts, invoices, and
    /// which events were rejected and why.
    static func summary(_ lines: [String]) throws -> (EventCounts, [String], [String]) {
        let (run, rejections) = try Fixtures.runCollecting([.text(lines.map { $0 + "\n" }.joined(), name: "log.jsonl")])
        let invoices = run.invoices.map { invoice in
            "\(invoice.number) \(invoice.total) \(invoice.status) \(invoice.rejectedLineCount): "
                + invoice.lines.map { "\($0.kind) \($0.application) \($0.service?.text ?? $0.domain?.text ?? "") \($0.flavor) "
                    + "\($0.mbSeconds) \($0.amount)" }.joined(separator: "; ")
        }
        return (run.events, invoices, rejections.map { "\($0.eventID ?? "-") \($0.reason)" }.sorted())
    }

    @Test("an unsorted log gives the same invoices and the same rejections as the sorted one")
    func unsortedLog() throws {
        let sorted = Self.richLog()
        let (counts, invoices, rejections) = try Self.summary(sorted)
        #expect(counts == EventCounts(lines: 33, applied: 26, duplicates: 1, rejected: 6))
        #expect(invoices.count == 3)
        #expect(rejections == [
            #"bad1 field "domain" must be \#(NameRule.domain.summary), got "-x.org""#,
            #"bad2 unknown flavor "Live"; expected sandbox, live or enterprise"#,
            "e17 domain www.shop.org is already attached to a service",
            "e30 application old is already live",
            "e6 application api does not exist in this account",
            "e9 application blog is sandbox and cannot be scaled",
        ])
        let seed: UInt64 = 0x0DD_2026
        var generator = SplitMix64(seed: seed)
        for round in 0..<25 {
            let shuffled = round == 0 ? Array(sorted.reversed()) : sorted.shuffled(using: &generator)
            let (shuffledCounts, shuffledInvoices, shuffledRejections) = try Self.summary(shuffled)
            #expect(shuffledCounts == counts, "seed \(seed), round \(round)")
            #expect(shuffledInvoices == invoices, "seed \(seed), round \(round)")
            #expect(shuffledRejections == rejections, "seed \(seed), round \(round)")
        }
    }
}
