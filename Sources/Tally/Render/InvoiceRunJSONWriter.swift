/// Writes the SPEC §6 document of an ``InvoiceRun`` straight to text, laid
/// out exactly as Foundation's `JSONEncoder` does with `[.prettyPrinted,
/// .sortedKeys, .withoutEscapingSlashes]` (a test holds the two to the same
/// bytes). `JSONEncoder` took a quarter of the month-end run on a million
/// events, for 18,000 line items (callgrind; README, "Performance").
///
/// The document is written once, straight into the storage of the `String`
/// returned: its size is bounded first from the run (a few hundred bytes a
/// line plus its names), and pages of that bound never written are never
/// touched, so they take no memory. Names, figures and line ids are written
/// as bytes, without a `String` apiece: on 200,000 accounts (300,000 lines, a
/// 100 MB document) building those strings, and copying the document from a
/// byte array into a `String`, made the writer a fifth of the run and twice
/// the document's size in memory (README, "Performance").
///
/// A close writes the same document to the books in pieces of about a
/// megabyte (``write(_:pieceSize:in:)``), never holding it whole.
enum InvoiceRunJSONWriter {
    static func write(_ run: InvoiceRun) -> String {
        write(run, capacity: upperBound(run))
    }

    /// Writes `run` into a string of `capacity` bytes, retried with twice the
    /// capacity while it does not fit (never, when the bound is right; a test
    /// starts small to check the retry).
    static func write(_ run: InvoiceRun, capacity: Int) -> String {
        var capacity = max(capacity, 64)
        while true {
            var fitted = true
            let text = String(unsafeUninitializedCapacity: capacity) { buffer in
                var output = JSONOutput(buffer)
                document(run, &output)
                fitted = !output.overflowed
                return fitted ? output.count : 0
            }
            if fitted { return text }
            capacity *= 2
        }
    }

    /// More bytes than the document of `run` can take: a fixed allowance per
    /// invoice and line for keys, figures and layout, and each name's bytes
    /// six times over (the most JSON escaping can make of a byte).
    static func upperBound(_ run: InvoiceRun) -> Int {
        run.invoices.reduce(headBound(run)) { $0 + bound($1) }
    }

    /// More bytes than everything but the invoices can take.
    private static func headBound(_ run: InvoiceRun) -> Int {
        run.heldAccountsWithoutInvoice.reduce(4096) { $0 + 256 + 6 * $1.account.text.utf8.count }
    }

    /// More bytes than `invoice` can take in the document.
    private static func bound(_ invoice: Invoice) -> Int {
        var bound = 512 + 6 * (invoice.account.text.utf8.count + invoice.number.utf8.count)
        for line in invoice.lines {
            bound += 768 + 6 * (line.application.text.utf8.count + (line.service?.text.utf8.count ?? 0)
                + (line.serviceType?.text.utf8.count ?? 0) + (line.domain?.text.utf8.count ?? 0)
                + line.rateCard.name.utf8.count)
        }
        return bound
    }

    /// The document's UTF-8 bytes in pieces of at least `pieceSize` bytes
    /// (the last may be shorter), handed to `send` in order: each invoice is
    /// written into a buffer sized from its bound, which is handed on once it
    /// holds `pieceSize` bytes.
    static func write(_ run: InvoiceRun, pieceSize: Int = 1 << 20, in send: ([UInt8]) -> Void) {
        withoutActuallyEscaping(send) { send in
            var pieces = JSONPieces(pieceSize: pieceSize, send: send)
            var prices = UnitPriceTexts()
            pieces.write(bound: headBound(run)) { head(run, &$0) }
            for index in run.invoices.indices {
                let invoice = run.invoices[index]
                pieces.write(bound: bound(invoice)) {
                    self.invoice(invoice, last: index == run.invoices.count - 1, &$0, &prices)
                }
            }
            pieces.write(bound: 256) { tail(run, &$0) }
            pieces.finish()
        }
    }

    private static func document(_ run: InvoiceRun, _ output: inout JSONOutput) {
        head(run, &output)
        var prices = UnitPriceTexts()
        for index in run.invoices.indices {
            invoice(run.invoices[index], last: index == run.invoices.count - 1, &output, &prices)
        }
        tail(run, &output)
    }

    /// Everything before the first invoice.
    private static func head(_ run: InvoiceRun, _ output: inout JSONOutput) {
        output.open("{")
        output.member("currency", string: run.currency.code)
        output.key("events")
        output.open("{")
        output.member("applied", integer: Int64(run.events.applied))
        output.member("duplicates", integer: Int64(run.events.duplicates))
        output.member("lines", integer: Int64(run.events.lines))
        output.member("rejected", integer: Int64(run.events.rejected), last: true)
        output.close("}", last: false)
        if !run.heldAccountsWithoutInvoice.isEmpty {
            output.key("held_without_invoice")
            output.open("[")
            for (index, held) in run.heldAccountsWithoutInvoice.enumerated() {
                output.indentation()
                output.open("{")
                output.member("account", string: held.account.text)
                output.member("rejected_lines", integer: Int64(held.rejectedLineCount), last: true)
                output.close("}", last: index == run.heldAccountsWithoutInvoice.count - 1)
            }
            output.close("]", last: false)
        }
        output.key("invoices")
        output.open("[")
    }

    /// One invoice, its keys in sorted order.
    private static func invoice(_ invoice: Invoice, last: Bool, _ output: inout JSONOutput,
                                _ prices: inout UnitPriceTexts) {
        output.indentation()
        output.open("{")
        output.member("account", string: invoice.account.text)
        output.key("lines")
        output.open("[")
        invoice.lines.withUnsafeBufferPointer { lines in
            for lineIndex in lines.indices {
                self.line(lines[lineIndex], on: invoice.number, last: lineIndex == lines.count - 1, &output, &prices)
            }
        }
        output.close("]", last: false)
        output.member("number", string: invoice.number)
        if invoice.status == .held { output.member("rejected_lines", integer: Int64(invoice.rejectedLineCount)) }
        output.member("status", string: invoice.status.rawValue)
        output.member("total", money: invoice.total, last: true)
        output.close("}", last: last)
    }

    /// Everything after the last invoice.
    private static func tail(_ run: InvoiceRun, _ output: inout JSONOutput) {
        output.close("]", last: false, empty: run.invoices.isEmpty)
        output.member("period", string: run.period.description, last: true)
        output.close("}", last: true)
    }

    /// One line item, its keys in sorted order.
    private static func line(_ line: LineItem, on invoiceNumber: String, last: Bool, _ output: inout JSONOutput,
                             _ prices: inout UnitPriceTexts) {
        output.indentation()
        output.open("{")
        // A line of a closed month's correction (SPEC §7.3); "adjusts" sorts before "amount".
        if let adjusts = line.adjusts { output.member("adjusts", string: adjusts.description) }
        output.member("amount", money: line.amount)
        output.member("application", string: line.application.text)
        if let domain = line.domain { output.member("domain", string: domain.text) }
        output.member("flavor", string: line.flavor.rawValue)
        output.member("kind", string: line.kind.rawValue)
        output.key("line_id")
        output.lineID(line.lineIDHash(onInvoice: invoiceNumber))
        output.key("mb_hours")
        output.mbHours(line.mbSeconds)
        output.member("mb_seconds", integer: line.mbSeconds)
        output.member("rate_card", string: line.rateCard.name)
        if let service = line.service { output.member("service", string: service.text) }
        if let serviceType = line.serviceType { output.member("service_type", string: serviceType.text) }
        output.key("unit_price")
        output.quoted(bytes: prices.text(of: line.unitPrice))
        output.endOfMember(last: true)
        output.close("}", last: last)
    }
}

/// The text of the last few unit prices: a run has one per flavor and rate
/// card, so each is written out once rather than once a line.
private struct UnitPriceTexts {
    private var known: [(price: UnitPrice, text: [UInt8])] = []

    mutating func text(of price: UnitPrice) -> [UInt8] {
        for entry in known where entry.price.units == price.units && entry.price.scale == price.scale { return entry.text }
        let text = Array(price.description.utf8)
        if known.count == 16 { known.removeFirst() }
        known.append((price, text))
        return text
    }
}
