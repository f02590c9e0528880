/// Hashes JSON values so that two objects equal as values (SPEC §2.1: same
/// fields and values, any key order, spacing or escaping) hash the same, from
/// the fast parser and from Foundation's alike.
///
/// An object hashes to the mixed sum of its members' hashes, so member order
/// does not matter; each member mixes its key's bytes with its value's hash.
/// Not cryptographic: it tells an exact duplicate from a conflicting one, and
/// both are kept off the bill either way. It is computed only when an id comes
/// again, never on the hot path.
enum ValueFingerprint {
    static let stringTag: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let integerTag: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let numberTag: UInt64 = 0x1656_67B1_9E37_79F9
    static let trueTag: UInt64 = 0x27D4_EB2F_1656_67C5
    static let falseTag: UInt64 = 0x94D0_49BB_1331_11EB
    static let nullTag: UInt64 = 0xBF58_476D_1CE4_E5B9
    static let objectTag: UInt64 = 0x2545_F491_4F6C_DD1D
    static let arrayTag: UInt64 = 0x5851_F42D_4C95_7F2D

    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 { ByteHash.mix(a, b) }

    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 { ByteHash.hash(bytes, seed: seed) }

    static func string(_ utf8: UnsafeRawBufferPointer) -> UInt64 { hash(utf8, seed: stringTag) }
    static func integer(_ value: Int64) -> UInt64 { mix(integerTag, UInt64(bitPattern: value)) }
    static func number(_ canonicalText: UnsafeRawBufferPointer) -> UInt64 { hash(canonicalText, seed: numberTag) }
    static func bool(_ value: Bool) -> UInt64 { value ? trueTag : falseTag }
    static var null: UInt64 { nullTag }

    /// A member's hash from its key's UTF-8 and its value's hash.
    static func member(key: UnsafeRawBufferPointer, value: UInt64) -> UInt64 {
        mix(hash(key, seed: objectTag), value)
    }

    /// An object's hash from the sum (wrapping) of its members' hashes.
    static func object(memberSum: UInt64) -> UInt64 { mix(memberSum, objectTag) }

    /// An array's hash, folding element hashes in order.
    static func array(_ elements: [UInt64]) -> UInt64 {
        var state = arrayTag ^ UInt64(elements.count)
        for element in elements { state = mix(state, element) }
        return state
    }
}
