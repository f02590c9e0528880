/// A fast 64-bit fingerprint of a run of bytes, to tell whether a file still
/// begins with what a close read (SPEC §7.2) without parsing it: four
/// independent lanes over 32-byte strides, so the processor works on four
/// words at once instead of waiting on one chain; then the lanes and the
/// length are mixed into one word. Not cryptographic: it catches edits,
/// truncation and replacement, not an adversary forging a file.
enum ContentHash {
    /// The fingerprint of `bytes`.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344,
                                                       0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89)
        guard let base = bytes.baseAddress else { return ByteHash.mix(lanes.0, 0) }
        @inline(__always) func step(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let product = (lane ^ word).multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
            return product.high ^ product.low
        }
        var index = 0
        while index + 32 <= count {
            lanes.0 = step(lanes.0, base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            lanes.1 = step(lanes.1, base.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
            lanes.2 = step(lanes.2, base.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
            lanes.3 = step(lanes.3, base.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
            index += 32
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(base.load(fromByteOffset: index, as: UInt8.self)) << shift
            shift += 8
            if shift == 64 {
                lanes.0 = step(lanes.0, tail)
                tail = 0
                shift = 0
            }
            index += 1
        }
        lanes.1 = step(lanes.1, tail)
        return ByteHash.mix(ByteHash.mix(lanes.0, lanes.1) ^ UInt64(count), ByteHash.mix(lanes.2, lanes.3))
    }
}
