import Foundation

extension InvoiceRun {
    /// The run as the books keep it in `run.json` (README, "Closing a
    /// month"): its `Codable` form, written straight to bytes exactly as
    /// Foundation's `JSONEncoder` writes it with `[.sortedKeys,
    /// .withoutEscapingSlashes]` (a test holds the two to the same bytes).
    /// `JSONEncoder` took a third of a close of 1,000,000 events and 75,000
    /// line items, and most of its memory; this writes each line's rate card
    /// once per card and the rest directly. Rejected lines (rare: a closed
    /// month holds none) are written by `JSONEncoder` itself.
    ///
    /// - Throws: what `JSONEncoder` throws for a rate card or a rejected line.
    func booksJSON() throws -> [UInt8] {
        var whole: [UInt8] = []
        try booksJSON { whole += $0 }
        return whole
    }

    /// ``booksJSON()`` in pieces of about a megabyte, handed to `write` in
    /// order, so that a close never holds the whole file.
    ///
    /// - Throws: what `JSONEncoder` throws for a rate card or a rejected line.
    func booksJSON(_ write: ([UInt8]) -> Void) throws {
        try withoutActuallyEscaping(write) { write in try writeBooksJSON(write) }
    }

    private func writeBooksJSON(_ write: @escaping ([UInt8]) -> Void) throws {
        var writer = BooksJSONWriter(write: write)
        writer.bytes.reserveCapacity(BooksJSONWriter.piece + (1 << 16))
        writer.object { writer in
            writer.member("currency") { $0.string(currency.code) }
            writer.member("events") { writer in
                writer.object { writer in
                    writer.member("applied") { $0.integer(events.applied) }
                    writer.member("duplicates") { $0.integer(events.duplicates) }
                    writer.member("lines") { $0.integer(events.lines) }
                    writer.member("rejected") { $0.integer(events.rejected) }
                }
            }
            writer.member("held_without_invoice") { writer in
                writer.array(heldAccountsWithoutInvoice) { writer, held in
                    writer.object { writer in
                        writer.member("account") { $0.string(held.account.text) }
                        writer.member("rejected_line_count") { $0.integer(held.rejectedLineCount) }
                        writer.member("rejected_lines") { $0.encoded(held.rejectedLines) }
                    }
                }
            }
            writer.member("invoices") { writer in
                writer.array(invoices) { writer, invoice in writer.invoice(invoice) }
            }
            writer.member("period") { $0.string(period.description) }
        }
        if let failure = writer.failure { throw failure }
        write(writer.bytes)
    }
}

/// Compact JSON with sorted keys, as `JSONEncoder` writes it: members are
/// written in the order given, which the callers keep sorted.
private struct BooksJSONWriter {
    /// Bytes written but not yet handed on.
    var bytes: [UInt8] = []
    /// Hands on what was written, between two elements of an array.
    let write: ([UInt8]) -> Void
    /// The size of the pieces handed on.
    static let piece = 1 << 20
    /// Whether the container being written has a member or element yet.
    private var started = [false]
    /// Each rate card's bytes, written once.
    private var cards: [(card: RateCard, bytes: [UInt8])] = []
    /// What `JSONEncoder` threw, if it did.
    var failure: (any Error)?
    /// The last few instants written, with their text, and where the next goes.
    private var timestamps = [(time: Timestamp, text: [UInt8])](repeating: (Timestamp(secondsSinceEpoch: Int64.min), []), count: 4)
    private var nextTimestamp = 0

    init(write: @escaping ([UInt8]) -> Void) {
        self.write = write
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    mutating func invoice(_ invoice: Invoice) {
        object { writer in
            writer.member("account") { $0.string(invoice.account.text) }
            writer.member("lines") { writer in
                writer.array(invoice.lines) { writer, line in writer.line(line) }
            }
            writer.member("number") { $0.string(invoice.number) }
            writer.member("period") { $0.string(invoice.period.description) }
            writer.member("rejected_line_count") { $0.integer(invoice.rejectedLineCount) }
            writer.member("rejected_lines") { $0.encoded(invoice.rejectedLines) }
            writer.member("status") { $0.string(invoice.status.rawValue) }
            writer.member("total") { $0.money(invoice.total) }
        }
    }

    mutating func line(_ line: LineItem) {
        object { writer in
            if let adjusts = line.adjusts { writer.member("adjusts") { $0.string(adjusts.description) } }
            writer.member("amount") { $0.money(line.amount) }
            writer.member("application") { $0.string(line.application.text) }
            if let destroyed = line.applicationDestroyedAt {
                writer.member("application_destroyed_at") { $0.string(destroyed.description) }
            }
            if let domain = line.domain { writer.member("domain") { $0.string(domain.text) } }
            writer.member("flavor") { $0.string(line.flavor.rawValue) }
            writer.member("kind") { $0.string(line.kind.rawValue) }
            writer.member("mb_seconds") { $0.integer(line.mbSeconds) }
            writer.member("rate_card") { $0.card(line.rateCard) }
            if let service = line.service { writer.member("service") { $0.string(service.text) } }
            if let type = line.serviceType { writer.member("service_type") { $0.string(type.text) } }
            writer.member("unit_price") { $0.string(line.unitPrice.description) }
            writer.member("usage_end") { $0.timestamp(line.usageEnd) }
            writer.member("usage_start") { $0.timestamp(line.usageStart) }
        }
    }

    /// `time` as an RFC 3339 string; most lines of a month start or end at
    /// the same second, whose text is kept from the last time.
    mutating func timestamp(_ time: Timestamp) {
        if let known = timestamps.first(where: { $0.time == time }) {
            bytes += known.text
            return
        }
        let start = bytes.count
        string(time.description)
        timestamps[nextTimestamp] = (time, Array(bytes[start...]))
        nextTimestamp = (nextTimestamp + 1) % timestamps.count
    }

    mutating func money(_ money: Money) {
        object { writer in
            writer.member("amount") { $0.string(money.description) }
            writer.member("currency") { $0.string(money.currency.code) }
        }
    }

    mutating func card(_ card: RateCard) {
        if let known = cards.first(where: { $0.card == card }) {
            bytes += known.bytes
            return
        }
        let start = bytes.count
        encoded(card)
        cards.append((card, Array(bytes[start...])))
    }

    /// `value` as `JSONEncoder` writes it.
    mutating func encoded<Value: Encodable>(_ value: Value) {
        do {
            bytes += try Self.encoder.encode(value)
        } catch {
            failure = failure ?? error
        }
    }

    mutating func object(_ body: (inout BooksJSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        started.append(false)
        body(&self)
        started.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ elements: [Element], _ body: (inout BooksJSONWriter, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if bytes.count >= Self.piece {
                write(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
            body(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func member(_ key: String, _ value: (inout BooksJSONWriter) -> Void) {
        if started[started.count - 1] { bytes.append(UInt8(ascii: ",")) }
        started[started.count - 1] = true
        string(key)
        bytes.append(UInt8(ascii: ":"))
        value(&self)
    }

    mutating func integer(_ value: some BinaryInteger) {
        bytes += String(value).utf8
    }

    /// `text` as a JSON string: `"` and `\` escaped, control characters as
    /// `\n`, `\t`, … or `\u00XX`; `/` and non-ASCII as they are.
    mutating func string(_ text: String) {
        bytes.append(0x22)
        var text = text
        // Keys, names and figures need no escape (SPEC §2's rules): copy them whole.
        let plain = text.withUTF8 { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain {
            bytes.append(0x22)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
            case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
            case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }
}
