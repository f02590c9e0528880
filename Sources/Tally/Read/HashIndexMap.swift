/// A map from 64-bit hashes to small integers (`Int32` ≥ 0), open addressing
/// with linear probing, kept at most half full. For the duplicate registry's
/// exact mode: Swift's `Dictionary` hashes its keys again with SipHash, which
/// cost more than the rest of the lookup (README, "Performance"; measured with
/// callgrind).
struct HashIndexMap: Sendable {
    private var keys = [UInt64](repeating: 0, count: 1024)
    private var values = [Int32](repeating: -1, count: 1024)
    private(set) var count = 0

    /// The value stored for `key`, or `nil`.
    func value(for key: UInt64) -> Int32? {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `value` for `key`, replacing any earlier value.
    mutating func set(_ value: Int32, for key: UInt64) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] >= 0 {
            if keys[slot] == key {
                values[slot] = value
                return
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    /// Calls `body` with every key, in no particular order.
    func forEachKey(_ body: (UInt64) -> Void) {
        for index in keys.indices where values[index] >= 0 { body(keys[index]) }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 { set(value, for: key) }
    }
}
