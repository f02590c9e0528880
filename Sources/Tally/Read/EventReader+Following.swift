import Foundation

extension EventReader {
    /// Reads what was appended to the inputs since this reader last read
    /// them (a log that grows: the ticket service's ledger, README "For the
    /// ticket service"): each file from where its read ended, through the
    /// same field and duplicate rules (SPEC §2, §2.1), in any time order.
    /// A last line without its newline is left for later when the reader
    /// leaves incomplete lines (``completeLinesOnly``). Inputs that are not
    /// regular files (standard input, pipes) and events in memory never grow.
    ///
    /// - Throws: ``InputError`` when a file can't be read, or is now shorter
    ///   than what was read of it (the log was cut or replaced).
    mutating func readOn(onRecord: (EventRecord, SymbolTable) -> Void,
                         onRejection: (Rejection) -> Void) throws(InputError) {
        stopsWhenUnsorted = false
        for (index, input) in catalog.inputs.enumerated() {
            guard let path = input.path, let ending = endings[index] else { continue }
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let size = (attributes[.size] as? NSNumber)?.int64Value
            else { continue }
            guard size >= ending.offset else {
                throw InputError(name: input.name, problem: "is now \(size) bytes, shorter than the \(ending.offset) bytes already read: the log was cut or replaced; start the ledger again")
            }
            guard size > ending.offset else { continue }
            starts[index] = (ending.offset, ending.lines)
            _ = try readOne(input, source: UInt16(index), onRecord: onRecord, onRejection: onRejection)
        }
    }

    /// What `line`, carrying the id `id`, would be if appended after
    /// everything read so far (SPEC §2.1), without reading or registering
    /// anything: new, an exact duplicate of an earlier line, or a
    /// conflicting duplicate. `nil` when an earlier line with the id's hash
    /// is no longer located (keeping hashes only): read it to know.
    func verdict(onAppending line: [UInt8], id: String) -> AppendedVerdict? {
        let idBytes = Array(id.utf8)
        let hash = idBytes.withUnsafeBytes { ByteHash.hash($0, seed: Self.idSeed) }
        var candidates = closedIDs?.firstLines(of: hash) ?? []
        guard let registered = duplicates.firstLines(of: hash) else { return nil }
        candidates += registered
        let fingerprint = Self.fingerprint(of: line)
        for candidate in candidates {
            guard let earlier = catalog.bytes(at: candidate) else { return nil }
            if earlier.elementsEqual(line) { return .duplicate }
            guard let earlierID = RereadLine(earlier).eventID, Array(earlierID.utf8) == idBytes else { continue }
            return Self.fingerprint(of: earlier) == fingerprint
                ? .duplicate
                : .rejected(.conflictingDuplicate(first: catalog.location(candidate)))
        }
        return .new
    }
}
