import Foundation

/// An event id seen by a run, by its 64-bit hash, with the line that first
/// carried it (SPEC §2.1): what the books keep of each id.
struct RegisteredID: Sendable, Equatable {
    var hash: UInt64
    var location: LineLocation

    /// Bytes one takes in an id list: hash, then offset and input (6 and 2
    /// bytes), line and length.
    static let size = 24

    func encode(to writer: inout BinaryWriter) {
        writer.write(hash)
        writer.write(UInt64(location.offset) & 0xFFFF_FFFF_FFFF | UInt64(location.source) << 48)
        writer.write(location.line)
        writer.write(location.length)
    }

    init(hash: UInt64, location: LineLocation) {
        self.hash = hash
        self.location = location
    }

    init(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        hash = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let packed = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        location = LineLocation(source: UInt16(packed >> 48), line: Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 16, as: Int32.self)),
                                offset: Int64(packed & 0xFFFF_FFFF_FFFF),
                                length: Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 20, as: Int32.self)))
    }
}

/// The ids of every closed month (SPEC §7.2: ids stay unique across the
/// whole log, closed months included), without holding them: a filter that
/// answers "not used" for almost every new id, and each close's list of the
/// ids it first saw, sorted by hash and mapped from its file, to find the
/// first line of an id the filter may have.
struct ClosedIDs: Sendable {
    /// Every closed id, in a few bits each.
    var filter: IDFilter
    /// One list per close, earliest first.
    var lists: [Data]

    /// The lines that first carried an id of hash `hash` in the closed
    /// months (more than one only when two ids share a hash).
    func firstLines(of hash: UInt64) -> [LineLocation] {
        guard filter.mayContain(hash) else { return [] }
        var found: [LineLocation] = []
        for list in lists {
            list.withUnsafeBytes { bytes in
                var low = 0
                var high = bytes.count / RegisteredID.size
                while low < high {
                    let middle = (low + high) / 2
                    if RegisteredID(bytes, at: middle * RegisteredID.size).hash < hash { low = middle + 1 } else { high = middle }
                }
                while low < bytes.count / RegisteredID.size {
                    let entry = RegisteredID(bytes, at: low * RegisteredID.size)
                    guard entry.hash == hash else { break }
                    found.append(entry.location)
                    low += 1
                }
            }
        }
        return found
    }

    /// A close's list of `ids`, sorted by hash, as its file holds it.
    static func list(_ ids: [RegisteredID]) -> [UInt8] {
        var writer = BinaryWriter(reservingCapacity: ids.count * RegisteredID.size)
        for id in ids.sorted(by: { ($0.hash, $0.location.source, $0.location.line) < ($1.hash, $1.location.source, $1.location.line) }) {
            id.encode(to: &writer)
        }
        return writer.bytes
    }
}
