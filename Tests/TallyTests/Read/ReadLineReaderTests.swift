import Foundation
import Testing
@testable import Tally

/// `LineReader` against a plain model of SPEC §2's line rules, on seeded
/// random inputs read in chunks of every small size (a pipe may deliver any
/// number of bytes at a time), with a small line limit so that over-long
/// lines and chunk boundaries meet often.
@Suite("Read: line splitting against a model")
struct ReadLineReaderTests {
    /// One line as the reader hands it on.
    struct Line: Hashable, CustomStringConvertible {
        var number: Int
        var offset: Int64
        var bytes: [UInt8]
        var length: Int
        var endsWithNewline: Bool

        var description: String {
            "#\(number)@\(offset)+\(length)\(endsWithNewline ? "" : " (no newline)"): \(Printable.quoted(bytes: bytes))"
        }
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// What SPEC §2 asks: a leading byte-order mark skipped; lines split at LF,
    /// each numbered; a CR before the LF (or at the very end) not part of the
    /// line; lines of only white space skipped, however long; other lines
    /// longer than `limit` handed on cut, with their full length.
    static func model(_ input: [UInt8], limit: Int) -> [Line] {
        var start = input.starts(with: byteOrderMark) ? 3 : 0
        var number = 0
        var lines: [Line] = []
        while start < input.count {
            let newline = input[start...].firstIndex(of: 0x0A)
            let end = newline ?? input.count
            number += 1
            var content = Array(input[start..<end])
            if content.last == 0x0D { content.removeLast() }
            if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                // Blank however long it is, even past the limit.
            } else if content.count > limit {
                lines.append(Line(number: number, offset: Int64(start), bytes: Array(content.prefix(limit)),
                                  length: content.count, endsWithNewline: newline != nil))
            } else {
                lines.append(Line(number: number, offset: Int64(start), bytes: content, length: content.count,
                                  endsWithNewline: newline != nil))
            }
            start = end + 1
        }
        return lines
    }

    /// What `LineReader` makes of `input` delivered in chunks of the given sizes, cycled.
    static func read(_ input: [UInt8], limit: Int, chunkSizes: [Int]) -> [Line] {
        var position = 0
        var turn = 0
        let reader = LineReader(maximumLineLength: limit) { () throws(InputError) -> Data? in
            guard position < input.count else { return nil }
            let end = min(position + chunkSizes[turn % chunkSizes.count], input.count)
            turn += 1
            defer { position = end }
            return Data(input[position..<end])
        }
        var lines: [Line] = []
        try! reader.forEachLine { line in
            lines.append(Line(number: line.number, offset: line.offset, bytes: Array(line.bytes), length: line.length,
                              endsWithNewline: line.endsWithNewline))
            return true
        }
        return lines
    }

    @Test("a byte-order mark is skipped however the first bytes arrive", arguments: [[1], [2], [1, 2], [3], [4], [64]])
    func byteOrderMarkInPieces(_ chunkSizes: [Int]) {
        let input = Self.byteOrderMark + Array("{}\r\n  \nab\n".utf8)
        #expect(Self.read(input, limit: 100, chunkSizes: chunkSizes) == [
            Line(number: 1, offset: 3, bytes: Array("{}".utf8), length: 2, endsWithNewline: true),
            Line(number: 3, offset: 10, bytes: Array("ab".utf8), length: 2, endsWithNewline: true),
        ])
    }

    @Test("an input that is only part of a byte-order mark is one line")
    func partialByteOrderMark() {
        #expect(Self.read([0xEF, 0xBB], limit: 100, chunkSizes: [1]) == [
            Line(number: 1, offset: 0, bytes: [0xEF, 0xBB], length: 2, endsWithNewline: false),
        ])
    }

    @Test("seeded random inputs, every chunk size, match the model")
    func randomInputs() {
        let seed = UInt64(0x7A11_2026)
        var random = SplitMix64(seed: seed)
        // Bytes that matter to the splitter, and one that doesn't.
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x20, 0x09, UInt8(ascii: "a"), UInt8(ascii: "a"), UInt8(ascii: "a"), 0xEF]
        for round in 0..<3000 {
            var input: [UInt8] = random.next() % 4 == 0 ? Self.byteOrderMark : []
            let count = Int(random.next() % 60)
            for _ in 0..<count { input.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            let limit = 1 + Int(random.next() % 12)
            let chunkSizes = (0..<3).map { _ in 1 + Int(random.next() % 20) }
            let expected = Self.model(input, limit: limit)
            let actual = Self.read(input, limit: limit, chunkSizes: chunkSizes)
            if actual != expected {
                Issue.record("""
                    seed \(seed), round \(round): limit \(limit), chunks \(chunkSizes), input \(input)
                    expected \(expected)
                    actual   \(actual)
                    """)
                return
            }
        }
    }
}
