/// An account's billed memory over one billing period, day by day (`tally usage`):
/// one row per service and per SSL edge, each with its billed MB-seconds and
/// peak reserved MB for every UTC day, its total MB-seconds and the sum of its
/// invoice lines' rounded amounts. Only billed memory is shown (sandbox usage
/// is free and on no invoice, SPEC §3), so the rows add up to the invoice.
/// Adjustment lines of closed months (SPEC §7.3) correct another month's
/// usage, so they have no days: they are listed apart (``adjustments``), and
/// the rows and the adjustments together add up to the invoice.
/// Render with ``text()`` (a chart drawn with ``ramp``), ``json()`` or ``csv()``.
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
    /// Services by application then service, then SSL edges by domain, as on
    /// the invoice: the month's own lines only.
    public let rows: [Row]
    /// The invoice's adjustment lines (SPEC §7.3), in invoice order: by the
    /// month they correct (``LineItem/adjusts``), each as the invoice shows it.
    public let adjustments: [LineItem]
    /// Exact MB-seconds of all rows and adjustments (net: an adjustment may be negative).
    public let mbSeconds: Int64
    /// The invoice total: the sum of the rounded line amounts, adjustments included.
    public let total: Money
    /// How every line of the log was accounted for.
    public let events: EventCounts
    /// The characters ``text()`` draws the chart with: ``ChartRamp/blocks``
    /// (the default) for UTF-8 output, ``ChartRamp/ascii`` otherwise.
    public var ramp: ChartRamp = .blocks
}

extension UsageReport {
    /// Builds the report from one account's bill (see
    /// ``init(account:period:currency:invoice:rejectedLineCount:events:series:)``),
    /// with the day-by-day series the detailed meter kept.
    ///
    /// - Throws: ``RunError/overflow(_:)`` when the account's MB-seconds don't
    ///   fit in 64 bits (only with absurd allocations).
    init(_ bill: AccountBill) throws(RunError) {
        try self.init(account: bill.account, period: bill.period, currency: bill.rateCards.currency, invoice: bill.invoice,
                      rejectedLineCount: bill.rejectedLineCount, events: bill.replayed.counts) { line in
            line.key.flatMap { bill.usage.daily[BilledResource(account: $0.account, subject: $0.subject)] }
        }
    }

    /// Builds the report of `account`'s `invoice` (`nil` without billable
    /// usage): rows follow the invoice's own lines, merged per service or
    /// edge across flavors and rate cards, each with the day-by-day `series`
    /// of its resource (all zero when `series` has none); the invoice's
    /// adjustment lines are kept apart, without days.
    ///
    /// - Throws: ``RunError/overflow(_:)`` when the account's MB-seconds don't
    ///   fit in 64 bits (only with absurd allocations).
    init(account: AccountName, period: BillingPeriod, currency: Currency, invoice: Invoice?, rejectedLineCount: Int,
         events: EventCounts, series: (LineItem) -> DailyUsageSeries?) throws(RunError) {
        func checked(_ sum: Int128) throws(RunError) -> Int64 {
            guard let value = Int64(exactly: sum) else {
                throw .overflow("the MB-seconds of account \(account) in \(period) do not fit in 64 bits")
            }
            return value
        }
        var rows: [Row] = []
        let lines = invoice?.ownLines ?? []
        let adjustments = invoice?.adjustmentLines ?? []
        var start = lines.startIndex
        while start < lines.endIndex {
            var end = start + 1
            while end < lines.endIndex, lines[start].billsSameResource(as: lines[end]) { end += 1 }
            let group = lines[start..<end]
            let last = group.last!
            let days = series(last) ?? DailyUsageSeries(dayCount: period.days)
            rows.append(Row(
                kind: last.kind, application: last.application, service: last.service, serviceType: last.serviceType,
                domain: last.domain, dailyMBSeconds: days.mbSeconds, dailyPeakMB: days.peakMB,
                mbSeconds: try checked(group.reduce(Int128(0)) { $0 + Int128($1.mbSeconds) }),
                // Own line amounts are ≥ 0 and come first on the invoice: the assembler's running total checked their sum.
                amount: Money(minorUnits: group.reduce(0) { $0 + $1.amount.minorUnits }, currency: currency)))
            start = end
        }
        let mbSeconds = rows.reduce(Int128(0)) { $0 + Int128($1.mbSeconds) }
            + adjustments.reduce(Int128(0)) { $0 + Int128($1.mbSeconds) }
        self.init(account: account, period: period, currency: currency,
                  invoiceNumber: Invoice.number(for: account, in: period),
                  status: invoice?.status, rejectedLineCount: rejectedLineCount,
                  rows: rows, adjustments: adjustments, mbSeconds: try checked(mbSeconds),
                  total: invoice?.total ?? .zero(currency), events: events)
    }
}
