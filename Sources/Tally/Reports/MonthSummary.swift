/// The month at a glance (`tally summary`, README "Reports for operators"), built from a month-end
/// run: invoices issued and held, the total billed, billed by flavor and by
/// service type, the SSL edges (and those whose application no longer exists),
/// the adjustments of closed months (SPEC §7.3), the ten largest invoices,
/// the MB-hours billed and the event accounting. Every amount is a sum of
/// rounded line amounts, never rounded again (SPEC §3).
///
/// The flavor, service-type and SSL-edge figures count the month's own lines
/// only, which add up to ``usage``; adjustment lines are apart, one group per
/// month they correct (``adjustments``). ``usage`` plus the adjustments is
/// ``billed``, the invoices' total. Render with ``text()``, ``json()`` or ``csv()``.
public struct MonthSummary: Report, Hashable {
    /// How many of the largest invoices are listed.
    public static let largestInvoiceCount = 10

    /// Lines, usage and amount of a group of line items.
    public struct Group: Sendable, Hashable {
        /// The group's name: a flavor, a service type, `final`, `held`, …
        public let name: String
        /// Invoices (for invoice groups) or line items (for line groups).
        public let count: Int
        /// Exact MB-seconds of the group's lines.
        public let mbSeconds: Int64
        /// The sum of the group's rounded line amounts.
        public let amount: Money
    }

    /// One of the largest invoices.
    public struct RankedInvoice: Sendable, Hashable {
        /// `INV-YYYYMM-<account>`.
        public let number: String
        /// The account.
        public let account: AccountName
        /// Final or held.
        public let status: InvoiceStatus
        /// Its line count.
        public let lineCount: Int
        /// Its total.
        public let total: Money
    }

    /// The SSL edges billed in the month; an edge is one domain of one account.
    public struct SSLEdges: Sendable, Hashable {
        /// Edges with at least one line.
        public let edges: Int
        /// Their lines (an edge has one per flavor and rate card).
        public let lines: Int
        /// Exact MB-seconds of their lines.
        public let mbSeconds: Int64
        /// The sum of their lines' amounts.
        public let amount: Money
        /// Edges whose application was destroyed before the period ended
        /// (still billed until SSL is disabled, SPEC §1).
        public let edgesWithoutApplication: Int
        /// The sum of all the lines of those edges.
        public let amountWithoutApplication: Money
    }

    /// The billing period.
    public let period: BillingPeriod
    /// The currency of every amount.
    public let currency: Currency
    /// Invoices issued (final): count, usage and total.
    public let issued: Group
    /// Invoices held (README, "Bad input, held invoices and strict mode"): count, usage and total.
    public let held: Group
    /// Accounts with rejected events but no invoice.
    public let heldAccountsWithoutInvoice: Int
    /// Every invoice: count, exact MB-seconds billed and total billed,
    /// adjustments included (net: an adjustment may be negative).
    public let billed: Group
    /// The month's own lines (without adjustments): line count, exact
    /// MB-seconds and the sum of their amounts. Equals ``billed``'s figures
    /// when there are no adjustments.
    public let usage: Group
    /// The adjustment lines of closed months (SPEC §7.3), one group per month
    /// corrected, earliest first, named `YYYY-MM`: line count, MB-seconds and
    /// amount, each possibly negative. Empty when there are none.
    public let adjustments: [Group]
    /// Lines by flavor, in the order sandbox, live, enterprise; only flavors with lines.
    public let byFlavor: [Group]
    /// Service lines by service type, by name; SSL edges are in ``sslEdges``.
    public let byServiceType: [Group]
    /// The SSL edges.
    public let sslEdges: SSLEdges
    /// The largest invoices by total, largest first, ties by account; at most ``largestInvoiceCount``.
    public let largestInvoices: [RankedInvoice]
    /// How every line of the log was accounted for.
    public let events: EventCounts

    /// The month's own line items on all invoices (adjustment lines not counted).
    public var lineCount: Int { usage.count }

    /// The sum of ``adjustments``: line count, MB-seconds and amount.
    public var adjustmentTotal: Group {
        Group(name: "adjustments", count: adjustments.reduce(0) { $0 + $1.count },
              mbSeconds: adjustments.reduce(0) { $0 + $1.mbSeconds },
              amount: Money(minorUnits: adjustments.reduce(0) { $0 + $1.amount.minorUnits }, currency: currency))
    }
}
