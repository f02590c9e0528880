/// A fast, seeded, non-cryptographic 64-bit hash of bytes (the multiply-fold
/// mix of wyhash), for interning names and remembering event ids on the hot
/// path. Swift's `Hasher` (SipHash) is about 5 times slower on short names and
/// was a sixth of the month-end run's time before this (README,
/// "Performance"; measured with callgrind).
enum ByteHash {
    /// Mixes two words into one. Both are XORed with a constant first, so
    /// that neither a zero word nor an equal pair cancels the other out.
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = (a ^ 0x2D35_8DCC_AA6C_78A5).multipliedFullWidth(by: b ^ 0xA076_1D64_78BD_642F)
        return product.high ^ product.low
    }

    /// Hashes `count` bytes at `start`, eight at a time; the last (partial)
    /// word is read as the final eight bytes, overlapping the one before, and
    /// inputs under eight bytes as two overlapping halves, so no byte loop.
    @inline(__always)
    static func hash(_ start: UnsafeRawPointer, count: Int, seed: UInt64) -> UInt64 {
        var state = mix(seed, UInt64(truncatingIfNeeded: count))
        if count >= 8 {
            var index = 0
            while index + 8 < count {
                state = mix(state, start.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            state = mix(state, start.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) ^ 0xE703_7ED1_A0B4_28DB)
        } else if count >= 4 {
            let low = UInt64(start.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let high = UInt64(start.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            state = mix(state, (high << 32 | low) ^ 0xE703_7ED1_A0B4_28DB)
        } else if count > 0 {
            let bytes = UInt64(start.load(fromByteOffset: 0, as: UInt8.self)) << 16
                | UInt64(start.load(fromByteOffset: count / 2, as: UInt8.self)) << 8
                | UInt64(start.load(fromByteOffset: count - 1, as: UInt8.self))
            state = mix(state, bytes ^ 0xE703_7ED1_A0B4_28DB)
        }
        return mix(state, 0x8EBC_6AF0_9C88_C6E3)
    }

    /// Hashes a buffer of bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        guard let start = bytes.baseAddress else { return mix(seed, 0x8EBC_6AF0_9C88_C6E3) }
        return hash(start, count: bytes.count, seed: seed)
    }
}
