extension LineItem {
    /// The line's id on the invoice numbered `invoiceNumber`: `li-` and 16
    /// lower-case hex digits, the 64-bit FNV-1a hash of the invoice number
    /// and the line's key of SPEC §3 — `service`, application, service,
    /// flavor and rate card for a service line; `ssl_edge`, domain, flavor and
    /// rate card for an SSL edge line — joined by line feeds, as UTF-8. The
    /// same line of the same invoice always has the same id, whatever else
    /// the log holds, so a re-run keeps it; the CSV and JSON exports carry it
    /// and `tally explain --line` accepts it (README, "Line items as CSV").
    ///
    /// - Parameter invoiceNumber: the number of the invoice the line is on, `INV-YYYYMM-<account>`.
    /// - Returns: e.g. `li-5a7ec1b6d8e3f402`.
    public func lineID(onInvoice invoiceNumber: String) -> String {
        var key = [invoiceNumber, kind.rawValue]
        switch kind {
        case .service: key += [application.text, service?.text ?? ""]
        case .sslEdge: key += [domain?.text ?? ""]
        }
        key += [flavor.rawValue, rateCard.name]
        // An adjustment is a line of its own, one per corrected month.
        if let adjusts { key.append("adjusts " + adjusts.description) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.joined(separator: "\n").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "li-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Whether `text` has the form of a line id: `li-` and 16 lower-case hex digits.
    public static func isLineID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 19 && text.hasPrefix("li-")
            && bytes.dropFirst(3).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
