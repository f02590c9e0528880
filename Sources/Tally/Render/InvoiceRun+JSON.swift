extension InvoiceRun {
    /// The JSON document of SPEC §6: period, currency, invoices with their
    /// lines, and the event accounting. Amounts and prices are decimal
    /// strings; `mb_seconds` is an exact integer. Keys are sorted, so the same
    /// run always gives the same bytes. Beyond SPEC §6: each invoice's
    /// `status` (and `rejected_lines` when held), and `held_without_invoice`
    /// listing accounts with rejected lines but no invoice, when there are any.
    /// An adjustment line (SPEC §7.3) is a line of the kind it corrects with
    /// the same fields plus `adjusts` (`YYYY-MM`); its `mb_seconds`,
    /// `mb_hours` and `amount` may be negative, and so may `total`.
    public func json() -> String {
        InvoiceRunJSONWriter.write(self)
    }

    /// ``json()``'s UTF-8 bytes in pieces of at least a megabyte (the last
    /// may be shorter), handed to `send` in order: written invoice by
    /// invoice, so that the document is never held whole (README,
    /// "Performance"). `tally invoice --format json` writes each piece as it
    /// comes.
    public func json(in send: ([UInt8]) -> Void) {
        InvoiceRunJSONWriter.write(self, in: send)
    }
}
