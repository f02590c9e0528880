/// What a close keeps so that later runs carry on from it instead of reading
/// the whole log again (SPEC §7.1, README "Closing a month"): the platform at
/// the end of the closed month, the names it uses, how every line read so far
/// was accounted for, and what is not settled yet: the events read but dated
/// after the month (applied by the next run, in their place in time) and the
/// rejected lines dated after the month (they hold a later invoice).
struct Snapshot: Sendable {
    /// The month closed; the snapshot is the platform at its end.
    var month: BillingPeriod
    /// The names the log used up to the close.
    var names: SymbolTable
    /// The platform at the month's end (SPEC §1).
    var state: PlatformState
    /// Every line read by the close, but for the events in ``deferred``,
    /// which are counted as lines read and not yet as applied or rejected.
    var counts: EventCounts
    /// Events read by the close (fields valid, id new) dated at or after
    /// the month's end, in input order.
    var deferred: [EventRecord]
    /// Lines rejected by the close that are dated at or after the month's
    /// end: they hold the invoice of their month.
    var carriedRejections: [Rejection]
    /// The input-order position the next record read takes.
    var nextSequence: Int32

    /// The snapshot's instant: the first second after the month.
    var end: Int64 { month.end.secondsSinceEpoch }
}

extension Snapshot {
    static let magic = Array("TALLYSNP".utf8)

    /// The snapshot in the books' binary format.
    func encoded() -> [UInt8] {
        var writer = BinaryWriter(reservingCapacity: 1 << 20)
        for byte in Self.magic { writer.write(byte) }
        writer.write(UInt32(Books.formatVersion))
        writer.write(month.monthIndex)
        let entries = names.entries
        writer.write(UInt64(entries.count))
        for entry in entries {
            writer.write(entry.text)
            writer.write(entry.passedRules)
        }
        state.encode(to: &writer)
        for count in [counts.lines, counts.applied, counts.duplicates, counts.rejected] { writer.write(Int64(count)) }
        writer.write(UInt64(deferred.count))
        for record in deferred { record.encode(to: &writer) }
        writer.write(UInt64(carriedRejections.count))
        for rejection in carriedRejections { rejection.encode(to: &writer) }
        writer.write(nextSequence)
        return writer.bytes
    }

    /// Reads a snapshot ``encoded()`` wrote.
    ///
    /// - Parameter indexingAccounts: also list each account's applications and edges.
    /// - Throws: ``BinaryReader/Damaged`` when the bytes are not a snapshot of this format.
    init(decoding bytes: [UInt8], indexingAccounts: Bool) throws(BinaryReader.Damaged) {
        var reader = BinaryReader(bytes)
        for byte in Self.magic where try reader.read(UInt8.self) != byte { throw BinaryReader.Damaged(what: "the header") }
        guard try reader.read(UInt32.self) == UInt32(Books.formatVersion) else { throw BinaryReader.Damaged(what: "the version") }
        month = BillingPeriod(monthIndex: try reader.read())
        var entries: [(text: String, passedRules: UInt8)] = []
        for _ in 0..<(try reader.readCount(minimumSize: 5)) { entries.append((try reader.readString(), try reader.read())) }
        names = SymbolTable(entries: entries)
        state = try PlatformState(decoding: &reader, symbols: entries.count, indexingAccounts: indexingAccounts)
        counts = EventCounts(lines: Int(try reader.read(Int64.self)), applied: Int(try reader.read(Int64.self)),
                             duplicates: Int(try reader.read(Int64.self)), rejected: Int(try reader.read(Int64.self)))
        deferred = []
        for _ in 0..<(try reader.readCount(minimumSize: 40)) {
            deferred.append(try EventRecord(decoding: &reader, symbols: entries.count))
        }
        carriedRejections = []
        for _ in 0..<(try reader.readCount(minimumSize: 16)) { carriedRejections.append(try Rejection(decoding: &reader)) }
        nextSequence = try reader.read()
        guard reader.isAtEnd else { throw BinaryReader.Damaged(what: "bytes after the end") }
    }
}

extension EventRecord {
    func encode(to writer: inout BinaryWriter) {
        writer.write(time)
        writer.write(sequence)
        writer.write(UInt8(EventType.allCases.firstIndex(of: type)!))
        writer.write(flavor?.code ?? 255)
        writer.write(instances)
        writer.write(memoryUnits)
        for index in [account.index, application.index, service.index, serviceType.index, domain.index] { writer.write(index) }
        writer.write(location)
    }

    init(decoding reader: inout BinaryReader, symbols: Int) throws(BinaryReader.Damaged) {
        func symbol<Kind>() throws(BinaryReader.Damaged) -> Symbol<Kind> {
            let index: Int32 = try reader.read()
            guard index >= -1, Int(index) < symbols else { throw BinaryReader.Damaged(what: "a name of a record") }
            return Symbol(index: index)
        }
        let time: Int64 = try reader.read()
        let sequence: Int32 = try reader.read()
        let typeIndex = Int(try reader.read(UInt8.self))
        guard typeIndex < EventType.allCases.count else { throw BinaryReader.Damaged(what: "an event type") }
        let flavorCode: UInt8 = try reader.read()
        self.init(time: time, sequence: sequence, type: EventType.allCases[typeIndex],
                  flavor: flavorCode == 255 ? nil : Flavor(code: flavorCode), instances: try reader.read(),
                  memoryUnits: try reader.read(), account: try symbol(), application: try symbol(), service: try symbol(),
                  serviceType: try symbol(), domain: try symbol(), location: try reader.readLocation())
    }
}

extension Rejection {
    func encode(to writer: inout BinaryWriter) {
        writer.write(location.file)
        writer.write(Int64(location.line))
        writer.write(eventID ?? "")
        writer.write(account?.text ?? "")
        writer.write(time != nil)
        writer.write(time?.secondsSinceEpoch ?? 0)
        writer.write(reason.code)
        writer.write(reason.description)
        writer.write(bytes: originalLine)
    }

    /// A rejection ``encode(to:)`` wrote; its reason is kept as it was
    /// worded (``RejectionReason/keptFromClose(code:message:)``).
    init(decoding reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        let file = try reader.readString()
        let line = Int(try reader.read(Int64.self))
        let id = try reader.readString()
        let account = try reader.readString()
        let dated = try reader.readBool()
        let time: Int64 = try reader.read()
        let code = try reader.readString()
        let message = try reader.readString()
        self.init(location: SourceLocation(file: file, line: line), eventID: id.isEmpty ? nil : id,
                  account: account.isEmpty ? nil : AccountName(unchecked: account),
                  time: dated ? Timestamp(secondsSinceEpoch: time) : nil,
                  reason: .keptFromClose(code: code, message: message), originalLine: try reader.readBytes())
    }
}
