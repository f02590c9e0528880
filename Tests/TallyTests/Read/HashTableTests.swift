import Testing
@testable import Tally

/// Tally's own hash tables against Swift's `Dictionary` and `Set`, on seeded
/// random operations (they replace the standard ones on the hot path: README,
/// "Performance").
@Suite("Hash tables behave like Dictionary and Set")
struct HashTableTests {
    struct Key: FastHashable {
        var value: Int32
        /// Deliberately poor: many keys share a home slot, so probing and
        /// backward-shift deletion get exercised.
        var fastHash: UInt64 { UInt64(value % 7) }
    }

    @Test("FastDictionary: insert, insert if absent, replace, modify, remove, iterate", arguments: SplitMix64.testSeeds)
    func fastDictionary(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var fast = FastDictionary<Key, Int>()
        var model: [Int32: Int] = [:]
        for step in 0..<20_000 {
            let key = Int32(random.next() % 300)
            switch random.next() % 5 {
            case 0, 1:
                fast[Key(value: key)] = step
                model[key] = step
            case 4:
                fast.insertIfAbsent(step, for: Key(value: key))
                if model[key] == nil { model[key] = step }
            case 2:
                #expect(fast.removeValue(forKey: Key(value: key)) == model.removeValue(forKey: key), "seed \(seed)")
            default:
                let changed: Void? = fast.modify(Key(value: key)) { $0 += 1 }
                if model[key] != nil { model[key]! += 1 }
                #expect((changed != nil) == (model[key] != nil), "seed \(seed)")
            }
            #expect(fast[Key(value: key)] == model[key], "seed \(seed) step \(step)")
        }
        #expect(fast.count == model.count, "seed \(seed)")
        #expect(Dictionary(uniqueKeysWithValues: fast.map { ($0.key.value, $0.value) }) == model, "seed \(seed)")
    }

    @Test("IDHashSet: every hash once, across growth and reserve", arguments: SplitMix64.testSeeds)
    func idHashSet(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var set = IDHashSet()
        var model = Set<UInt64>()
        for step in 0..<50_000 {
            // Small values repeat often; zero is a valid hash too.
            let hash = random.next() % 2 == 0 ? random.next() % 20_000 : random.next()
            #expect(set.insert(hash) == model.insert(hash).inserted, "seed \(seed) step \(step)")
            if step == 25_000 { set.reserve(200_000) }
        }
        #expect(set.count == model.count, "seed \(seed)")
    }

    @Test("HashIndexMap: the last value set for each key")
    func hashIndexMap() {
        var random = SplitMix64(seed: 9)
        var map = HashIndexMap()
        var model: [UInt64: Int32] = [:]
        for step in 0..<20_000 {
            let key = random.next() % 5_000
            map.set(Int32(step), for: key)
            model[key] = Int32(step)
        }
        for (key, value) in model { #expect(map.value(for: key) == value) }
        #expect(map.value(for: 99_999) == nil)
        var keys: [UInt64] = []
        map.forEachKey { keys.append($0) }
        #expect(Set(keys) == Set(model.keys))
    }
}
