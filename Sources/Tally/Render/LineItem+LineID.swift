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
        let hex = String(lineIDHash(onInvoice: invoiceNumber), radix: 16)
        return "li-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The 64-bit hash of ``lineID(onInvoice:)``, computed part by part
    /// without joining the parts into one string (the JSON writer writes one
    /// for every line of a run).
    func lineIDHash(onInvoice invoiceNumber: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ part: String, first: Bool = false) {
            if !first { hash = (hash ^ 0x0A) &* 0x0000_0100_0000_01b3 }
            var part = part
            part.withUTF8 { bytes in
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            }
        }
        add(invoiceNumber, first: true)
        add(kind.rawValue)
        switch kind {
        case .service:
            add(application.text)
            add(service?.text ?? "")
        case .sslEdge:
            add(domain?.text ?? "")
        }
        add(flavor.rawValue)
        add(rateCard.name)
        // An adjustment is a line of its own, one per corrected month.
        if let adjusts { add("adjusts " + adjusts.description) }
        return hash
    }

    /// Whether `text` has the form of a line id: `li-` and 16 lower-case hex digits.
    public static func isLineID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 19 && text.hasPrefix("li-")
            && bytes.dropFirst(3).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
