import Foundation
import Testing
@testable import Tally

/// A close's sorted id list (`ids.bin`) answers "which lines first carried
/// this hash?" by reading where the hash must be, and by halves when it lies
/// further (README, "Closing a month").
@Suite("Books: the closes' id lists find every entry of a hash")
struct BooksIDListTests {
    @Test("seeded lists: every hash listed is found with all its lines, hashes not listed are not", arguments: [0, 1, 5, 300, 70_000])
    func lookUps(count: Int) throws {
        var random = SplitMix64(seed: 0x1D5 &+ UInt64(count))
        var ids: [RegisteredID] = []
        for index in 0..<count {
            // Uniform hashes, a few repeated (ids sharing a hash), and both extremes.
            var hash = random.next()
            if index % 97 == 1, let earlier = ids.last { hash = earlier.hash }
            if index == 2 { hash = 0 }
            if index == 3 { hash = UInt64.max }
            ids.append(RegisteredID(hash: hash, location: LineLocation(source: UInt16(index % 3), line: Int32(index + 1),
                                                                    offset: Int64(index) * 100, length: 99)))
        }
        // A run of one hash far from where uniform hashes would put it.
        if count > 1_000 {
            for index in 0..<500 {
                ids.append(RegisteredID(hash: 1 << 40, location: LineLocation(source: 0, line: Int32(count + index + 1),
                                                                               offset: 0, length: 1)))
            }
        }
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ids.bin").path
        try Data(ClosedIDs.list(ids)).write(to: URL(fileURLWithPath: path))
        let list = try IDList(path: path)
        #expect(list.count == ids.count)
        let byHash = Dictionary(grouping: ids, by: \.hash)
        // Every repeated hash, the extremes, and a sample of the others (each look-up reads a window).
        for (hash, entries) in byHash where entries.count > 1 || hash == 0 || hash == UInt64.max || hash % 37 == 0 {
            #expect(Set(list.lines(of: hash).map(\.line)) == Set(entries.map(\.location.line)), "hash \(hash)")
        }
        for _ in 0..<200 {
            let hash = random.next()
            #expect(list.lines(of: hash).isEmpty == (byHash[hash] == nil))
        }
        var seen = 0
        list.forEach { _ in seen += 1 }
        #expect(seen == ids.count)
    }

    @Test("the filter written in pieces with a close's ids set in it is the filter with those ids inserted")
    func filterInPieces() {
        var random = SplitMix64(seed: 0xF117E5)
        // Large enough for three pieces of a megabyte.
        var filter = IDFilter(capacity: 1_200_000)
        for _ in 0..<1_000 { filter.insert(random.next()) }
        let ids = (0..<150_000).map { index in
            RegisteredID(hash: random.next(), location: LineLocation(source: 0, line: Int32(index + 1), offset: Int64(index), length: 1))
        }
        var inserted = filter
        for id in ids { inserted.insert(id.hash) }
        #expect(filter.words.count * 8 > 2 << 20)
        #expect(Books.encoded(filter, adding: ids) == Books.encoded(inserted))
        for id in ids.prefix(1_000) { #expect(inserted.mayContain(id.hash)) }
    }

    @Test("ids sorted by hash 16 bits at a time come out as a comparison sort puts them, ids of one hash in the order read")
    func radixSort() {
        var random = SplitMix64(seed: 0x50F7)
        var ids: [RegisteredID] = []
        for index in 0..<20_000 {
            // Some hashes repeated, many sharing their high bits.
            let shift: UInt64 = index % 3 == 0 ? 40 : 0
            let hash: UInt64 = index % 50 == 0 ? 42 : random.next() >> shift
            let line = LineLocation(source: UInt16(index / 10_000), line: Int32(index % 10_000 + 1), offset: Int64(index), length: 1)
            ids.append(RegisteredID(hash: hash, location: line))
        }
        let expected = ids.sorted(by: RegisteredID.precedes)
        RegisteredID.sort(&ids)
        #expect(ids == expected)
    }
}
