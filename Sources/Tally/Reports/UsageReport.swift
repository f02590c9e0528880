/// An account's billed memory over one billing period, day by day (`tally usage`):
/// one row per service and per SSL edge, each with its billed MB-seconds and
/// peak reserved MB for every UTC day, its total MB-seconds and the sum of its
/// invoice lines' rounded amounts. Only billed memory is shown (sandbox usage
/// is free and on no invoice, SPEC §3), so the rows add up to the invoice.
/// Render with ``text()`` (a chart drawn with ``ramp``) or ``json()``.
public struct UsageReport: Report, Hashable {
    /// One service or SSL edge of the account.
    public struct Row: Sendable, Hashable {
        /// Service or SSL edge.
        public let kind: LineItem.Kind
        /// The service's application, or the one the SSL edge was enabled for.
        public let application: ApplicationName
        /// The service (service rows only).
        public let service: ServiceName?
        /// The service's type (service rows only).
        public let serviceType: ServiceType?
        /// The custom domain (SSL edge rows only).
        public let domain: DomainName?
        /// MB-seconds billed on each day of the period (UTC), the first day first.
        public let dailyMBSeconds: [Int64]
        /// The most MB reserved at any second of each day; 0 on a day with none.
        public let dailyPeakMB: [Int64]
        /// Exact MB-seconds in the period: the sum of the days, and of the row's invoice lines.
        public let mbSeconds: Int64
        /// The sum of the row's invoice lines' rounded amounts (never re-rounded).
        public let amount: Money

        /// The most MB reserved at any second of the period.
        public var peakMB: Int64 { dailyPeakMB.max() ?? 0 }
    }

    /// The account.
    public let account: AccountName
    /// The billing period; one chart column per day.
    public let period: BillingPeriod
    /// The currency of the amounts.
    public let currency: Currency
    /// The account's invoice number for the period (`INV-YYYYMM-<account>`).
    public let invoiceNumber: String
    /// The invoice's status, or `nil` when the account has no billable usage.
    public let status: InvoiceStatus?
    /// The account's rejected lines dated in or before the period, which
    /// hold its bill (README, "Bad input"); 0 when none.
    public let rejectedLineCount: Int
    /// Services by application then service, then SSL edges by domain, as on the invoice.
    public let rows: [Row]
    /// Exact MB-seconds of all rows.
    public let mbSeconds: Int64
    /// The invoice total: the sum of the rounded line amounts.
    public let total: Money
    /// How every line of the log was accounted for.
    public let events: EventCounts
    /// The characters ``text()`` draws the chart with: ``ChartRamp/blocks``
    /// (the default) for UTF-8 output, ``ChartRamp/ascii`` otherwise.
    public var ramp: ChartRamp = .blocks
}

extension UsageReport {
    /// Builds the report from one account's bill: rows follow the invoice's
    /// lines, merged per service or edge across flavors and rate cards, with
    /// the day-by-day series of the same resource.
    ///
    /// - Throws: ``RunError/overflow(_:)`` when the account's MB-seconds don't
    ///   fit in 64 bits (only with absurd allocations).
    init(_ bill: AccountBill) throws(RunError) {
        let period = bill.period
        let currency = bill.rateCards.currency
        func checked(_ sum: Int128) throws(RunError) -> Int64 {
            guard let value = Int64(exactly: sum) else {
                throw .overflow("the MB-seconds of account \(bill.account) in \(period) do not fit in 64 bits")
            }
            return value
        }
        var rows: [Row] = []
        let lines = bill.invoice?.lines ?? []
        var start = lines.startIndex
        while start < lines.endIndex {
            var end = start + 1
            while end < lines.endIndex, lines[start].billsSameResource(as: lines[end]) { end += 1 }
            let group = lines[start..<end]
            let last = group.last!
            let series = last.key.flatMap { bill.usage.daily[BilledResource(account: $0.account, subject: $0.subject)] }
                ?? DailyUsageSeries(dayCount: period.days)
            rows.append(Row(
                kind: last.kind, application: last.application, service: last.service, serviceType: last.serviceType,
                domain: last.domain, dailyMBSeconds: series.mbSeconds, dailyPeakMB: series.peakMB,
                mbSeconds: try checked(group.reduce(Int128(0)) { $0 + Int128($1.mbSeconds) }),
                // Line amounts are ≥ 0 and their sum, the invoice total, fits in 64 bits.
                amount: Money(minorUnits: group.reduce(0) { $0 + $1.amount.minorUnits }, currency: currency)))
            start = end
        }
        self.init(account: bill.account, period: period, currency: currency,
                  invoiceNumber: Invoice.number(for: bill.account, in: period),
                  status: bill.invoice?.status, rejectedLineCount: bill.rejectedLineCount,
                  rows: rows, mbSeconds: try checked(rows.reduce(Int128(0)) { $0 + Int128($1.mbSeconds) }),
                  total: bill.invoice?.total ?? .zero(currency), events: bill.replayed.counts)
    }
}
