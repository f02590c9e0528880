import Foundation

/// A line whose id an earlier line carried, found when the duplicate registry
/// keeps only hashes and the earlier line's place is no longer known (a retry
/// appended long after its original). It is a duplicate either way, so it is
/// not applied; whether it is exact or conflicting is settled once the log has
/// been read (SPEC §2.1; README, "Performance").
struct PendingDuplicate: Sendable {
    var id: [UInt8]
    var hash: UInt64
    var location: LineLocation
    var account: AccountName
    var time: Timestamp
}

extension EventReader {
    /// Settles the pending duplicates with one more pass over `inputs`: each
    /// one's first line that passed the field rules is found and compared with
    /// it as a JSON value. Counts each as a duplicate or a rejection. The pass
    /// stops as soon as every pending duplicate has its first line (usually
    /// long before the end: a retry's original is old by definition).
    ///
    /// - Returns: the conflicting duplicates, in input order, to report; or
    ///   `nil` when a pending id was carried by no earlier line at all (two ids
    ///   with one 64-bit hash): the caller must read the log again, keeping
    ///   every id.
    mutating func settleDuplicates(_ inputs: [EventInput]) throws(InputError) -> [Rejection]? {
        let deferred = deferredConflicts
        deferredConflicts = []
        var conflicts = zip(deferred, try catalog.rereadBytes(at: deferred.map(\.location))).map { entry, line in
            (location: entry.location, rejection: entry.rejection.with(originalLine: line))
        }
        let pending = pendingDuplicates
        pendingDuplicates = []
        guard !pending.isEmpty else {
            return conflicts.sorted { ($0.location.source, $0.location.line) < ($1.location.source, $1.location.line) }.map(\.rejection)
        }

        var wanted: [UInt64: [Int]] = [:]
        for (index, duplicate) in pending.enumerated() { wanted[duplicate.hash, default: []].append(index) }
        var originals = [(location: LineLocation, bytes: [UInt8])?](repeating: nil, count: pending.count)
        var unresolved = pending.count
        let last = pending.map { ($0.location.source, $0.location.line) }.max { $0 < $1 }!

        var parser = FallbackLineParser()
        var names = SymbolTable()
        for (index, input) in inputs.enumerated() where UInt16(index) <= last.0 && unresolved > 0 {
            let source = UInt16(index)
            let opened = try open(input, source: source)
            defer { opened.close() }
            try opened.reader.forEachLine { (line) throws(InputError) -> Bool in
                guard unresolved > 0, (source, Int32(clamping: line.number)) < last else { return false }
                let location = LineLocation(source: source, line: Int32(clamping: line.number),
                                            offset: line.offset, length: Int32(clamping: line.length))
                func check(_ fields: ParsedFields, _ storage: UnsafeRawBufferPointer) {
                    guard case let .string(start, end) = fields[.id] else { return }
                    let id = UnsafeRawBufferPointer(rebasing: storage[start..<end])
                    guard let indices = wanted[ByteHash.hash(id, seed: Self.idSeed)] else { return }
                    // Only a line that passed the field rules registers its id.
                    guard case .valid = EventFieldValidator.validate(fields, storage: storage, location: location,
                                                                      sequence: 0, symbols: &names) else { return }
                    for index in indices where originals[index] == nil && pending[index].id.elementsEqual(id)
                        && (location.source, location.line) < (pending[index].location.source, pending[index].location.line) {
                        originals[index] = (location, Array(line.bytes))
                        unresolved -= 1
                    }
                }
                _ = parser.withFields(of: line.bytes, check)
                return true
            }
        }

        let lines = try catalog.rereadBytes(at: pending.map(\.location))
        for (index, duplicate) in pending.enumerated() {
            guard let original = originals[index] else { return nil }
            let bytes = lines[index]
            if Self.fingerprint(of: original.bytes) == Self.fingerprint(of: bytes) {
                counts.duplicates += 1
            } else {
                counts.rejected += 1
                conflicts.append((duplicate.location, Rejection(
                    location: catalog.location(duplicate.location), eventID: String(decoding: duplicate.id, as: UTF8.self),
                    account: duplicate.account, time: duplicate.time,
                    reason: .conflictingDuplicate(first: catalog.location(original.location)), originalLine: bytes)))
            }
        }
        // In input order: by the input's place on the command line, then line.
        return conflicts.sorted { ($0.location.source, $0.location.line) < ($1.location.source, $1.location.line) }.map(\.rejection)
    }
}
