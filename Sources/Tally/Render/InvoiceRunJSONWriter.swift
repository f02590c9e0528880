/// Writes the SPEC §6 document of an ``InvoiceRun`` straight to text, laid
/// out exactly as Foundation's `JSONEncoder` does with `[.prettyPrinted,
/// .sortedKeys, .withoutEscapingSlashes]` (a test holds the two to the same
/// bytes). `JSONEncoder` took a quarter of the month-end run on a million
/// events, for 18,000 line items (callgrind; README, "Performance"); this takes a hundredth.
enum InvoiceRunJSONWriter {
    static func write(_ run: InvoiceRun) -> String {
        String(decoding: bytes(run), as: UTF8.self)
    }

    /// The document's UTF-8 bytes.
    static func bytes(_ run: InvoiceRun) -> [UInt8] {
        var whole: [UInt8] = []
        write(run) { whole += $0 }
        return whole
    }

    /// The document's UTF-8 bytes in pieces of about a megabyte, handed to
    /// `send` in order (a close writes it to the books without holding it).
    static func write(_ run: InvoiceRun, in send: ([UInt8]) -> Void) {
        var output = Output()
        output.open("{")
        output.member("currency", string: run.currency.code)
        output.key("events")
        output.open("{")
        output.member("applied", integer: run.events.applied)
        output.member("duplicates", integer: run.events.duplicates)
        output.member("lines", integer: run.events.lines)
        output.member("rejected", integer: run.events.rejected, last: true)
        output.close("}", last: false)
        if !run.heldAccountsWithoutInvoice.isEmpty {
            output.key("held_without_invoice")
            output.open("[")
            for (index, held) in run.heldAccountsWithoutInvoice.enumerated() {
                output.indentation()
                output.open("{")
                output.member("account", string: held.account.text)
                output.member("rejected_lines", integer: held.rejectedLineCount, last: true)
                output.close("}", last: index == run.heldAccountsWithoutInvoice.count - 1)
            }
            output.close("]", last: false)
        }
        output.key("invoices")
        output.open("[")
        for (index, invoice) in run.invoices.enumerated() {
            if output.bytes.count >= 1 << 20 {
                send(output.bytes)
                output.bytes.removeAll(keepingCapacity: true)
            }
            output.indentation()
            output.open("{")
            output.member("account", string: invoice.account.text)
            output.key("lines")
            output.open("[")
            for (lineIndex, line) in invoice.lines.enumerated() {
                output.indentation()
                output.open("{")
                // A line of a closed month's correction (SPEC §7.3); "adjusts" sorts before "amount".
                if let adjusts = line.adjusts { output.member("adjusts", string: adjusts.description) }
                output.member("amount", string: line.amount.description)
                output.member("application", string: line.application.text)
                if let domain = line.domain { output.member("domain", string: domain.text) }
                output.member("flavor", string: line.flavor.rawValue)
                output.member("kind", string: line.kind.rawValue)
                output.member("line_id", string: line.lineID(onInvoice: invoice.number))
                output.member("mb_hours", string: NumberText.mbHours(line.mbSeconds, grouping: false))
                output.member("mb_seconds", integer: line.mbSeconds)
                output.member("rate_card", string: line.rateCard.name)
                if let service = line.service { output.member("service", string: service.text) }
                if let serviceType = line.serviceType { output.member("service_type", string: serviceType.text) }
                output.member("unit_price", string: line.unitPrice.description, last: true)
                output.close("}", last: lineIndex == invoice.lines.count - 1)
            }
            output.close("]", last: false)
            output.member("number", string: invoice.number)
            if invoice.status == .held { output.member("rejected_lines", integer: invoice.rejectedLineCount) }
            output.member("status", string: invoice.status.rawValue)
            output.member("total", string: invoice.total.description, last: true)
            output.close("}", last: index == run.invoices.count - 1)
        }
        output.close("]", last: false, empty: run.invoices.isEmpty)
        output.member("period", string: run.period.description, last: true)
        output.close("}", last: true)
        send(output.bytes)
    }

    /// JSON text being written, with the current indentation.
    private struct Output {
        var bytes: [UInt8] = []
        var depth = 0

        init() {
            bytes.reserveCapacity(1 << 20)
        }

        mutating func indentation() {
            for _ in 0..<depth * 2 { bytes.append(0x20) }
        }

        /// `{` or `[` and a new line, one level deeper.
        mutating func open(_ bracket: Unicode.Scalar) {
            bytes.append(UInt8(ascii: bracket))
            bytes.append(0x0A)
            depth += 1
        }

        /// The closing bracket on its own line (after an empty line when the
        /// container is empty, as `JSONEncoder` writes it), then `,` unless last.
        mutating func close(_ bracket: Unicode.Scalar, last: Bool, empty: Bool = false) {
            depth -= 1
            if empty { bytes.append(0x0A) }
            indentation()
            bytes.append(UInt8(ascii: bracket))
            bytes.append(contentsOf: last ? [0x0A] : [0x2C, 0x0A])
        }

        mutating func key(_ name: String) {
            indentation()
            quoted(name)
            bytes.append(contentsOf: " : ".utf8)
        }

        mutating func member(_ name: String, string value: String, last: Bool = false) {
            key(name)
            quoted(value)
            bytes.append(contentsOf: last ? [0x0A] : [0x2C, 0x0A])
        }

        mutating func member(_ name: String, integer value: some BinaryInteger, last: Bool = false) {
            key(name)
            bytes.append(contentsOf: String(value).utf8)
            bytes.append(contentsOf: last ? [0x0A] : [0x2C, 0x0A])
        }

        /// `text` as a JSON string: `"` and `\` escaped, control characters as
        /// `\n`, `\t`, … or `\u00XX`; `/` and non-ASCII as they are.
        mutating func quoted(_ text: String) {
            bytes.append(0x22)
            var text = text
            // Names and figures need no escape (SPEC §2's rules): copy them whole.
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
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                default: bytes.append(byte)
                }
            }
            bytes.append(0x22)
        }
    }
}
