import Foundation
import Testing
@testable import Tally

/// SPEC §2.1: a line whose `id` was carried by an earlier line (in input
/// order) that passed the field rules is a duplicate: counted and ignored
/// when its object is equal as a value to the earlier one, rejected as a
/// conflicting duplicate otherwise; the earlier one stands.
@Suite("Read: duplicate ids")
struct ReadDuplicateTests {
    static let base = EventLine.make("service.deployed", ["note": #""é""#, "meta": #"{"a":1,"b":[1,2]}"#])

    /// Other ways to write `base`'s object.
    static let sameObject: [String] = [
        #"{"type":"service.deployed","id":"e1","account":"acct_1","time":"2026-10-01T00:00:00Z","#
            + #""memory_mb":256,"instances":2,"service_type":"python","service":"www","app":"shop","#
            + #""meta":{"b":[1,2],"a":1},"note":"é"}"#,
        base.replacingOccurrences(of: ",", with: " ,\t").replacingOccurrences(of: "\":", with: "\" : "),
        " " + base + "\t",
        base + "\r",
        base.replacingOccurrences(of: #""app""#, with: #""\u0061pp""#),
        base.replacingOccurrences(of: #""acct_1""#, with: #""acct\u005f1""#),
        base.replacingOccurrences(of: #""e1""#, with: #""e\u0031""#),
        base.replacingOccurrences(of: #""é""#, with: #""\u00e9""#),
        base.replacingOccurrences(of: #""python""#, with: #""pyth\u006Fn""#),
        base.replacingOccurrences(of: "[1,2]", with: "[ 1 , 2 ]"),
    ]

    @Test("an exact duplicate, in any key order, spacing or escaping, is counted and ignored", arguments: sameObject)
    func exactDuplicate(_ copy: String) throws {
        for (first, second) in [(Self.base, copy), (copy, Self.base)] {
            let outcome = try Reading.read(first + "\n" + second + "\n")
            #expect(outcome.records.map(\.line) == [1])
            #expect(outcome.rejections.isEmpty)
            #expect(outcome.counts == EventCounts(lines: 2, duplicates: 1))
        }
    }

    /// Lines with `base`'s id whose object differs.
    static let differentObject: [String] = [
        base.replacingOccurrences(of: #""instances":2"#, with: #""instances":3"#),
        base.replacingOccurrences(of: #""2026-10-01T00:00:00Z""#, with: #""2026-10-01T02:00:00+02:00""#),
        base.replacingOccurrences(of: #""2026-10-01T00:00:00Z""#, with: #""2026-10-01T00:00:00.000Z""#),
        base.replacingOccurrences(of: #""é""#, with: #""e""#),
        base.replacingOccurrences(of: "[1,2]", with: "[2,1]"),
        base.replacingOccurrences(of: #""a":1"#, with: #""a":"1""#),
        base.replacingOccurrences(of: #""a":1"#, with: #""a":true"#),
        base.replacingOccurrences(of: #","note":"é""#, with: ""),
        String(base.dropLast()) + #","extra":null}"#,
        base.replacingOccurrences(of: #""service.deployed""#, with: #""service.scaled""#),
        base.replacingOccurrences(of: #""acct_1""#, with: #""acct_2""#),
    ]

    @Test("numbers compare as values whichever parser reads the line (Foundation reads some integers as decimals)",
          arguments: ["-9223372036854775807", "-1000000000000000000", "9223372036854775807", "-5", "0", "1.5"])
    func numbersAcrossParsers(_ number: String) throws {
        let plain = EventLine.make("ssl.disabled", "big", number)
        let escaped = plain.replacingOccurrences(of: #""big""#, with: #""b\u0069g""#)
        let outcome = try Reading.read(plain + "\n" + escaped + "\n")
        #expect(outcome.counts == EventCounts(lines: 2, duplicates: 1))
    }

    @Test("a different object under the same id is a conflicting duplicate; the first stands", arguments: differentObject)
    func conflictingDuplicate(_ copy: String) throws {
        let outcome = try Reading.read("\n" + Self.base + "\n" + copy + "\n")
        #expect(outcome.records.map(\.line) == [2])
        #expect(outcome.reasons == [.conflictingDuplicate(first: LogLocation(file: "test.jsonl", line: 2))])
        #expect(outcome.rejections.map(\.location.line) == [3])
        #expect(outcome.rejections.first?.eventID == "e1")
        #expect(outcome.rejections.first?.description
            == "test.jsonl:3: e1: conflicting duplicate: the id was first used at test.jsonl:2 with different content; "
            + "the earlier event stands")
        #expect(outcome.counts == EventCounts(lines: 2, rejected: 1))
    }

    @Test("the earlier line in input order stands, even when the conflicting one is earlier in time")
    func earlierStands() throws {
        var log = LogBuilder()
        log.createApp("shop", at: "2026-09-01T00:00:00Z")
        log.add("service.deployed", at: "2026-10-11T00:00:00Z", id: "d1",
                ["app": "shop", "service": "www", "service_type": "python", "instances": 1, "memory_mb": 256])
        log.add("service.deployed", at: "2026-10-01T00:00:00Z", id: "d1", account: "acct_1",
                ["app": "shop", "service": "www", "service_type": "python", "instances": 2, "memory_mb": 512])
        let (run, rejections) = try Fixtures.runCollecting([log.input()])
        #expect(rejections.map(\.reason) == [.conflictingDuplicate(first: LogLocation(file: "test.jsonl", line: 2))])
        #expect(rejections.first?.location.line == 3)
        #expect(rejections.first?.account == AccountName(unchecked: "acct_1"))
        #expect(rejections.first?.time == Timestamp(year: 2026, month: 10, day: 1))
        #expect(run.events == EventCounts(lines: 3, applied: 2, rejected: 1))
        // 256 MB from 2026-10-11 to the end of October: 21 days.
        let line = try #require(run.invoices.first?.lines.first)
        #expect(run.invoices.first?.lines.count == 1)
        #expect(line.mbSeconds == 256 * 21 * 86_400)
        #expect(line.amount.minorUnits == 2419)
    }

    @Test("an id first carried by a line that failed the field rules is not a duplicate")
    func firstFailedFieldRules() throws {
        let invalid = EventLine.make("application.created", "flavor", #""gold""#)
        let valid = EventLine.make("application.created")
        let outcome = try Reading.read([invalid, valid, invalid, valid, EventLine.make("application.destroyed")]
            .map { $0 + "\n" }.joined())
        #expect(outcome.records.map(\.line) == [2])
        #expect(outcome.reasons == [
            .unknownFlavor("gold"), .unknownFlavor("gold"),
            .conflictingDuplicate(first: LogLocation(file: "test.jsonl", line: 2)),
        ])
        #expect(outcome.rejections.map(\.location.line) == [1, 3, 5])
        #expect(outcome.counts == EventCounts(lines: 5, duplicates: 1, rejected: 3))
    }

    @Test("duplicates are found across inputs, and name the first input's file and line")
    func acrossInputs() throws {
        let other = EventLine.make("ssl.disabled", "id", #""e2""#)
        let outcome = try Reading.read([
            .text(other + "\n" + Self.base + "\n", name: "a.jsonl"),
            .text(Self.sameObject[0] + "\n" + Self.differentObject[0] + "\n", name: "b.jsonl"),
            .text("\n\n" + other.replacingOccurrences(of: "www.", with: "api.") + "\n" + other + "\n", name: "c.jsonl"),
        ])
        #expect(outcome.records.map { [$0.source, $0.line] } == [[0, 1], [0, 2]])
        #expect(outcome.reasons == [
            .conflictingDuplicate(first: LogLocation(file: "a.jsonl", line: 2)),
            .conflictingDuplicate(first: LogLocation(file: "a.jsonl", line: 1)),
        ])
        #expect(outcome.rejections.map(\.location) == [LogLocation(file: "b.jsonl", line: 2), LogLocation(file: "c.jsonl", line: 3)])
        #expect(outcome.counts == EventCounts(lines: 6, duplicates: 2, rejected: 2))
    }

    @Test("an exact duplicate of an event that a rule of SPEC §2.2 rejects is still a duplicate")
    func duplicateOfRuleRejected() throws {
        var log = LogBuilder()
        log.createApp("shop", at: "2026-10-01T00:00:00Z")
        let again = log.add("application.created", at: "2026-10-02T00:00:00Z", ["app": "shop", "flavor": "live"])
        log.addRaw(again)
        log.addRaw(again.replacingOccurrences(of: #""live""#, with: #""enterprise""#))
        let (run, rejections) = try Fixtures.runCollecting([log.input()])
        // Reported in input order (file, line), whichever stage rejected them.
        #expect(rejections.map(\.reason) == [
            .rule(.applicationAlreadyExists(ApplicationName(unchecked: "shop"))),
            .conflictingDuplicate(first: LogLocation(file: "test.jsonl", line: 2)),
        ])
        #expect(rejections.map(\.location.line) == [2, 4])
        #expect(rejections.map(\.eventID) == ["e2", "e2"])
        #expect(run.events == EventCounts(lines: 4, applied: 1, duplicates: 1, rejected: 2))
    }
}
