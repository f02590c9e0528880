import Foundation
import Testing
@testable import Tally

/// Damaged and hostile input (README, "Bad input, held invoices and strict
/// mode"): each gives a clear rejection or error with the exact line, never a
/// crash, a hang or unbounded memory.
@Suite("Hostile and damaged input")
struct HostileInputTests {
    static let valid = #"{"id":"ok","time":"2026-10-01T00:00:00Z","type":"application.created","account":"acct_1","app":"shop","flavor":"live"}"#

    func input(_ bytes: [UInt8]) -> EventInput {
        EventInput(origin: .bytes(bytes), name: "hostile.jsonl")
    }

    /// Reads `bytes` as one input and returns the run and its rejections.
    func read(_ bytes: [UInt8]) throws -> (run: InvoiceRun, rejections: [Rejection]) {
        try Fixtures.runCollecting([input(bytes)])
    }

    func lines(_ lines: [String]) -> [UInt8] { Array(lines.map { $0 + "\n" }.joined().utf8) }

    @Test("invalid UTF-8")
    func invalidUTF8() throws {
        let bytes = lines([Self.valid]) + Array(#"{"id":"x","account":""#.utf8) + [0xC3, 0x28] + Array("\"}\n".utf8)
        let (run, rejections) = try read(bytes)
        #expect(rejections.map(\.reason) == [.invalidUTF8])
        #expect(rejections.map(\.location.line) == [2])
        #expect(rejections.first?.originalLine.contains(0xC3) == true)
        #expect(run.events == EventCounts(lines: 2, applied: 1, duplicates: 0, rejected: 1))
    }

    @Test("a NUL byte inside and outside a string")
    func nul() throws {
        let inside = Array(#"{"id":"a"#.utf8) + [0] + Array(#"","time":"2026-10-01T00:00:00Z"}"#.utf8)
        let outside = [0] + Array(Self.valid.utf8)
        let (run, rejections) = try read(inside + [0x0A] + outside + [0x0A])
        #expect(rejections.map(\.reason.code) == ["invalid_json", "invalid_json"])
        #expect(rejections.map(\.location.line) == [1, 2])
        #expect(run.events.rejected == 2)
        for rejection in rejections { #expect(!rejection.description.utf8.contains(0)) }
    }

    @Test("a line of 10 MB is rejected without holding it, and the next line is read")
    func hugeLine() throws {
        let huge = [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
        let (run, rejections) = try read(huge + [0x0A] + lines([Self.valid]))
        #expect(rejections.map(\.reason) == [.lineTooLong(length: 10 << 20, limit: 1 << 20)])
        #expect(rejections.first?.location.line == 1)
        #expect(rejections.first?.originalLine.count == 1 << 20)
        #expect(run.events == EventCounts(lines: 2, applied: 1, duplicates: 0, rejected: 1))
    }

    @Test("100,000 rejected lines in a row, then a good one")
    func manyRejections() throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(100_000 * 12)
        for index in 0..<100_000 { bytes += Array("garbage \(index)\n".utf8) }
        bytes += lines([Self.valid])
        var count = 0
        var last: Rejection?
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates)
            .invoices(for: BillingPeriod("2026-10")!, [input(bytes)]) { rejection in
                count += 1
                last = rejection
            }
        #expect(count == 100_000)
        #expect(last?.location.line == 100_000)
        #expect(run.events == EventCounts(lines: 100_001, applied: 1, duplicates: 0, rejected: 100_000))
    }

    @Test("a truncated last line without newline, and a complete one")
    func truncatedLastLine() throws {
        let cut = String(Self.valid.prefix(60))
        let (_, rejections) = try read(lines([Self.valid]) + Array(cut.utf8))
        #expect(rejections.map(\.reason.code) == ["truncated_last_line"])
        #expect(rejections.first?.location.line == 2)
        #expect(rejections.first?.originalLine == Array(cut.utf8))
        let complete = try read(Array(Self.valid.utf8))
        #expect(complete.rejections.isEmpty)
        #expect(complete.run.events.applied == 1)
    }

    @Test("a byte-order mark at the start is skipped; in the middle it rejects the line")
    func byteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let second = Self.valid.replacingOccurrences(of: "\"ok\"", with: "\"ok2\"")
        let (run, rejections) = try read(bom + lines([Self.valid]) + bom + lines([second]))
        #expect(rejections.map(\.reason) == [.byteOrderMarkInsideFile])
        #expect(rejections.map(\.location.line) == [2])
        #expect(run.events == EventCounts(lines: 2, applied: 1, duplicates: 0, rejected: 1))
    }

    @Test("JSON nested 10,000 levels deep, alone and inside an event")
    func deeplyNested() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let inEvent = Self.valid.replacingOccurrences(of: "\"flavor\":\"live\"", with: "\"flavor\":\"live\",\"x\":\(deep)")
        let (run, rejections) = try read(lines([deep, inEvent]))
        #expect(rejections.map(\.reason.code) == ["invalid_json", "invalid_json"])
        #expect(rejections.allSatisfy { $0.reason.description.contains("nested") })
        #expect(run.events.rejected == 2)
    }

    @Test("odd numbers in integer fields", arguments: [
        ("1e400", RejectionReason.invalidJSON(detail: "Number 1e400 is not representable in Swift.")),
        ("-0", .invalidValue(.instances, value: "0", rule: "an integer from 1 to 1000")),
        ("1.0", .invalidValue(.instances, value: "1.0", rule: "an integer from 1 to 1000")),
        ("9007199254740993", .invalidValue(.instances, value: "9007199254740993", rule: "an integer from 1 to 1000")),
        ("99999999999999999999999", .invalidValue(.instances, value: "99999999999999999999999", rule: "an integer from 1 to 1000")),
        ("\"2\"", .wrongType(.instances, expected: "an integer", found: "a string")),
    ])
    func numbers(literal: String, reason: RejectionReason) throws {
        let line = #"{"id":"s","time":"2026-10-01T00:00:00Z","type":"service.scaled","account":"acct_1","app":"shop","service":"www","instances":"#
            + literal + "}"
        let (_, rejections) = try read(lines([line]))
        #expect(rejections.map(\.reason) == [reason])
    }

    @Test("duplicate keys in one object")
    func duplicateKeys() throws {
        let line = #"{"id":"d","time":"2026-10-01T00:00:00Z","type":"application.created","account":"acct_1","app":"a","app":"b","flavor":"live"}"#
        let (_, rejections) = try read(lines([line]))
        #expect(rejections.map(\.reason) == [.duplicateKey("app")])
        // The id, account and time are not the repeated key, so they are still known.
        #expect(rejections.first?.eventID == "d")
        #expect(rejections.first?.account?.text == "acct_1")
        #expect(rejections.first?.time?.description == "2026-10-01T00:00:00Z")
    }

    @Test("an empty file and a file of blank lines")
    func empty() throws {
        #expect(try read([]).run.events == EventCounts())
        #expect(try read(Array(" \n\t\n\r\n\n".utf8)).run.events == EventCounts())
    }

    @Test("a directory given as a file")
    func directory() throws {
        #expect(throws: RunError.input(InputError(name: "/tmp", problem: "is a directory, not an event-log file"))) {
            try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, [.file("/tmp")])
        }
    }

    @Test("a file that disappears between listing and reading")
    func disappearing() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a.jsonl")
        let second = directory.appendingPathComponent("b.jsonl")
        try "not json\n".write(to: first, atomically: true, encoding: .utf8)
        try (Self.valid + "\n").write(to: second, atomically: true, encoding: .utf8)
        // Both are checked before the first is read; the second goes while the first is read.
        try (Self.valid + "\n").write(to: first, atomically: true, encoding: .utf8)
        var reader = EventReader()
        #expect(throws: InputError(
            name: second.path, problem: "no longer exists (it was there when the run started); nothing was billed, run again")) {
            _ = try reader.read([.file(first.path), .file(second.path)], onRecord: { _, _ in
                try? FileManager.default.removeItem(at: second)
            }, onRejection: { _ in })
        }
    }

    @Test("terminal control characters in names are rejected and never printed raw")
    func controlCharacters() throws {
        let line = #"{"id":"c","time":"2026-10-01T00:00:00Z","type":"application.created","account":"\u001b[31mred","app":"a","flavor":"live"}"#
        let (_, rejections) = try read(lines([line]))
        #expect(rejections.map(\.reason) == [.invalidValue(.account, value: "\u{1B}[31mred", rule: NameRule.identifier.summary)])
        let message = try #require(rejections.first?.description)
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(message.contains(#""\u{1B}[31mred""#))
    }
}
