/// The 64-bit hashes of every event id seen, 8 bytes an id: what lets the
/// streaming reader tell, without keeping ids, that an id came before (SPEC
/// §2.1; README, "Performance"). Split by the hash's top byte into 256
/// open-addressing tables that grow by a quarter when nine tenths full, so the
/// whole set stays 72 to 90 % full (10 million ids take about 100 MB) and never
/// doubles in one step.
///
/// Two different ids with the same 64-bit hash (for a log of 10 million
/// events, a chance of about 3 in a million) are caught, not taken for one:
/// the later line is checked against the log again once it is read, and when
/// no earlier line carries its id the run starts over keeping every id.
struct IDHashSet: Sendable {
    private var partitions = [[UInt64]](repeating: [], count: 256)
    private var counts = [Int](repeating: 0, count: 256)
    private var containsZero = false

    /// Ids in the set.
    var count: Int { counts.reduce(0, +) + (containsZero ? 1 : 0) }

    /// Sizes the set for `count` ids at most 88 % full, so a log of known size
    /// never makes it grow (the reader estimates the count from the inputs'
    /// sizes and their first lines).
    mutating func reserve(_ count: Int) {
        let perPartition = count / 256 + 1
        let capacity = max(64, perPartition * 100 / 88)
        for partition in partitions.indices where partitions[partition].count < capacity {
            let old = partitions[partition]
            partitions[partition] = [UInt64](repeating: 0, count: capacity)
            counts[partition] = 0
            for key in old where key != 0 { _ = insert(key) }
        }
    }

    /// Adds `hash`; returns `false` when it was already there.
    mutating func insert(_ hash: UInt64) -> Bool {
        // Zero marks an empty slot, so the hash zero is kept on its own.
        if hash == 0 {
            defer { containsZero = true }
            return !containsZero
        }
        let key = hash
        let partition = Int(key >> 56)
        if (counts[partition] + 1) * 10 > partitions[partition].count * 9 { grow(partition) }
        let inserted = partitions[partition].withUnsafeMutableBufferPointer { slots -> Bool in
            let capacity = slots.count
            var slot = Int((key << 8).multipliedFullWidth(by: UInt64(capacity)).high)
            while true {
                let stored = slots[slot]
                if stored == key { return false }
                if stored == 0 {
                    slots[slot] = key
                    return true
                }
                slot += 1
                if slot == capacity { slot = 0 }
            }
        }
        if inserted {
            counts[partition] += 1
        }
        return inserted
    }

    /// Whether `hash` is in the set.
    func contains(_ hash: UInt64) -> Bool {
        if hash == 0 { return containsZero }
        let partition = Int(hash >> 56)
        let slots = partitions[partition]
        let capacity = slots.count
        guard capacity > 0 else { return false }
        var slot = Int((hash << 8).multipliedFullWidth(by: UInt64(capacity)).high)
        while true {
            let stored = slots[slot]
            if stored == hash { return true }
            if stored == 0 { return false }
            slot += 1
            if slot == capacity { slot = 0 }
        }
    }

    private mutating func grow(_ partition: Int) {
        let old = partitions[partition]
        let capacity = max(64, old.count + old.count / 4)
        var slots = [UInt64](repeating: 0, count: capacity)
        for key in old where key != 0 {
            var slot = Int((key << 8).multipliedFullWidth(by: UInt64(capacity)).high)
            while slots[slot] != 0 {
                slot += 1
                if slot == capacity { slot = 0 }
            }
            slots[slot] = key
        }
        partitions[partition] = slots
    }
}
