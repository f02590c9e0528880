import Testing
@testable import Tally

/// SPEC §2: JSON Lines in UTF-8, LF or CRLF, a byte-order mark at the start
/// of a file skipped, white-space lines skipped (but counted for line
/// numbers), and every other line a JSON object, or rejected with the reason.
@Suite("Read: lines")
struct ReadLineTests {
    static let first = EventLine.make("ssl.disabled", "id", #""e1""#)
    static let second = EventLine.make("ssl.disabled", "id", #""e2""#)
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test("CRLF and LF line ends, mixed: the CR is not part of the line")
    func lineEnds() throws {
        let bad = EventLine.make("ssl.disabled", ["id": #""e3""#, "domain": #""a..b""#])
        let outcome = try Reading.read(Self.first + "\r\n" + Self.second + "\n" + bad + "\r\n")
        #expect(outcome.records.map(\.line) == [1, 2])
        #expect(outcome.records.map(\.offset) == [0, Int64(Self.first.utf8.count + 2)])
        #expect(outcome.records.map(\.length) == [Self.first.utf8.count, Self.second.utf8.count])
        #expect(outcome.rejections.map(\.location) == [LogLocation(file: "test.jsonl", line: 3)])
        #expect(outcome.rejections.first?.originalLine == Array(bad.utf8))
        #expect(outcome.counts == EventCounts(lines: 3, rejected: 1))
    }

    @Test("a byte-order mark at the start of a file is skipped; line 1 is still line 1")
    func byteOrderMarkAtStart() throws {
        let outcome = try Reading.read([Reading.input(bytes: Self.bom + Array((Self.first + "\n").utf8))])
        #expect(outcome.records.map(\.line) == [1])
        #expect(outcome.records.map(\.offset) == [3])
        #expect(outcome.counts == EventCounts(lines: 1))

        let beforeBlank = try Reading.read([Reading.input(bytes: Self.bom + Array(("\r\n" + Self.first + "\n").utf8))])
        #expect(beforeBlank.records.map(\.line) == [2])
        #expect(beforeBlank.counts == EventCounts(lines: 1))

        // Every file may start with one; the second file's is skipped too.
        let two = try Reading.read([
            Reading.input(bytes: Self.bom + Array((Self.first + "\n").utf8), name: "a.jsonl"),
            Reading.input(bytes: Self.bom + Array((Self.second + "\n").utf8), name: "b.jsonl"),
        ])
        #expect(two.records.map { [$0.source, $0.line, Int($0.offset)] } == [[0, 1, 3], [1, 1, 3]])
        #expect(two.counts == EventCounts(lines: 2))
    }

    @Test("a byte-order mark anywhere else starts a rejected line")
    func byteOrderMarkInside() throws {
        let bytes = Array((Self.first + "\n").utf8) + Self.bom + Array((Self.second + "\n").utf8) + Self.bom + [0x0A]
            + Array(EventLine.make("ssl.disabled", "id", #""e3""#).utf8)
        let outcome = try Reading.read([Reading.input(bytes: bytes)])
        #expect(outcome.records.map(\.line) == [1, 4])
        #expect(outcome.reasons == [.byteOrderMarkInsideFile, .byteOrderMarkInsideFile])
        #expect(outcome.rejections.map(\.location.line) == [2, 3])
        #expect(outcome.rejections.first?.originalLine == Self.bom + Array(Self.second.utf8))
        #expect(outcome.rejections.first?.eventID == nil)
        #expect(outcome.counts == EventCounts(lines: 4, rejected: 2))
    }

    @Test("blank and white-space lines are skipped and not counted, but line numbers count them")
    func blankLines() throws {
        let text = "\n   \n\t\n\r\n \t \r\n" + Self.first + "\n\n" + Self.second + "\n \n\n"
        let outcome = try Reading.read(text)
        #expect(outcome.records.map(\.line) == [6, 8])
        #expect(outcome.counts == EventCounts(lines: 2))

        let onlyBlank = try Reading.read("\n \n\t\r\n\n")
        #expect(onlyBlank.records.isEmpty)
        #expect(onlyBlank.counts == EventCounts())

        let empty = try Reading.read("")
        #expect(empty.counts == EventCounts())
    }

    @Test("a last line without a newline is read when complete")
    func lastLineComplete() throws {
        let outcome = try Reading.read(Self.first + "\n" + Self.second)
        #expect(outcome.records.map(\.line) == [1, 2])
        #expect(outcome.records.last?.length == Self.second.utf8.count)
        #expect(outcome.counts == EventCounts(lines: 2))

        let withCR = try Reading.read(Self.first + "\r")
        #expect(withCR.records.map(\.length) == [Self.first.utf8.count])
    }

    @Test("a last line without a newline cut short is a truncated last line; with a newline, invalid JSON",
          arguments: [10, 40, 80])
    func lastLineTruncated(_ keep: Int) throws {
        let cut = String(Self.second.prefix(keep))
        let outcome = try Reading.read(Self.first + "\n" + cut)
        #expect(outcome.records.map(\.line) == [1])
        let rejection = try #require(outcome.rejections.first)
        #expect(rejection.location.line == 2)
        #expect(rejection.originalLine == Array(cut.utf8))
        guard case .truncatedLastLine = rejection.reason else {
            Issue.record("expected a truncated last line, got \(rejection.reason)")
            return
        }
        #expect(outcome.counts == EventCounts(lines: 2, rejected: 1))

        let inside = try Reading.read(cut + "\n" + Self.first + "\n")
        guard case .invalidJSON = inside.rejections.first?.reason else {
            Issue.record("expected invalid JSON, got \(String(describing: inside.rejections.first?.reason))")
            return
        }
        #expect(inside.counts == EventCounts(lines: 2, rejected: 1))
    }

    static let notObjects: [(line: String, found: String)] = [
        ("[1]", "an array"), ("[]", "an array"), (#"[{"id":"e1"}]"#, "an array"),
        (#""x""#, "a string"), ("42", "a number"), ("-1.5", "a number"),
        ("null", "null"), ("true", "a boolean"), ("false", "a boolean"),
    ]

    @Test("a line that is JSON but not an object", arguments: notObjects.indices)
    func notAnObject(_ index: Int) throws {
        let (line, found) = Self.notObjects[index]
        #expect(try Reading.verdict(line) == .rejected(.notAnObject(found: found)))
        // The same as a last line without a newline: complete JSON, so not truncated.
        let last = try Reading.read(line)
        #expect(last.reasons == [.notAnObject(found: found)])
    }

    static let invalidJSON: [String] = [
        #"{"id":}"#,
        #"{'id':'e1'}"#,
        #"{id:"e1"}"#,
        #"{"id":"e1",}"#,
        #"{"id":"e1""#,
        #"{"id":"e1"} {}"#,
        #"{"id":"e1"}x"#,
        #"{"id":"e1"}}"#,
        #"{"id":"e\x1"}"#,
        #"{"id":"e1" "time":"x"}"#,
        #"{"id":"e1",,"time":"x"}"#,
        #"{"id":tru}"#,
        #"{"id":"e1"}// comment"#,
        "{\"id\":\"e\u{01}1\"}",
        "{\"id\":\"e\t1\"}",
        "{\"id\":\"e1\"}\u{0B}",
        "{}x",
        "}",
        "{",
        "x",
    ]

    @Test("invalid JSON", arguments: invalidJSON)
    func invalid(_ line: String) throws {
        let verdict = try Reading.verdict(line)
        guard case .rejected(.invalidJSON) = verdict else {
            Issue.record("expected invalid JSON, got \(verdict)")
            return
        }
    }

    /// Lines with a trailing comma and the offset of the comma. Foundation
    /// accepts them on Linux; JSON does not, so Tally rejects them.
    static let trailingCommas: [(line: String, at: Int)] = [
        (#"{"id":"e1",}"#, 10),
        ("{\"id\":\"e1\" ,\t }", 11),
        ("[1,]", 2),
        (String(EventLine.make("ssl.disabled").dropLast()) + ",}", EventLine.make("ssl.disabled").utf8.count - 1),
        (String(EventLine.make("ssl.disabled").dropLast()) + #","tags":[1,2,]}"#, EventLine.make("ssl.disabled").utf8.count + 11),
        (String(EventLine.make("ssl.disabled").dropLast()) + #","meta":{"a":"}",}}"#, EventLine.make("ssl.disabled").utf8.count + 15),
    ]

    @Test("a trailing comma makes the line invalid JSON", arguments: trailingCommas.indices)
    func trailingComma(_ index: Int) throws {
        let (line, offset) = Self.trailingCommas[index]
        #expect(try Reading.verdict(line) == .rejected(.invalidJSON(detail: "Trailing comma around character \(offset).")))
    }

    static let invalidUTF8: [[UInt8]] = [
        [0xFF],
        [0xC0, 0xAF],             // overlong
        [0xE2, 0x82],             // cut short
        [0xED, 0xA0, 0x80],       // an encoded surrogate
        [0xF4, 0x90, 0x80, 0x80], // beyond U+10FFFF
        [0x80],                   // a lone continuation byte
    ]

    @Test("a line that is not UTF-8", arguments: invalidUTF8)
    func notUTF8(_ bad: [UInt8]) throws {
        let line = Array(#"{"id":"e"#.utf8) + bad + Array(#"1","time":"2026-10-01T00:00:00Z"}"#.utf8)
        let outcome = try Reading.read([Reading.input(bytes: Array((Self.first + "\n").utf8) + line + [0x0A])])
        #expect(outcome.reasons == [.invalidUTF8])
        #expect(outcome.rejections.first?.location.line == 2)
        #expect(outcome.rejections.first?.originalLine == line)
        #expect(outcome.counts == EventCounts(lines: 2, rejected: 1))
        // Also inside the value of a field Tally doesn't read.
        let ignored = Array(String(Self.first.dropLast()).utf8) + Array(#","note":""#.utf8) + bad + Array(#""}"#.utf8)
        #expect(try Reading.read([Reading.input(bytes: ignored + [0x0A])]).reasons == [.invalidUTF8])
    }

    static let repeatedKeys: [(members: String, key: String)] = [
        (#""app":"shop","app":"shop""#, "app"),
        (#""app":"shop","app":"blog""#, "app"),
        (#""app":"shop","\u0061pp":"blog""#, "app"),
        (#""\u0061pp":"shop","app":"shop""#, "app"),
        (#""x":1,"x":1"#, "x"),
        (#""x":[1,{"y":2}],"note":"a","x":{}"#, "x"),
        (#""id":"e1""#, "id"),
        (#""caf\u00e9":1,"café":2"#, "café"),
    ]

    @Test("a key that appears twice in the object", arguments: repeatedKeys.indices)
    func duplicateKeys(_ index: Int) throws {
        let (members, key) = Self.repeatedKeys[index]
        let line = String(EventLine.make("application.destroyed").dropLast()) + "," + members + "}"
        #expect(try Reading.verdict(line) == .rejected(.duplicateKey(key)))
    }

    @Test("several inputs are read in order, each with its own line numbers; sequence runs across them")
    func severalInputs() throws {
        let bad = EventLine.make("ssl.disabled", ["id": #""e4""#, "type": #""ssl.Disabled""#])
        let outcome = try Reading.read([
            .text(Self.first + "\n\n" + Self.second + "\n", name: "a.jsonl"),
            .text("", name: "empty.jsonl"),
            .text("\n" + bad + "\n" + EventLine.make("ssl.disabled", "id", #""e3""#), name: "b.jsonl"),
        ])
        #expect(outcome.records.map { [$0.source, $0.line, $0.sequence] } == [[0, 1, 0], [0, 3, 1], [2, 3, 2]])
        #expect(outcome.rejections.map(\.location) == [LogLocation(file: "b.jsonl", line: 2)])
        #expect(outcome.rejections.map(\.description) == [#"b.jsonl:2: e4: unknown event type "ssl.Disabled""#])
        #expect(outcome.counts == EventCounts(lines: 4, rejected: 1))
    }
}
