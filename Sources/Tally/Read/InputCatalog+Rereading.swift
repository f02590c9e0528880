/// A line of the event log read again by its ``LineLocation``, with the
/// fields a report names parsed from it: the rejection of a replayed event
/// (SPEC §2.2) and the events that open and close an explained interval
/// (README, "Why was I charged this?").
struct RereadLine: Sendable {
    /// The line's bytes, without its line end; empty when it can't be read again.
    var bytes: [UInt8]
    /// The event's `id`, when the line still parses as an object with a string `id`.
    var eventID: String?
    /// The event's `time`, when it still parses as an RFC 3339 date-time.
    var time: Timestamp?
}

extension InputCatalog {
    /// A line read again, with its id and time as written (when readable).
    func reread(_ location: LineLocation) -> RereadLine {
        RereadLine(self.bytes(at: location) ?? [])
    }

    /// Lines read again (a run may reject thousands of events; README, "Performance").
    ///
    /// - Throws: ``InputError`` when one can't be read again.
    func reread(_ locations: [LineLocation]) throws(InputError) -> [RereadLine] {
        try rereadBytes(at: locations).map { RereadLine($0) }
    }
}

extension RereadLine {
    /// The line's id and time, parsed by the fast parser, or by Foundation's
    /// when the fast one can't read the line.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var parser = FallbackLineParser()
        bytes.withUnsafeBytes { line in
            _ = parser.withFields(of: line) { fields, storage in take(fields, storage: storage) }
        }
    }

    private mutating func take(_ fields: ParsedFields, storage: UnsafeRawBufferPointer) {
        if case let .string(start, end) = fields[.id] {
            eventID = String(decoding: storage[start..<end], as: UTF8.self)
        }
        if case let .string(start, end) = fields[.time] {
            time = Timestamp.parseRFC3339(UnsafeRawBufferPointer(rebasing: storage[start..<end]))
        }
    }
}
