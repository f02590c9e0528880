import Foundation
import Testing
@testable import Tally

/// SPEC §2.2: an event rejected by a rule is reported with its file, line
/// number, `id` and the reason, found again after sorting.
@Suite("Replay: how rejected events are reported")
struct ReplayRejectionTests {
    @Test("from files with a byte-order mark and CRLF, after sorting, each rejection names its own file, line and id")
    func fromFiles() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var first = LogBuilder()
        first.add("service.scaled", at: "2026-10-20T00:00:00Z", id: "scale-1", ["app": "shop", "service": "www", "instances": 2])
        first.createApp("shop", "sandbox", at: "2026-10-02T00:00:00Z")
        var second = LogBuilder(account: "acct_2")
        second.add("ssl.disabled", at: "2026-10-01T00:00:00Z", id: "off/1", ["domain": "WWW.Example.org"])
        let firstURL = directory.appendingPathComponent("one.jsonl")
        let secondURL = directory.appendingPathComponent("two.jsonl")
        try Data([0xEF, 0xBB, 0xBF] + Array(first.lines.joined(separator: "\r\n").utf8) + [0x0D, 0x0A]).write(to: firstURL)
        try Data(("\n\n" + second.text).utf8).write(to: secondURL)

        let outcome = try Replaying.replay([.file(firstURL.path), .file(secondURL.path)])
        // Found in order of time, reported in input order (file, line).
        #expect(outcome.reasons == [.rule(.serviceNotFound(named("shop"), named("www"))),
                                    .rule(.noActiveSSLEdge(named("www.example.org")))])
        #expect(outcome.rejections.map(\.description) == [
            "\(firstURL.path):1: scale-1: service www does not exist in application shop",
            "\(secondURL.path):3: off/1: domain www.example.org has no active SSL edge in this account",
        ])
        #expect(outcome.rejections.map(\.originalLine) == [Array(first.lines[0].utf8), Array(second.lines[0].utf8)])
        #expect(outcome.rejections.map(\.account) == [named("acct_1"), named("acct_2")])
        #expect(outcome.rejections.map(\.time) == [Timestamp(year: 2026, month: 10, day: 20), Timestamp(year: 2026, month: 10, day: 1)])
        #expect(outcome.counts == EventCounts(lines: 3, applied: 1, rejected: 2))
    }

    @Test("an id written with escapes is reported decoded")
    func escapedID() throws {
        let line = EventLine.make("ssl.disabled", "id", #""e\u002d1""#)
        let outcome = try Replaying.replay([.text(line + "\n", name: "x.jsonl")])
        #expect(outcome.rejections.map(\.description) == ["x.jsonl:1: e-1: domain www.example.org has no active SSL edge in this account"])
    }
}
