import Tally

/// What the report commands say on standard error once a run that rejected
/// lines is over (README, "Bad input, held invoices and strict mode"), after
/// the rejected lines themselves: how many, which invoices they hold and by
/// how many of their account's lines (in input order), the accounts held
/// without an invoice, and what to do next.
enum RejectionSummary {
    /// The summary of a month-end run (`tally invoice`, `tally summary`), or
    /// `nil` when no line was rejected. Held invoices, then accounts held
    /// without one, are listed in the input order of their first rejected
    /// line (accounts none of whose lines could be kept come last, by name).
    ///
    /// - Parameters:
    ///   - run: the run.
    ///   - inputs: the inputs as read, in order.
    ///   - rejectsFile: the `--rejects` file written, if any.
    static func text(of run: InvoiceRun, inputs: [EventInput], rejectsFile: String?) -> String? {
        let rejected = run.events.rejected
        guard rejected > 0 else { return nil }
        let order = Dictionary(inputs.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        func position(_ first: Rejection?, _ account: AccountName) -> (Int, Int, String) {
            guard let first else { return (Int.max, Int.max, account.text) }
            return (order[first.location.file] ?? Int.max - 1, first.location.line, account.text)
        }
        var lines = ["tally: \(Counted.count(rejected, "line")) rejected (listed above, in input order)."]

        let held = run.invoices.filter { $0.status == .held }
            .sorted { position($0.rejectedLines.first, $0.account) < position($1.rejectedLines.first, $1.account) }
        if !held.isEmpty {
            lines.append(held.count == 1
                ? "tally: 1 invoice is held by rejected lines of its account; do not send it until they are fixed:"
                : "tally: \(Counted.count(held.count, "invoice")) are held by rejected lines of their accounts; "
                    + "do not send them until they are fixed:")
            for invoice in held {
                lines.append("  \(invoice.number): \(Counted.count(invoice.rejectedLineCount, "rejected line")) of \(invoice.account)"
                    + first(invoice.rejectedLines, of: invoice.rejectedLineCount))
            }
        }
        let without = run.heldAccountsWithoutInvoice
            .sorted { position($0.rejectedLines.first, $0.account) < position($1.rejectedLines.first, $1.account) }
        if !without.isEmpty {
            lines.append(without.count == 1
                ? "tally: 1 account has rejected lines and no invoice in \(run.period) (they may change its bill):"
                : "tally: \(Counted.count(without.count, "account")) have rejected lines and no invoice in \(run.period) "
                    + "(they may change their bills):")
            for account in without {
                lines.append("  \(account.account): \(Counted.count(account.rejectedLineCount, "rejected line"))"
                    + first(account.rejectedLines, of: account.rejectedLineCount))
            }
        }
        let others = rejected - held.reduce(0) { $0 + $1.rejectedLineCount } - without.reduce(0) { $0 + $1.rejectedLineCount }
        if others > 0 {
            lines.append("tally: \(Counted.count(others, "rejected line")) \(others == 1 ? "holds" : "hold") no invoice "
                + "(dated after \(run.period), or no readable account).")
        }
        lines.append(nextStep(rejectsFile: rejectsFile, period: run.period))
        return lines.joined(separator: "\n")
    }

    /// The summary of a one-account report (`tally usage`, `tally explain`),
    /// or `nil` when none of the account's lines was rejected.
    ///
    /// - Parameters:
    ///   - account: the account.
    ///   - period: the month reported.
    ///   - rejected: how many of the account's lines were rejected (shown above).
    ///   - holding: how many of those hold its bill (dated before the month's end, or undated).
    ///   - hasInvoice: whether the account has an invoice in the month.
    ///   - otherAccounts: how many lines of other accounts were rejected (not shown).
    static func text(of account: AccountName, in period: BillingPeriod, rejected: Int, holding: Int, hasInvoice: Bool,
                     otherAccounts: Int) -> String? {
        guard rejected > 0 else { return nil }
        var lines = ["tally: \(Counted.count(rejected, "line")) of \(account) rejected (listed above, in input order)."]
        let these = holding == 1 ? "the line is" : "the lines are"
        if holding > 0, hasInvoice {
            lines.append("tally: \(Invoice.number(for: account, in: period)) is held by \(Counted.count(holding, "rejected line")) "
                + "of \(account); do not send it until \(these) fixed.")
        } else if holding > 0 {
            lines.append("tally: \(account) has no invoice in \(period); \(Counted.count(holding, "rejected line")) "
                + "\(holding == 1 ? "holds" : "hold") its bill until \(these) fixed.")
        }
        let later = rejected - holding
        if later > 0 {
            lines.append("tally: \(Counted.count(later, "rejected line")) of \(account) \(later == 1 ? "is" : "are") dated after "
                + "\(period) and \(later == 1 ? "holds" : "hold") no invoice.")
        }
        if otherAccounts > 0 {
            lines.append("tally: \(Counted.count(otherAccounts, "line")) of other accounts \(otherAccounts == 1 ? "was" : "were") "
                + "rejected too (not shown; tally invoice lists them).")
        }
        lines.append(nextStep(rejectsFile: nil, period: period))
        return lines.joined(separator: "\n")
    }

    /// What to do next: get the rejected lines as JSON Lines, fix the log, run again.
    private static func nextStep(rejectsFile: String?, period: BillingPeriod) -> String {
        if let rejectsFile {
            return "tally: next: the rejected lines are in \(rejectsFile) (JSON Lines); fix them in the log itself "
                + "(appending a corrected line does not clear a hold), then run again."
        }
        return "tally: next: run tally invoice --month \(period) --rejects FILE on the same log to get them as JSON Lines; "
            + "fix them in the log itself (appending a corrected line does not clear a hold), then run again."
    }

    /// `, at FILE:LINE` for one line, `, the first at FILE:LINE` for more, when the first is kept.
    private static func first(_ rejections: [Rejection], of total: Int) -> String {
        guard let first = rejections.first else { return "" }
        return total == 1 ? ", at \(first.location)" : ", the first at \(first.location)"
    }
}
