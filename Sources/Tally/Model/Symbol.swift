import Foundation

/// An interned name: a small integer handle into a ``SymbolTable``, typed by
/// the same ``NameKind`` as ``Name`` so an application can't be used as an
/// account. The hot path of the month-end run works on symbols, not strings.
struct Symbol<Kind: NameKind>: Hashable, Sendable {
    let index: Int32

    /// The symbol that stands for "no value" (a field the event doesn't have).
    static var none: Symbol { Symbol(index: -1) }

    var isNone: Bool { index < 0 }
}

/// The names seen in a run, each stored once, looked up by their bytes
/// without making a `String`. A name is checked against a rule the first time
/// it is met under that rule; after that, finding it is enough (README,
/// "Performance").
///
/// A value type with its tables in one shared buffer, copied on write: the
/// reader hands the table to the replay with every record, and a copy costs
/// one retain instead of six (README, "Performance"; measured with callgrind).
struct SymbolTable: @unchecked Sendable {
    /// The tables. Their accesses are not checked for exclusivity at run
    /// time (those checks cost a tenth of the month-end run; README,
    /// "Performance"): the storage is only ever changed through a uniquely
    /// referenced table.
    private final class Storage {
        @exclusivity(unchecked) var texts: [String] = []
        @exclusivity(unchecked) var hashes: [UInt64] = []
        /// Every name as one record after another, for finding a name by its
        /// bytes without a `String`: its index (4 bytes), the rules it has
        /// passed (1 byte: bit 0 identifier, bit 1 domain, bit 2 event id),
        /// its length (2 bytes), then its bytes.
        @exclusivity(unchecked) var arena: [UInt8] = []
        /// Where each name's record starts in ``arena``.
        @exclusivity(unchecked) var starts: [Int32] = []
        /// Open-addressing table, a power of two in size: each slot holds
        /// where a name's record starts in its low 32 bits and the top 32
        /// bits of its hash in its high ones (``emptySlot`` when free), so a
        /// probe reads the slot, then one record: index, rules and bytes
        /// together. On 200,000 accounts, reading a slot, the name's hash, its
        /// start and its bytes (four cache misses) took a tenth of the run
        /// (README, "Performance").
        @exclusivity(unchecked) var slots = [UInt64](repeating: SymbolTable.emptySlot, count: 1024)

        func copy() -> Storage {
            let copy = Storage()
            copy.texts = texts
            copy.hashes = hashes
            copy.arena = arena
            copy.starts = starts
            copy.slots = slots
            return copy
        }

        /// The bytes before a name's own in its record.
        static let headerSize = 7

        /// Adds the record of name `index`.
        func addRecord(_ index: Int32, _ bytes: UnsafeRawBufferPointer, passedRules: UInt8) -> Int {
            precondition(bytes.count <= Int(UInt16.max), "a name longer than any rule allows")
            let start = arena.count
            withUnsafeBytes(of: index.littleEndian) { arena.append(contentsOf: $0) }
            arena.append(passedRules)
            withUnsafeBytes(of: UInt16(bytes.count).littleEndian) { arena.append(contentsOf: $0) }
            arena.append(contentsOf: bytes)
            starts.append(Int32(start))
            return start
        }

        /// The rules name `index` has passed.
        func passedRules(of index: Int) -> UInt8 { arena[Int(starts[index]) + 4] }
    }

    private var storage = Storage()
    private var scratch: [UInt8] = []

    private static let seed: UInt64 = 0x5EED_0F_7A11
    fileprivate static let emptySlot = UInt64.max
    private static let hashTag: UInt64 = 0xFFFF_FFFF_0000_0000

    /// The slot of the name whose record starts at `start`, of hash `hash`.
    @inline(__always)
    private static func slotEntry(_ start: Int, _ hash: UInt64) -> UInt64 {
        hash & hashTag | UInt64(UInt32(truncatingIfNeeded: start))
    }

    private static func bit(_ rule: NameRule) -> UInt8 {
        switch rule {
        case .identifier: 1
        case .domain: 2
        case .eventID: 4
        }
    }

    /// The symbol for `bytes` when they follow `rule` (a domain is lower-cased
    /// first), adding the name when new; `nil` when they break the rule.
    mutating func intern<Kind>(_ bytes: UnsafeRawBufferPointer, rule: NameRule, as kind: Kind.Type = Kind.self) -> Symbol<Kind>? {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        if rule == .domain, bytes.contains(where: { $0 &- UInt8(ascii: "A") < 26 }) {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: bytes.lazy.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 })
            let lowered = scratch
            return lowered.withUnsafeBytes { internLowered($0, rule: rule) }
        }
        return internLowered(bytes, rule: rule)
    }

    private func internLowered<Kind>(_ bytes: UnsafeRawBufferPointer, rule: NameRule) -> Symbol<Kind>? {
        let storage = storage
        let hash = ByteHash.hash(bytes, seed: Self.seed)
        let bit = Self.bit(rule)
        let mask = storage.slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = storage.slots[slot]
            if entry == Self.emptySlot { break }
            if entry & Self.hashTag == hash & Self.hashTag {
                let start = Int(UInt32(truncatingIfNeeded: entry))
                // The record: index, rules, length, bytes.
                let found = storage.arena.withUnsafeBytes { arena -> (index: Int32, rules: UInt8)? in
                    let record = arena.baseAddress! + start
                    let length = Int(UInt16(littleEndian: record.loadUnaligned(fromByteOffset: 5, as: UInt16.self)))
                    guard length == bytes.count,
                          length == 0 || memcmp(record + Storage.headerSize, bytes.baseAddress!, length) == 0
                    else { return nil }
                    return (Int32(littleEndian: record.loadUnaligned(as: Int32.self)), record.load(fromByteOffset: 4, as: UInt8.self))
                }
                if let found {
                    if found.rules & bit != 0 { return Symbol(index: found.index) }
                    guard rule.accepts(bytes) else { return nil }
                    storage.arena[start + 4] |= bit
                    return Symbol(index: found.index)
                }
            }
            slot = (slot + 1) & mask
        }
        guard rule.accepts(bytes) else { return nil }
        let index = Int32(storage.texts.count)
        storage.texts.append(String(decoding: bytes, as: UTF8.self))
        storage.hashes.append(hash)
        let start = storage.addRecord(index, bytes, passedRules: bit)
        storage.slots[slot] = Self.slotEntry(start, hash)
        if storage.texts.count * 2 > storage.slots.count { grow() }
        return Symbol(index: index)
    }

    private func grow() {
        var larger = [UInt64](repeating: Self.emptySlot, count: storage.slots.count * 2)
        let mask = larger.count - 1
        for (index, hash) in storage.hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != Self.emptySlot { slot = (slot + 1) & mask }
            larger[slot] = Self.slotEntry(Int(storage.starts[index]), hash)
        }
        storage.slots = larger
    }

    /// The symbol for `text`, which must already follow `Kind`'s rule.
    mutating func intern<Kind>(_ text: String, as kind: Kind.Type = Kind.self) -> Symbol<Kind> {
        var text = text
        return text.withUTF8 { intern(UnsafeRawBufferPointer($0), rule: Kind.rule) } ?? .none
    }

    /// The symbol for `text` when it was interned, else `nil`.
    func lookUp<Kind>(_ text: String, as kind: Kind.Type = Kind.self) -> Symbol<Kind>? {
        var text = text
        let hash = text.withUTF8 { ByteHash.hash(UnsafeRawBufferPointer($0), seed: Self.seed) }
        let mask = storage.slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while storage.slots[slot] != Self.emptySlot {
            let start = Int(UInt32(truncatingIfNeeded: storage.slots[slot]))
            let index = storage.arena.withUnsafeBytes { Int32(littleEndian: $0.loadUnaligned(fromByteOffset: start, as: Int32.self)) }
            if storage.hashes[Int(index)] == hash, storage.texts[Int(index)] == text { return Symbol(index: index) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The name a symbol stands for.
    func name<Kind>(_ symbol: Symbol<Kind>) -> Name<Kind> {
        Name(unchecked: storage.texts[Int(symbol.index)])
    }

    /// The text a symbol stands for.
    func text<Kind>(_ symbol: Symbol<Kind>) -> String {
        storage.texts[Int(symbol.index)]
    }

    /// Every name in symbol order, with the rules each has passed (bit 0
    /// identifier, bit 1 domain, bit 2 event id), to keep a table in the books.
    var entries: [(text: String, passedRules: UInt8)] {
        storage.texts.indices.map { (storage.texts[$0], storage.passedRules(of: $0)) }
    }

    /// An empty table.
    init() {}

    /// A table holding `entries` at the same symbols, as ``entries`` gave them.
    init(entries: [(text: String, passedRules: UInt8)]) {
        for (text, rules) in entries {
            var text = text
            text.withUTF8 { bytes in _ = internChecked(UnsafeRawBufferPointer(bytes), passedRules: rules) }
        }
    }

    /// Adds a name already checked, with the rules it passed (no rule is run again).
    private mutating func internChecked(_ bytes: UnsafeRawBufferPointer, passedRules: UInt8) -> Int32 {
        let storage = storage
        let hash = ByteHash.hash(bytes, seed: Self.seed)
        let mask = storage.slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while storage.slots[slot] != Self.emptySlot { slot = (slot + 1) & mask }
        let index = Int32(storage.texts.count)
        storage.texts.append(String(decoding: bytes, as: UTF8.self))
        storage.hashes.append(hash)
        let start = storage.addRecord(index, bytes, passedRules: passedRules)
        storage.slots[slot] = Self.slotEntry(start, hash)
        if storage.texts.count * 2 > storage.slots.count { grow() }
        return index
    }
}
