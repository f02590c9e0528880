extension Invoice {
    /// The adjustment lines (SPEC §7.3) grouped by the closed month they
    /// correct, earliest month first; each month's lines in invoice order.
    var adjustmentsByMonth: [(month: BillingPeriod, lines: [LineItem])] {
        var months: [BillingPeriod: [LineItem]] = [:]
        for line in lines {
            if let month = line.adjusts { months[month, default: []].append(line) }
        }
        return months.keys.sorted().map { ($0, months[$0]!) }
    }

    /// `Adjustments for 2026-09 (late events; they correct INV-202609-acct_shop)`:
    /// the heading of a corrected month's lines in the text and HTML invoices.
    func adjustmentHeading(for month: BillingPeriod) -> String {
        "Adjustments for \(month) (late events; they correct \(Invoice.number(for: account, in: month)))"
    }

    /// `Credit: the account is owed 12.34 USD`, for an invoice whose total is
    /// negative (SPEC §7.3); `nil` otherwise. `separator` follows `Credit`.
    func creditText(separator: String = ":") -> String? {
        guard isCredit else { return nil }
        // A negative amount's text always starts with its minus sign.
        return "Credit\(separator) the account is owed \(total.formatted(grouping: true).dropFirst()) \(total.currency)"
    }
}
