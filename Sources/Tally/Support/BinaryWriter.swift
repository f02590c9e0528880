import Foundation

/// Writes values in the books' binary format (README, "Closing a month"):
/// little-endian fixed-width integers, strings and byte runs prefixed by
/// their length. Paired with ``BinaryReader``.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ flag: Bool) {
        bytes.append(flag ? 1 : 0)
    }

    mutating func write(_ text: String) {
        let utf8 = Array(text.utf8)
        write(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func write(bytes run: some Collection<UInt8>) {
        write(UInt64(run.count))
        bytes.append(contentsOf: run)
    }

    mutating func write(_ location: LineLocation) {
        write(location.source)
        write(location.line)
        write(location.offset)
        write(location.length)
    }
}

/// Reads what ``BinaryWriter`` wrote, checking every length against what is
/// left, so a damaged or cut file is an error, never a crash.
struct BinaryReader {
    /// A file in the books that can't be read as what it should hold.
    struct Damaged: Error, Sendable, Hashable {
        /// What was being read.
        var what: String
    }

    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func read<T: FixedWidthInteger>(_ type: T.Type = T.self) throws(Damaged) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw Damaged(what: "\(T.self) at byte \(offset)") }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        offset += size
        return T(littleEndian: value)
    }

    mutating func readBool() throws(Damaged) -> Bool {
        let byte: UInt8 = try read()
        guard byte <= 1 else { throw Damaged(what: "a flag at byte \(offset - 1)") }
        return byte == 1
    }

    mutating func readString() throws(Damaged) -> String {
        let count = Int(try read(UInt32.self))
        guard offset + count <= bytes.count else { throw Damaged(what: "a string at byte \(offset)") }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    mutating func readBytes() throws(Damaged) -> [UInt8] {
        let count = try read(UInt64.self)
        guard count <= UInt64(bytes.count - offset) else { throw Damaged(what: "bytes at byte \(offset)") }
        defer { offset += Int(count) }
        return Array(bytes[offset..<offset + Int(count)])
    }

    mutating func readLocation() throws(Damaged) -> LineLocation {
        LineLocation(source: try read(), line: try read(), offset: try read(), length: try read())
    }

    /// A count of items that each take at least `minimumSize` bytes, checked
    /// against what is left so a damaged count can't ask for a huge array.
    mutating func readCount(minimumSize: Int) throws(Damaged) -> Int {
        let count = try read(UInt64.self)
        guard count <= UInt64((bytes.count - offset) / max(1, minimumSize)) else {
            throw Damaged(what: "a count at byte \(offset - 8)")
        }
        return Int(count)
    }
}
