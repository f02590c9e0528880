/// Stage 5 of the pipeline: groups line items into one invoice per account,
/// orders them (SPEC §6) and totals them as the sum of the rounded lines
/// (SPEC §3).
struct InvoiceAssembler: Sendable {
    let period: BillingPeriod
    let currency: Currency

    /// The invoices for `lines`, ordered by account, each held when `holds`
    /// has rejected lines of its account.
    ///
    /// - Throws: ``RunError/overflow(_:)`` when a total does not fit in 64 bits of minor units.
    func invoices(for lines: [BillingPipeline.PricedLine], names: SymbolTable,
                  holds: HoldList) throws(RunError) -> [Invoice] {
        // Each account's lines by their place in `lines`: every line item is
        // copied once, into its invoice (README, "Performance").
        var groupOf = FastDictionary<Symbol<AccountKind>, Int>(capacity: 1024)
        var groups: [(account: AccountName, lines: [Int])] = []
        for (index, priced) in lines.enumerated() {
            if let group = groupOf[priced.account] {
                groups[group].lines.append(index)
            } else {
                groupOf[priced.account] = groups.count
                groups.append((names.name(priced.account), [index]))
            }
        }
        // Names are ASCII (SPEC §2), so String's order is byte order.
        groups.sort { $0.account.text < $1.account.text }
        var invoices: [Invoice] = []
        invoices.reserveCapacity(groups.count)
        for group in groups.indices {
            let account = groups[group].account
            let ordered = Self.ordered(groups[group].lines) { lines[$0].line }
            groups[group].lines = []
            var total = Money.zero(currency)
            for line in ordered {
                guard let sum = total.adding(line.amount) else {
                    throw .overflow("the total of account \(account) does not fit in 64 bits")
                }
                total = sum
            }
            let held: (count: Int, shown: [Rejection])? = holds.byAccount.isEmpty ? nil : holds.byAccount[account]
            invoices.append(Invoice(number: Invoice.number(for: account, in: period), account: account,
                                    period: period, lines: ordered, total: total,
                                    status: held == nil ? .final : .held,
                                    rejectedLineCount: held?.count ?? 0, rejectedLines: held?.shown ?? []))
        }
        return invoices
    }

    /// Accounts that `holds` names but that have no invoice, ordered by account.
    func heldAccountsWithoutInvoice(_ invoices: [Invoice], holds: HoldList) -> [HeldAccount] {
        let invoiced = Set(invoices.map(\.account))
        return holds.byAccount.keys.filter { !invoiced.contains($0) }.sorted().map { account in
            let held = holds.byAccount[account]!
            return HeldAccount(account: account, rejectedLineCount: held.count, rejectedLines: held.shown)
        }
    }

    /// The month's own lines first, then adjustments by the month they
    /// correct (SPEC §7.3); within each: services by application then
    /// service, SSL edges after, by domain; the same subject's lines by rate
    /// card, then flavor.
    static func precedes(_ lhs: LineItem, _ rhs: LineItem) -> Bool {
        LineOrder(lhs) < LineOrder(rhs)
    }

    /// The lines `line(index)` of `indices`, in the order of
    /// ``precedes(_:_:)``, equal lines in the order given. Each line's key is made once and the sort moves
    /// indices, not line items: comparing keys built on the fly and moving
    /// the items (a dozen references each) took a twelfth of the month-end
    /// run (README, "Performance").
    static func ordered(_ indices: [Int], _ line: (Int) -> LineItem) -> [LineItem] {
        guard indices.count > 1 else { return indices.map(line) }
        let keys = indices.map { LineOrder(line($0)) }
        return keys.indices.sorted { keys[$0] < keys[$1] || (!(keys[$1] < keys[$0]) && $0 < $1) }
            .map { line(indices[$0]) }
    }
}

/// Where a line goes on its invoice (``InvoiceAssembler/precedes(_:_:)``).
private struct LineOrder: Comparable {
    /// 0 for the month's own lines, else 1 and the month corrected.
    var adjusts: (Int, Int32)
    /// 0 for a service, 1 for an SSL edge.
    var kind: Int
    /// Application then service, or domain then application.
    var first: String
    var second: String
    var effectiveFrom: Int64
    var flavor: Flavor

    init(_ line: LineItem) {
        adjusts = line.adjusts.map { (1, $0.monthIndex) } ?? (0, 0)
        switch line.kind {
        case .service:
            (kind, first, second) = (0, line.application.text, line.service?.text ?? "")
        case .sslEdge:
            (kind, first, second) = (1, line.domain?.text ?? "", line.application.text)
        }
        effectiveFrom = line.rateCard.effectiveFrom.secondsSinceEpoch
        flavor = line.flavor
    }

    static func < (lhs: LineOrder, rhs: LineOrder) -> Bool {
        if lhs.adjusts != rhs.adjusts { return lhs.adjusts < rhs.adjusts }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        // Names are ASCII (SPEC §2): String's order is their byte order, and
        // its fast path for ASCII beats comparing UTF-8 views element by element.
        if lhs.first != rhs.first { return lhs.first < rhs.first }
        if lhs.second != rhs.second { return lhs.second < rhs.second }
        return (lhs.effectiveFrom, lhs.flavor) < (rhs.effectiveFrom, rhs.flavor)
    }

    static func == (lhs: LineOrder, rhs: LineOrder) -> Bool {
        lhs.adjusts == rhs.adjusts && lhs.kind == rhs.kind && lhs.first == rhs.first && lhs.second == rhs.second
            && lhs.effectiveFrom == rhs.effectiveFrom && lhs.flavor == rhs.flavor
    }
}
