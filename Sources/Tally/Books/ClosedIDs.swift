import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An event id seen by a run, by its 64-bit hash, with the line that first
/// carried it (SPEC §2.1): what the books keep of each id. Held as the list
/// file writes it, 24 bytes (a ``LineLocation`` alone takes 24 with its
/// padding): a close of a million events keeps a million of them.
struct RegisteredID: Sendable, Equatable {
    var hash: UInt64
    /// The line's offset (48 bits) and input (the top 16 bits).
    private var offsetAndSource: UInt64
    private var line: Int32
    private var length: Int32

    /// Bytes one takes in an id list: hash, then offset and input (6 and 2
    /// bytes), line and length.
    static let size = 24

    /// The line that first carried the id.
    var location: LineLocation {
        LineLocation(source: UInt16(offsetAndSource >> 48), line: line, offset: Int64(offsetAndSource & 0xFFFF_FFFF_FFFF),
                     length: length)
    }

    func encode(to writer: inout BinaryWriter) {
        writer.write(hash)
        writer.write(offsetAndSource)
        writer.write(line)
        writer.write(length)
    }

    /// The order of an id list: by hash, then by where the line is.
    static func precedes(_ one: RegisteredID, _ other: RegisteredID) -> Bool {
        (one.hash, one.offsetAndSource >> 48, one.line) < (other.hash, other.offsetAndSource >> 48, other.line)
    }

    /// Sorts `ids`, given in the order their lines were read, into the
    /// order of an id list (``precedes(_:_:)``): by hash, 16 bits at a time
    /// from the lowest, each pass keeping the order of equal digits, so ids
    /// of one hash stay in the order read. A million ids take a few
    /// hundredths of a second, a comparison sort ten times more.
    static func sort(_ ids: inout [RegisteredID]) {
        guard ids.count > 1 else { return }
        var scratch = ids
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: UInt64(0), to: 64, by: 16) {
            for index in counts.indices { counts[index] = 0 }
            for id in ids { counts[Int((id.hash >> shift) & 0xFFFF)] += 1 }
            var total = 0
            for index in counts.indices {
                let count = counts[index]
                counts[index] = total
                total += count
            }
            for id in ids {
                let digit = Int((id.hash >> shift) & 0xFFFF)
                scratch[counts[digit]] = id
                counts[digit] += 1
            }
            swap(&ids, &scratch)
        }
        // Lines read out of order (not expected) are put right by a comparison sort.
        if !zip(ids, ids.dropFirst()).allSatisfy({ !precedes($1, $0) }) { ids.sort(by: precedes) }
    }

    init(hash: UInt64, location: LineLocation) {
        self.hash = hash
        offsetAndSource = UInt64(location.offset) & 0xFFFF_FFFF_FFFF | UInt64(location.source) << 48
        line = location.line
        length = location.length
    }

    init(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        hash = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        offsetAndSource = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        line = Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 16, as: Int32.self))
        length = Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 20, as: Int32.self))
    }
}

/// The ids of every closed month (SPEC §7.2: ids stay unique across the
/// whole log, closed months included), without holding them: a filter that
/// answers "not used" for almost every new id, and each close's list of the
/// ids it first saw, sorted by hash, read at the place a hash must be (the
/// hashes are uniform, so their rank is about hash ÷ 2⁶⁴ × count) to find
/// the first line of an id the filter may have. The lists are read with
/// `pread`, not mapped: a mapped list's pages count as the process's memory,
/// and a few hundred questions touched most of them (README, "Closing a month").
struct ClosedIDs: Sendable {
    /// Every closed id, in a few bits each.
    var filter: IDFilter
    /// One list per close, earliest first.
    var lists: [IDList]

    /// The lines that first carried an id of hash `hash` in the closed
    /// months (more than one only when two ids share a hash).
    func firstLines(of hash: UInt64) -> [LineLocation] {
        guard filter.mayContain(hash) else { return [] }
        return lists.flatMap { $0.lines(of: hash) }
    }

    /// A close's list of `ids`, sorted by hash, as its file holds it (ids
    /// already in that order are not sorted again).
    static func list(_ ids: [RegisteredID]) -> [UInt8] {
        var writer = BinaryWriter(reservingCapacity: ids.count * RegisteredID.size)
        let sorted = zip(ids, ids.dropFirst()).allSatisfy { !RegisteredID.precedes($1, $0) }
        for id in sorted ? ids : ids.sorted(by: RegisteredID.precedes) { id.encode(to: &writer) }
        return writer.bytes
    }
}

/// One close's list of ids (`ids.bin`), open for reading.
final class IDList: @unchecked Sendable {
    /// The file, for messages.
    let path: String
    /// Ids in the list.
    let count: Int
    private let descriptor: Int32

    /// Opens the list at `path`.
    ///
    /// - Throws: ``BooksError/damaged(file:problem:)`` when it can't be read
    ///   or is not a whole number of entries.
    init(path: String) throws(BooksError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        var status = stat()
        guard descriptor >= 0, fstat(descriptor, &status) == 0, Int(status.st_size) % RegisteredID.size == 0 else {
            if descriptor >= 0 { close(descriptor) }
            throw .damaged(file: path, problem: "unreadable id list")
        }
        count = Int(status.st_size) / RegisteredID.size
    }

    deinit { close(descriptor) }

    /// The entries `range` (indices), read from the file; fewer when it can't be read.
    private func entries(_ range: Range<Int>) -> [RegisteredID] {
        guard !range.isEmpty else { return [] }
        var bytes = [UInt8](repeating: 0, count: range.count * RegisteredID.size)
        let read = bytes.withUnsafeMutableBytes { buffer in
            pread(descriptor, buffer.baseAddress, buffer.count, off_t(range.lowerBound * RegisteredID.size))
        }
        guard read > 0 else { return [] }
        return bytes.withUnsafeBytes { buffer in
            (0..<read / RegisteredID.size).map { RegisteredID(buffer, at: $0 * RegisteredID.size) }
        }
    }

    /// The lines of the entries of hash `hash`, found by interpolation: the
    /// hashes are uniform, so a hash's place is about where its value lies
    /// between the hashes known around it. Each step reads a few entries
    /// there and narrows the range; a handful of small reads find it. A range
    /// interpolation does not narrow fast (hashes far from uniform) is
    /// searched by halves.
    func lines(of hash: UInt64) -> [LineLocation] {
        // The first entry not below the hash lies in low...high (high: none in the list is).
        var low = 0
        var high = count
        var lowHash: UInt64 = 0
        var highHash = UInt64.max
        var steps = 0
        while high - low > 32, steps < 8 {
            steps += 1
            let span = high - low
            let fraction = Double(hash &- lowHash) / max(1, Double(highHash &- lowHash))
            let guess = low + min(span - 1, max(0, Int(fraction * Double(span))))
            let start = max(low, guess - 16)
            let window = entries(start..<min(high, guess + 16))
            guard let first = window.first, let last = window.last else { return [] }
            if last.hash < hash {
                low = start + window.count
                lowHash = last.hash
            } else if first.hash >= hash {
                high = start
                highHash = first.hash
            } else {
                low = start
                high = start + window.count
            }
        }
        while high - low > 32 {
            let middle = (low + high) / 2
            guard let entry = entries(middle..<middle + 1).first else { return [] }
            if entry.hash < hash { low = middle + 1 } else { high = middle }
        }
        // The rest of the range, then on while the hash lasts.
        var found: [LineLocation] = []
        var index = low
        while index < count {
            let window = entries(index..<min(count, index + max(32, high - index)))
            guard !window.isEmpty else { break }
            for entry in window where entry.hash >= hash {
                guard entry.hash == hash else { return found }
                found.append(entry.location)
            }
            index += window.count
        }
        return found
    }

    /// Calls `body` with every entry, in order, read a block at a time.
    func forEach(_ body: (RegisteredID) -> Void) {
        var start = 0
        while start < count {
            let block = entries(start..<min(count, start + 1 << 16))
            guard !block.isEmpty else { return }
            block.forEach(body)
            start += block.count
        }
    }
}
