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
        var groupOf = FastDictionary<Symbol<AccountKind>, Int>(capacity: 1024)
        var groups: [(account: AccountName, lines: [LineItem])] = []
        for priced in lines {
            if let group = groupOf[priced.account] {
                groups[group].lines.append(priced.line)
            } else {
                groupOf[priced.account] = groups.count
                groups.append((names.name(priced.account), [priced.line]))
            }
        }
        // Names are ASCII (SPEC §2), so String's order is byte order.
        groups.sort { $0.account.text < $1.account.text }
        var invoices: [Invoice] = []
        invoices.reserveCapacity(groups.count)
        for (account, lines) in groups {
            let ordered = lines.count > 1 ? lines.sorted(by: Self.precedes) : lines
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
        if lhs.adjusts != rhs.adjusts {
            guard let left = lhs.adjusts else { return true }
            guard let right = rhs.adjusts else { return false }
            return left < right
        }
        func key(_ line: LineItem) -> (Int, String, String, Timestamp, Flavor) {
            switch line.kind {
            case .service:
                (0, line.application.text, line.service?.text ?? "", line.rateCard.effectiveFrom, line.flavor)
            case .sslEdge:
                (1, line.domain?.text ?? "", line.application.text, line.rateCard.effectiveFrom, line.flavor)
            }
        }
        let left = key(lhs)
        let right = key(rhs)
        if left.0 != right.0 { return left.0 < right.0 }
        // Names are ASCII (SPEC §2): String's order is their byte order, and
        // its fast path for ASCII beats comparing UTF-8 views element by element.
        if left.1 != right.1 { return left.1 < right.1 }
        if left.2 != right.2 { return left.2 < right.2 }
        return (left.3, left.4) < (right.3, right.4)
    }
}
