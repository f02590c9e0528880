/// A blocked Bloom filter of event-id hashes: the ids of every closed month,
/// kept in a few bits each so a run can ask "was this id used before the last
/// close?" without holding the ids (SPEC §7.2: ids stay unique across the
/// whole log). A "no" is certain; a "maybe" is confirmed against the closes'
/// sorted id lists. Each id sets 8 bits in one 64-byte block, so a question
/// touches one cache line.
struct IDFilter: Sendable, Equatable {
    /// 64-bit words, a whole number of 8-word blocks.
    private(set) var words: [UInt64]
    /// Ids added.
    private(set) var count: Int

    /// Bits per id: about one false "maybe" in 2,000 questions.
    static let bitsPerID = 16

    /// A filter with room for `capacity` ids.
    init(capacity: Int) {
        let blocks = max(1, (capacity * Self.bitsPerID + 511) / 512)
        words = [UInt64](repeating: 0, count: blocks * 8)
        count = 0
    }

    /// A filter read back from its words.
    init(words: [UInt64], count: Int) {
        self.words = words.isEmpty ? [UInt64](repeating: 0, count: 8) : words
        self.count = count
    }

    /// How many ids it holds before questions start to get more "maybe"s.
    var capacity: Int { words.count * 64 / Self.bitsPerID }

    /// The first word of `hash`'s block and the bits it sets there: nine
    /// bits each of eight positions, taken from two mixes of the hash.
    @inline(__always)
    private static func place(_ hash: UInt64, words: Int) -> (base: Int, first: UInt64, second: UInt64) {
        let base = Int(hash.multipliedFullWidth(by: UInt64(words / 8)).high) * 8
        return (base, ByteHash.mix(hash, 0x5851_F42D_4C95_7F2D), ByteHash.mix(hash, 0x1405_7B7E_F767_814F))
    }

    /// Adds an id's hash.
    mutating func insert(_ hash: UInt64) {
        var (base, mixed, next) = Self.place(hash, words: words.count)
        for index in 0..<8 {
            if index == 4 { mixed = next }
            let bit = Int(mixed & 511)
            mixed >>= 9
            words[base + bit >> 6] |= 1 << UInt64(bit & 63)
        }
        count += 1
    }

    /// Calls `body` with each bit ``insert(_:)`` sets for `hash`: the word's
    /// index and the bit's place in it (0 the lowest).
    func forEachBit(of hash: UInt64, _ body: (Int, Int) -> Void) {
        var (base, mixed, next) = Self.place(hash, words: words.count)
        for index in 0..<8 {
            if index == 4 { mixed = next }
            let bit = Int(mixed & 511)
            mixed >>= 9
            body(base + bit >> 6, bit & 63)
        }
    }

    /// Whether the id may have been added; `false` is certain.
    func mayContain(_ hash: UInt64) -> Bool {
        var (base, mixed, next) = Self.place(hash, words: words.count)
        for index in 0..<8 {
            if index == 4 { mixed = next }
            let bit = Int(mixed & 511)
            mixed >>= 9
            if words[base + bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
        }
        return true
    }
}
