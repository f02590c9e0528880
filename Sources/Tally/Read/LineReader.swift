import Foundation

/// One line of an input, handed to a closure and valid only during the call.
struct RawLine {
    /// 1-based line number, blank lines included.
    var number: Int
    /// Byte offset of the line's first byte in its input.
    var offset: Int64
    /// The line's bytes without its LF or CRLF. For an over-long line, only
    /// the first ``LineReader/maximumLineLength`` bytes.
    var bytes: UnsafeRawBufferPointer
    /// The line's full length in bytes, without LF or CRLF.
    var length: Int
    /// Whether a newline ended the line (the last line of a file may lack one).
    var endsWithNewline: Bool

    var isTooLong: Bool { length > bytes.count }
}

/// Splits a stream of bytes into lines (SPEC §2: LF or CRLF; a byte-order mark
/// at the start of the input skipped; lines of only white space skipped).
///
/// Reads fixed-size chunks, never the whole input, and holds at most one chunk
/// plus one line: a line longer than ``maximumLineLength`` is passed on cut,
/// with its full length, and the rest of it is skipped as it streams by.
struct LineReader {
    /// The longest line kept whole, in bytes (1 MiB). Events are a few hundred
    /// bytes; anything longer is rejected without being held in memory.
    static let maximumLineLength = 1 << 20
    /// Bytes read at a time.
    static let chunkSize = 1 << 20

    /// Where a reading ended: after the last line taken, and whether `body`
    /// stopped it early.
    struct Ending: Equatable {
        /// Whether `body` returned `false`.
        var stopped: Bool
        /// The offset just after the last line taken (its newline included).
        var offset: Int64
        /// Lines before that offset, blank ones included.
        var lines: Int
    }

    /// Reads the next chunk of at most ``chunkSize`` bytes; `nil` or empty at the end.
    private let readChunk: () throws(InputError) -> Data?
    private let maximumLineLength: Int
    /// The input's offset and line count where reading starts (a file read
    /// on from where an earlier run stopped); a byte-order mark is looked for
    /// only at offset 0.
    private let start: (offset: Int64, lines: Int)
    /// Whether a last line without its newline is left unread, as a line
    /// another writer is still writing (when following a log), instead of
    /// being passed on as a truncated last line.
    private let completeLinesOnly: Bool

    init(maximumLineLength: Int = LineReader.maximumLineLength, startingAt start: (offset: Int64, lines: Int) = (0, 0),
         completeLinesOnly: Bool = false, readChunk: @escaping () throws(InputError) -> Data?) {
        self.maximumLineLength = maximumLineLength
        self.start = start
        self.completeLinesOnly = completeLinesOnly
        self.readChunk = readChunk
    }

    /// Calls `body` with every line that holds something besides white space,
    /// in order, until `body` returns `false`.
    ///
    /// - Returns: where the reading ended.
    /// - Throws: what `readChunk` or `body` throws.
    @discardableResult
    func forEachLine(_ body: (RawLine) throws(InputError) -> Bool) throws(InputError) -> Ending {
        let capacity = maximumLineLength + Self.chunkSize + 8
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
        defer { storage.deallocate() }
        let base = storage.baseAddress!

        var filled = 0                  // bytes held in storage
        var storageOffset = start.offset  // input offset of storage[0]
        var lineNumber = start.lines
        var firstChunk = start.offset == 0
        var ending = Ending(stopped: false, offset: start.offset, lines: start.lines)
        let stopped = { Ending(stopped: true, offset: ending.offset, lines: ending.lines) }
        // An over-long line being skipped: its number, offset, length so far, first bytes, last byte,
        // and whether every byte after the first ones was white space.
        var skipped: (number: Int, offset: Int64, length: Int, head: UnsafeMutableRawBufferPointer, last: UInt8,
                      restIsBlank: Bool)?
        defer { skipped?.head.deallocate() }

        @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        /// Whether `count` bytes at `start` are all white space.
        func isBlank(_ start: UnsafeRawPointer, _ count: Int) -> Bool {
            UnsafeRawBufferPointer(start: start, count: count).allSatisfy(isSpace)
        }

        /// `count` bytes at `start` are kept of a line of `length` bytes whose last byte is `last`;
        /// `restIsBlank` says whether the bytes not kept are all white space.
        func emit(_ start: UnsafeRawPointer, count: Int, number: Int, offset: Int64, length: Int, last: UInt8,
                  newline: Bool, restIsBlank: Bool) throws(InputError) -> Bool {
            // The CR of a CRLF (or one at the very end) is not part of the line, however long the line.
            let contentLength = length > 0 && last == 0x0D ? length - 1 : length
            let content = UnsafeRawBufferPointer(start: start, count: min(count, contentLength))
            // A line is blank only if it starts with white space; most start with `{`. A line of
            // only white space is blank however long it is (SPEC §2), even past the line limit.
            if content.isEmpty || isSpace(content[0]), restIsBlank, content.allSatisfy(isSpace) { return true }
            return try body(RawLine(number: number, offset: offset, bytes: content, length: contentLength, endsWithNewline: newline))
        }

        while true {
            guard let chunk = try readChunk(), !chunk.isEmpty else { break }
            precondition(chunk.count <= Self.chunkSize, "a chunk is larger than LineReader.chunkSize")
            chunk.copyBytes(to: UnsafeMutableRawBufferPointer(rebasing: storage[filled..<filled + chunk.count]))
            filled += chunk.count
            var consumed = 0
            if firstChunk {
                // A byte-order mark may arrive in pieces: wait for three bytes unless these can't start one.
                if filled < 3, [0xEF, 0xBB, 0xBF].starts(with: storage[0..<filled]) { continue }
                firstChunk = false
                if filled >= 3, storage[0] == 0xEF, storage[1] == 0xBB, storage[2] == 0xBF { consumed = 3 }
            }
            while consumed < filled {
                guard let found = memchr(base + consumed, 0x0A, filled - consumed) else { break }
                let end = base.distance(to: UnsafeMutableRawPointer(found))
                let count = end - consumed
                if let line = skipped {
                    skipped = nil
                    defer { line.head.deallocate() }
                    guard try emit(UnsafeRawPointer(line.head.baseAddress!), count: line.head.count, number: line.number,
                             offset: line.offset, length: line.length + count, last: count > 0 ? storage[end - 1] : line.last,
                             newline: true, restIsBlank: line.restIsBlank && isBlank(base + consumed, count)) else { return stopped() }
                } else {
                    lineNumber += 1
                    guard try emit(base + consumed, count: min(count, maximumLineLength), number: lineNumber,
                             offset: storageOffset + Int64(consumed), length: count, last: count > 0 ? storage[end - 1] : 0,
                             newline: true,
                             restIsBlank: count <= maximumLineLength
                                 || isBlank(base + consumed + maximumLineLength, count - maximumLineLength)) else { return stopped() }
                }
                consumed = end + 1
                ending.offset = storageOffset + Int64(consumed)
                ending.lines = lineNumber
            }
            let leftover = filled - consumed
            if skipped != nil {
                skipped!.length += leftover
                if leftover > 0 { skipped!.last = storage[filled - 1] }
                if skipped!.restIsBlank { skipped!.restIsBlank = isBlank(base + consumed, leftover) }
                consumed = filled
            } else if leftover > maximumLineLength {
                lineNumber += 1
                let head = UnsafeMutableRawBufferPointer.allocate(byteCount: maximumLineLength, alignment: 1)
                head.copyMemory(from: UnsafeRawBufferPointer(start: base + consumed, count: maximumLineLength))
                skipped = (lineNumber, storageOffset + Int64(consumed), leftover, head, storage[filled - 1],
                           isBlank(base + consumed + maximumLineLength, leftover - maximumLineLength))
                consumed = filled
            }
            if consumed > 0 {
                if leftover > 0, consumed < filled {
                    (base).copyMemory(from: base + consumed, byteCount: filled - consumed)
                }
                filled -= consumed
                storageOffset += Int64(consumed)
            }
        }

        // A last line without its newline: passed on (a truncated last line
        // is then rejected), or left for later when following a log.
        if completeLinesOnly { return ending }
        if let line = skipped {
            skipped = nil
            defer { line.head.deallocate() }
            guard try emit(UnsafeRawPointer(line.head.baseAddress!), count: line.head.count, number: line.number,
                     offset: line.offset, length: line.length, last: line.last, newline: false,
                     restIsBlank: line.restIsBlank) else { return stopped() }
            ending = Ending(stopped: false, offset: line.offset + Int64(line.length), lines: line.number)
        } else if filled > 0 {
            lineNumber += 1
            guard try emit(base, count: min(filled, maximumLineLength), number: lineNumber, offset: storageOffset,
                     length: filled, last: storage[filled - 1], newline: false,
                     restIsBlank: filled <= maximumLineLength
                         || isBlank(base + maximumLineLength, filled - maximumLineLength)) else { return stopped() }
            ending = Ending(stopped: false, offset: storageOffset + Int64(filled), lines: lineNumber)
        }
        return ending
    }

    /// Reads the rest of the input without splitting it, e.g. so that standard
    /// input is copied whole to its spool after a read stopped early.
    func drain() throws(InputError) {
        while let chunk = try readChunk(), !chunk.isEmpty {}
    }
}
