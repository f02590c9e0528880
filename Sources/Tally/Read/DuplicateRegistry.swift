/// Remembers every `id` that passed the field rules, with a fingerprint of its
/// object, so that a later line with the same id is a duplicate (equal as a
/// value: counted, ignored) or a conflicting duplicate (rejected; the earlier
/// one stands). SPEC §2.1.
struct DuplicateRegistry {
    struct Entry {
        var fingerprint: UInt64
        var source: UInt16
        var line: Int32
    }

    enum Verdict: Equatable {
        case new
        case exactDuplicate
        case conflicting(source: UInt16, line: Int32)
    }

    private var entries: [String: Entry] = [:]

    /// Registers `id` when new; otherwise says how the line relates to the
    /// first line that carried it.
    mutating func register(id: UnsafeRawBufferPointer, fingerprint: UInt64, source: UInt16, line: Int32) -> Verdict {
        let key = String(decoding: id, as: UTF8.self)
        if let first = entries[key] {
            return first.fingerprint == fingerprint ? .exactDuplicate : .conflicting(source: first.source, line: first.line)
        }
        entries[key] = Entry(fingerprint: fingerprint, source: source, line: line)
        return .new
    }
}
