/// A key with a cheap, well-mixed 64-bit hash of its own.
protocol FastHashable: Hashable {
    var fastHash: UInt64 { get }
}

/// A dictionary for the replay and the meter, the two stages that look up state
/// for every event. Open addressing with linear probing, at most three quarters
/// full, and backward-shift deletion; each key hashes itself with a
/// multiply-fold instead of Swift's SipHash, which cost more than the rest of
/// the lookup (README, "Performance"; measured with callgrind). Iteration order
/// depends only on the keys inserted and removed, so results stay
/// deterministic.
struct FastDictionary<Key: FastHashable, Value>: Sequence {
    private var keys: [Key?]
    private var values: [Value?]
    private(set) var count = 0

    /// An empty dictionary with room for `capacity` keys; with none, it
    /// allocates nothing until the first key (most applications have few
    /// services and no domain).
    init(capacity: Int = 0) {
        guard capacity > 0 else {
            keys = []
            values = []
            return
        }
        var size = 8
        while size * 3 < capacity * 4 { size *= 2 }
        keys = [Key?](repeating: nil, count: size)
        values = [Value?](repeating: nil, count: size)
    }

    var isEmpty: Bool { count == 0 }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(for key: Key) -> (index: Int, found: Bool) {
        guard !keys.isEmpty else { return (0, false) }
        let mask = keys.count - 1
        var index = Int(truncatingIfNeeded: key.fastHash) & mask
        while let stored = keys[index] {
            if stored == key { return (index, true) }
            index = (index + 1) & mask
        }
        return (index, false)
    }

    /// Whether `key` has a value; unlike the subscript, copies nothing.
    @inline(__always)
    func contains(_ key: Key) -> Bool { slot(for: key).found }

    subscript(key: Key) -> Value? {
        get {
            let (index, found) = slot(for: key)
            return found ? values[index] : nil
        }
        set {
            if let newValue {
                insert(newValue, for: key)
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Changes the value for `key` in place, if there is one.
    @inline(__always) @discardableResult
    mutating func modify<Result>(_ key: Key, _ body: (inout Value) -> Result) -> Result? {
        let (index, found) = slot(for: key)
        guard found else { return nil }
        return body(&values[index]!)
    }

    /// Sets `value` for `key` unless `key` has one already, in one lookup.
    mutating func insertIfAbsent(_ value: Value, for key: Key) {
        var (index, found) = slot(for: key)
        guard !found else { return }
        if (count + 1) * 4 > keys.count * 3 || keys.isEmpty {
            grow()
            index = slot(for: key).index
        }
        keys[index] = key
        values[index] = value
        count += 1
    }

    private mutating func insert(_ value: Value, for key: Key) {
        var (index, found) = slot(for: key)
        if !found, (count + 1) * 4 > keys.count * 3 || keys.isEmpty {
            grow()
            index = slot(for: key).index
        }
        if !found {
            keys[index] = key
            count += 1
        }
        values[index] = value
    }

    @discardableResult
    mutating func removeValue(forKey key: Key) -> Value? {
        var (hole, found) = slot(for: key)
        guard found else { return nil }
        let removed = values[hole]
        keys[hole] = nil
        values[hole] = nil
        count -= 1
        // Shift later members of the probe run back into the hole.
        let mask = keys.count - 1
        var next = (hole + 1) & mask
        while let stored = keys[next] {
            let home = Int(truncatingIfNeeded: stored.fastHash) & mask
            let stays = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next)
            if !stays {
                keys[hole] = stored
                values[hole] = values[next]
                keys[next] = nil
                values[next] = nil
                hole = next
            }
            next = (next + 1) & mask
        }
        return removed
    }

    /// Doubles the table. Values are moved, not copied: a value holding
    /// collections of its own (an application's services) is not retained
    /// and released on the way, which cost more than the rest of growing.
    private mutating func grow() {
        let oldKeys = keys
        var oldValues = values
        values = []
        let size = Swift.max(8, oldKeys.count * 2)
        keys = [Key?](repeating: nil, count: size)
        values = [Value?](repeating: nil, count: size)
        let mask = size - 1
        for index in oldKeys.indices {
            guard let key = oldKeys[index] else { continue }
            var slot = Int(truncatingIfNeeded: key.fastHash) & mask
            while keys[slot] != nil { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = oldValues[index].take()
        }
    }

    var keysInOrder: [Key] { keys.compactMap { $0 } }

    func makeIterator() -> AnyIterator<(key: Key, value: Value)> {
        var index = 0
        let keys = keys
        let values = values
        return AnyIterator {
            while index < keys.count {
                defer { index += 1 }
                if let key = keys[index], let value = values[index] { return (key, value) }
            }
            return nil
        }
    }
}

extension FastDictionary: Sendable where Key: Sendable, Value: Sendable {}

/// Mixes small integers into a well-spread 64-bit hash.
@inline(__always)
func mixedHash(_ a: Int32, _ b: Int32 = 0, _ c: Int32 = 0, tag: UInt64 = 0) -> UInt64 {
    let packed = UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    return ByteHash.mix(packed ^ tag, UInt64(UInt32(bitPattern: c)) &+ 0x9E37_79B9_7F4A_7C15)
}

extension Symbol: FastHashable {
    var fastHash: UInt64 { mixedHash(index) }
}
