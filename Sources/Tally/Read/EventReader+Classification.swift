import Foundation

extension EventReader {
    enum LineOutcome {
        case record(EventRecord)
        case duplicate
        /// An id seen before whose first line is no longer located: a
        /// duplicate either way, exact or conflicting to be settled later.
        case pendingDuplicate(PendingDuplicate)
        case rejected(RejectionReason, EventFieldValidator.Partial)
    }

    /// What one line is: a new event, a duplicate, or a rejection.
    mutating func classify(_ line: RawLine, location: LineLocation) -> LineOutcome {
        if line.isTooLong {
            return .rejected(.lineTooLong(length: line.length, limit: LineReader.maximumLineLength), .init())
        }
        let bytes = line.bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return .rejected(.byteOrderMarkInsideFile, .init())
        }
        let fast = foundationOnly ? .unsupported : fastParser.parse(bytes)
        switch fast {
        case .object:
            return validate(fastParser.fields, storage: bytes, line: bytes, location: location)
        case let .rejected(reason):
            return .rejected(reason, .init())
        case .unsupported:
            switch fullParser.parse(bytes) {
            case .object:
                let fields = fullParser.fields
                return fullParser.scratch.withUnsafeBytes { validate(fields, storage: $0, line: bytes, location: location) }
            case let .rejected(.invalidJSON(detail)) where !line.endsWithNewline:
                return .rejected(.truncatedLastLine(detail: detail), .init())
            case let .rejected(.duplicateKey(key)):
                return .rejected(.duplicateKey(key), unambiguousFields(of: bytes, repeatedKey: key, location: location))
            case let .rejected(reason):
                return .rejected(reason, .init())
            case .unsupported:
                return .rejected(.invalidJSON(detail: "unsupported JSON"), .init())
            }
        }
    }

    private mutating func validate(_ fields: ParsedFields, storage: UnsafeRawBufferPointer, line: UnsafeRawBufferPointer,
                                   location: LineLocation) -> LineOutcome {
        switch EventFieldValidator.validate(fields, storage: storage, location: location, sequence: nextSequence, symbols: &symbols) {
        case let .invalid(reason, partial):
            return .rejected(reason, partial)
        case let .valid(record, id):
            let hash = ByteHash.hash(id, seed: Self.idSeed)
            if closedIDs != nil, let outcome = closedDuplicate(hash, id: id, line: line, record: record) { return outcome }
            switch duplicates.lookUp(hash, location: location) {
            case .new:
                nextSequence += 1
                if recordingIDs { newIDs.append(RegisteredID(hash: hash, location: location)) }
                return .record(record)
            case let .earlier(candidates):
                for candidate in candidates {
                    guard let earlier = catalog.bytes(at: candidate) else {
                        failedReread = candidate
                        return .duplicate
                    }
                    // A retry is usually the same bytes: no need to parse either line.
                    if earlier.elementsEqual(line) { return .duplicate }
                    guard RereadLine(earlier).eventID.map({ Array($0.utf8) }) == Array(id) else { continue }
                    let partial = EventFieldValidator.Partial(id: String(decoding: id, as: UTF8.self),
                                                             account: symbols.name(record.account),
                                                             time: Timestamp(secondsSinceEpoch: record.time))
                    return Self.fingerprint(of: earlier) == Self.fingerprint(of: Array(line))
                        ? .duplicate
                        : .rejected(.conflictingDuplicate(first: catalog.location(candidate)), partial)
                }
                // No known line has this id. With every id located it is new (two ids
                // shared a hash); with hashes only, an older line may have it.
                if duplicates.keepsHashesOnly {
                    return .pendingDuplicate(PendingDuplicate(id: Array(id), hash: hash, location: location,
                                                              account: symbols.name(record.account),
                                                              time: Timestamp(secondsSinceEpoch: record.time)))
                }
                duplicates.register(hash, location: location)
                nextSequence += 1
                if recordingIDs { newIDs.append(RegisteredID(hash: hash, location: location)) }
                return .record(record)
            case .earlierUnknown:
                return .pendingDuplicate(PendingDuplicate(id: Array(id), hash: hash, location: location,
                                                          account: symbols.name(record.account),
                                                          time: Timestamp(secondsSinceEpoch: record.time)))
            }
        }
    }

    /// What a line is when a closed month's line first carried its id
    /// (SPEC §7.2: ids stay unique across the whole log): a duplicate when
    /// the two are equal as values, else a conflicting duplicate; `nil` when
    /// no closed line had this id (only its hash).
    private mutating func closedDuplicate(_ hash: UInt64, id: UnsafeRawBufferPointer, line: UnsafeRawBufferPointer,
                                          record: EventRecord) -> LineOutcome? {
        for candidate in closedIDs?.firstLines(of: hash) ?? [] {
            guard let earlier = catalog.bytes(at: candidate) else {
                failedReread = candidate
                return .duplicate
            }
            if earlier.elementsEqual(line) { return .duplicate }
            guard RereadLine(earlier).eventID.map({ Array($0.utf8) }) == Array(id) else { continue }
            let partial = EventFieldValidator.Partial(id: String(decoding: id, as: UTF8.self),
                                                     account: symbols.name(record.account),
                                                     time: Timestamp(secondsSinceEpoch: record.time))
            return Self.fingerprint(of: earlier) == Self.fingerprint(of: Array(line))
                ? .duplicate
                : .rejected(.conflictingDuplicate(first: catalog.location(candidate)), partial)
        }
        return nil
    }

    /// What a line with a repeated key still tells: its id, account and time,
    /// when the repeated key is none of them (so the account's invoice is held:
    /// README, "Held invoices" under "Bad input").
    private mutating func unambiguousFields(of bytes: UnsafeRawBufferPointer, repeatedKey key: String,
                                            location: LineLocation) -> EventFieldValidator.Partial {
        guard ![EventField.id, .account, .time].map(\.rawValue).contains(key),
              case .object = fullParser.parse(bytes, allowingRepeatedKeys: true) else { return .init() }
        let fields = fullParser.fields
        var names = symbols
        let partial = fullParser.scratch.withUnsafeBytes { storage -> EventFieldValidator.Partial in
            switch EventFieldValidator.diagnose(fields, storage: storage, location: location, sequence: 0, symbols: &names) {
            case let .invalid(_, partial):
                return partial
            case let .valid(record, id):
                return .init(id: String(decoding: id, as: UTF8.self), account: names.name(record.account),
                             time: Timestamp(secondsSinceEpoch: record.time))
            }
        }
        symbols = names
        return partial
    }

    static let idSeed: UInt64 = 0x1D_5EED

    /// A line's value fingerprint (SPEC §2.1), from the fast parser when it
    /// takes the line, else from Foundation's; the two agree.
    static func fingerprint(of line: [UInt8]) -> UInt64? {
        var parser = FallbackLineParser()
        return line.withUnsafeBytes { bytes in parser.withFields(of: bytes, fingerprinting: true) { fields, _ in fields.fingerprint } }
    }
}

extension EventReader {
    /// What a line appended after the inputs read so far would be (SPEC §2.1).
    enum AppendedVerdict: Equatable {
        /// A new event.
        case new
        /// An exact duplicate of an earlier line: already recorded.
        case duplicate
        /// Rejected, e.g. a conflicting duplicate.
        case rejected(RejectionReason)
    }

    /// Reads `input` after everything read so far, through the same field and
    /// duplicate rules, and says what its (single) line is.
    ///
    /// - Throws: ``InputError`` when it can't be read.
    mutating func verdict(onAppending input: EventInput) throws(InputError) -> AppendedVerdict {
        var verdict = AppendedVerdict.duplicate
        stopsWhenUnsorted = false
        _ = try read([input], onRecord: { _, _ in verdict = .new }, onRejection: { verdict = .rejected($0.reason) })
        return verdict
    }
}
