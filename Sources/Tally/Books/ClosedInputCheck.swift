import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks that an input still begins with what a close read (SPEC §7.2: a
/// file shortened, edited, replaced or missing stops the run), by hashing it
/// in blocks without parsing it, and hashes what a close read for the next
/// check.
enum ClosedInputCheck {
    /// Bytes in a hashed block (64 KiB): where a file differs is told to
    /// within one block.
    static let blockSize = 1 << 16

    /// The block hashes of the first `length` bytes of the file at `path`,
    /// reusing `known` (hashes of whole blocks read before) for the blocks
    /// they cover.
    ///
    /// - Throws: ``InputError`` when the file can't be read that far.
    static func blockHashes(of path: String, name: String, length: Int64,
                            reusing known: [UInt64] = []) throws(InputError) -> [UInt64] {
        let wholeKnown = known.count > 0 ? known.count - 1 : 0   // the last known block may have been partial
        var hashes = Array(known.prefix(wholeKnown))
        try forEachBlock(of: path, name: name, from: Int64(wholeKnown) * Int64(blockSize), to: length) { _, bytes in
            hashes.append(ContentHash.hash(bytes))
            return true
        }
        return hashes
    }

    /// Checks that `input` begins with the bytes `closes` read of it, the
    /// latest close last.
    ///
    /// - Parameter index: the input's place among the inputs.
    /// - Throws: ``BooksError/inputChanged(input:month:offset:problem:)``
    ///   naming the first block that differs and the close that read it.
    /// - Returns: the file's stamp, when it did not change while it was
    ///   checked: the close that follows may record it (``FileStamp``).
    ///   A file whose stamp is the one the last close recorded is not
    ///   hashed again: it has not changed since.
    /// - Parameter trustingStamps: skip a file whose stamp is the one recorded (the benchmark
    ///   times the check without).
    @discardableResult
    static func verify(_ path: String, name: String, index: Int, closes: [CloseRecord],
                       trustingStamps: Bool = true) throws(BooksError) -> FileStamp? {
        guard let latest = closes.last, index < latest.inputs.count else { return nil }
        let closed = latest.inputs[index]
        /// The month whose close first read the byte at `offset`.
        func reader(of offset: Int64) -> BillingPeriod {
            closes.first { index < $0.inputs.count && $0.inputs[index].bytes > offset }?.period ?? latest.period!
        }
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw .inputChanged(input: name, month: reader(of: 0), offset: 0, problem: "is missing")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw .inputChanged(input: name, month: reader(of: 0), offset: 0, problem: "is no longer a regular file")
        }
        if Int64(status.st_size) < closed.bytes {
            throw .inputChanged(input: name, month: reader(of: Int64(status.st_size)), offset: Int64(status.st_size),
                                problem: "is shorter than what was read (\(NumberText.grouped(closed.bytes)) bytes), it ends")
        }
        let expected = closed.blockHashes
        guard closed.blockSize == blockSize else {
            throw .damaged(file: name, problem: "the close of \(latest.month) records block hashes Tally can't read")
        }
        let before = FileStamp(path: path)
        if trustingStamps, let before, before == closed.stamp { return before }
        var mismatch: Int64?
        do {
            try forEachBlock(of: path, name: name, from: 0, to: closed.bytes) { offset, bytes in
                let block = Int(offset / Int64(blockSize))
                guard block < expected.count, ContentHash.hash(bytes) == expected[block] else {
                    mismatch = offset
                    return false
                }
                return true
            }
        } catch {
            throw .inputChanged(input: name, month: reader(of: 0), offset: 0, problem: "can't be read (\(error.problem))")
        }
        if let mismatch {
            throw .inputChanged(input: name, month: reader(of: mismatch), offset: mismatch,
                                problem: "differs from what was read, in the \(NumberText.grouped(blockSize))-byte block starting")
        }
        return before == FileStamp(path: path) ? before : nil
    }

    /// Calls `body` with each block of the file from `start` (a block
    /// boundary) to `end`, the last one possibly short, until it returns `false`.
    private static func forEachBlock(of path: String, name: String, from start: Int64, to end: Int64,
                                     _ body: (Int64, UnsafeRawBufferPointer) -> Bool) throws(InputError) {
        guard end > start else { return }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(name: name, problem: "cannot be opened: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let chunk = 16 * blockSize
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var offset = start
        while offset < end {
            let wanted = Int(min(Int64(chunk), end - offset))
            var filled = 0
            while filled < wanted {
                let count = pread(descriptor, buffer.baseAddress! + filled, wanted - filled, off_t(offset) + off_t(filled))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    throw InputError(name: name, problem: "ends at byte \(offset + Int64(filled)), before byte \(end)")
                }
                filled += count
            }
            var blockStart = 0
            while blockStart < filled {
                let blockEnd = min(filled, blockStart + blockSize)
                guard body(offset + Int64(blockStart), UnsafeRawBufferPointer(rebasing: buffer[blockStart..<blockEnd])) else { return }
                blockStart = blockEnd
            }
            offset += Int64(filled)
        }
    }
}
