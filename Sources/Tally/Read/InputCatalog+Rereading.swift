/// A line of the event log read again by its ``LineLocation``, with the
/// fields a report names parsed from it: the rejection of a replayed event
/// (issue 3) and the events that open and close an explained interval (issue 5).
struct RereadLine: Sendable {
    /// The line's bytes, without its line end; empty when it can't be read again.
    var bytes: [UInt8]
    /// The event's `id`, when the line still parses as an object with a string `id`.
    var eventID: String?
    /// The event's `time`, when it still parses as an RFC 3339 date-time.
    var time: Timestamp?
}

extension InputCatalog {
    /// Reads the line at `location` again and parses its `id` and `time` with
    /// the full parser (the line may hold escapes the fast parser leaves).
    func reread(_ location: LineLocation) -> RereadLine {
        let bytes = self.bytes(at: location) ?? []
        var line = RereadLine(bytes: bytes)
        var parser = FoundationLineParser()
        guard case .object = bytes.withUnsafeBytes({ parser.parse($0) }) else { return line }
        if case let .string(start, end) = parser.fields[.id] {
            line.eventID = String(decoding: parser.scratch[start..<end], as: UTF8.self)
        }
        if case let .string(start, end) = parser.fields[.time] {
            line.time = Timestamp(rfc3339: String(decoding: parser.scratch[start..<end], as: UTF8.self))
        }
        return line
    }
}
