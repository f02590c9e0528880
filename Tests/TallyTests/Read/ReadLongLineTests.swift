import Foundation
import Testing
@testable import Tally

/// Lines of 1 MiB and more, and lines that straddle the reader's 1 MiB chunks:
/// a line longer than 1 MiB is rejected without being held, and the lines after
/// it are read with the right numbers (README, "Choices where the spec is
/// silent": files are read as streams, never whole into memory).
@Suite("Read: long lines and chunk boundaries")
struct ReadLongLineTests {
    static let limit = LineReader.maximumLineLength
    static let chunk = LineReader.chunkSize

    /// A valid `ssl.disabled` line with id `id`, padded by an ignored field to exactly `length` bytes.
    static func padded(_ id: String, length: Int) -> String {
        let head = String(EventLine.make("ssl.disabled", "id", "\"\(id)\"").dropLast()) + #","pad":""#
        let padding = length - head.utf8.count - 2
        precondition(padding >= 0, "a padded line can't be shorter than \(head.utf8.count + 2) bytes")
        return head + String(repeating: "x", count: padding) + "\"}"
    }

    @Test("a line of exactly 1 MiB is read; one byte more is too long, and the next line still has its number")
    func limitExactly() throws {
        let exact = Self.padded("e2", length: Self.limit)
        let over = Self.padded("e4", length: Self.limit + 1)
        let text = Self.padded("e1", length: 200) + "\n" + exact + "\n\n" + over + "\n" + Self.padded("e5", length: 300) + "\n"
        let outcome = try Reading.read(text)
        #expect(outcome.records.map(\.line) == [1, 2, 5])
        #expect(outcome.records.map(\.length) == [200, Self.limit, 300])
        #expect(outcome.records.map(\.offset) == [0, 201, Int64(201 + Self.limit + 2 + Self.limit + 2)])
        #expect(outcome.reasons == [.lineTooLong(length: Self.limit + 1, limit: Self.limit)])
        let rejection = try #require(outcome.rejections.first)
        #expect(rejection.location == LogLocation(file: "test.jsonl", line: 4))
        #expect(rejection.eventID == nil)
        #expect(rejection.originalLine == Array(over.utf8.prefix(Self.limit)))
        #expect(outcome.counts == EventCounts(lines: 4, rejected: 1))
    }

    @Test("with CRLF, the CR is not counted: a 1 MiB line is read, and a too-long line's length leaves it out")
    func limitWithCRLF() throws {
        let exact = Self.padded("e1", length: Self.limit)
        let over = Self.padded("e2", length: Self.limit + 10)
        let huge = Self.padded("e3", length: 3 * Self.limit + 7)
        let outcome = try Reading.read(exact + "\r\n" + over + "\r\n" + huge + "\r\n" + Self.padded("e4", length: 200) + "\r\n")
        #expect(outcome.records.map(\.line) == [1, 4])
        #expect(outcome.records.map(\.length) == [Self.limit, 200])
        #expect(outcome.reasons == [.lineTooLong(length: Self.limit + 10, limit: Self.limit),
                                    .lineTooLong(length: 3 * Self.limit + 7, limit: Self.limit)])
        #expect(outcome.counts == EventCounts(lines: 4, rejected: 2))
    }

    @Test("lines of several MiB are skipped as they stream by, also as the last line", arguments: [2, 3, 5])
    func severalMiB(_ mebibytes: Int) throws {
        let length = mebibytes * Self.limit + 12_345
        let long = Self.padded("e2", length: length)
        let text = Self.padded("e1", length: 150) + "\n" + long + "\n" + Self.padded("e3", length: 150) + "\n" + long
        let outcome = try Reading.read(text)
        #expect(outcome.records.map(\.line) == [1, 3])
        #expect(outcome.records.map(\.offset) == [0, Int64(151 + length + 1)])
        #expect(outcome.rejections.map(\.location.line) == [2, 4])
        #expect(outcome.reasons == Array(repeating: .lineTooLong(length: length, limit: Self.limit), count: 2))
        #expect(outcome.counts == EventCounts(lines: 4, rejected: 2))
    }

    /// A log of more than 3 MiB whose line ends fall on and around the 1 MiB
    /// chunk boundaries: a newline as a chunk's last byte, a line starting a
    /// chunk, a CRLF split across chunks, a line straddling a boundary.
    static func boundaryLog() -> (text: String, lines: [(id: String, line: Int, offset: Int64, length: Int)]) {
        var text = ""
        var size = 0
        var lines: [(id: String, line: Int, offset: Int64, length: Int)] = []
        var number = 0
        func add(length: Int, ending: String = "\n") {
            number += 1
            let id = "e\(number)"
            text += padded(id, length: length) + ending
            lines.append((id, number, Int64(size), length))
            size += length + ending.utf8.count
        }
        func fill(until target: Int) {
            while target - size > 3000 { add(length: 700 + number % 1300) }
        }
        // A newline as the last byte of the first chunk; the next line starts the second.
        fill(until: chunk - 1)
        add(length: chunk - 1 - size)
        // A CRLF whose CR ends the second chunk and whose LF starts the third.
        fill(until: 2 * chunk - 1)
        add(length: 2 * chunk - 1 - size, ending: "\r\n")
        // A line straddling the third boundary, with a blank line before it.
        fill(until: 3 * chunk - 400)
        text += "\n"
        size += 1
        number += 1
        add(length: 3 * chunk - size + 400)
        fill(until: 3 * chunk + 200_000)
        add(length: 500, ending: "")
        return (text, lines)
    }

    @Test("lines around the 1 MiB read-chunk boundaries are all read right, from memory and from a file")
    func chunkBoundaries() throws {
        let (text, expected) = Self.boundaryLog()
        #expect(text.utf8.count > 3 * Self.chunk)
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("big.jsonl")
        try text.write(to: file, atomically: true, encoding: .utf8)

        for input in [EventInput.text(text, name: "big.jsonl"), .file(file.path)] {
            let outcome = try Reading.read([input])
            #expect(outcome.rejections.isEmpty)
            #expect(outcome.counts == EventCounts(lines: expected.count))
            #expect(outcome.records.count == expected.count)
            for (record, line) in zip(outcome.records, expected) where
                record.line != line.line || record.offset != line.offset || record.length != line.length {
                let actual = "line \(record.line) at \(record.offset)+\(record.length)"
                Issue.record("\(line.id): read as \(actual), expected line \(line.line) at \(line.offset)+\(line.length)")
                break
            }
        }
    }
}
