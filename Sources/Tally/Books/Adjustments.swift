/// The adjustment lines of closed months (SPEC §7.3): for every closed month
/// and every line key, what is due now (from the whole log) minus what was
/// billed (the issued line plus every adjustment issued for that month
/// since), in MB-seconds and in money, never rounded again.
struct Adjustments {
    /// A line's key of SPEC §3 with its account, by name: the same line in
    /// an issued run and in a run now.
    struct Key: Hashable {
        var account: String
        var kind: LineItem.Kind
        /// The application and service of a service line; the domain of an SSL edge line.
        var subject: [String]
        var flavor: Flavor
        var rateCard: String

        init(account: AccountName, line: LineItem) {
            self.account = account.text
            kind = line.kind
            subject = line.kind == .service ? [line.application.text, line.service?.text ?? ""] : [line.domain?.text ?? ""]
            flavor = line.flavor
            rateCard = line.rateCard.name
        }
    }

    /// What is billed or due on one line: its MB-seconds and amount, and the
    /// line itself (for the fields an adjustment repeats).
    struct Figure {
        var mbSeconds: Int64
        var minorUnits: Int64
        var line: LineItem
        var account: AccountName
    }

    /// One adjustment line and the figures it is the difference of.
    struct Correction: Sendable {
        var account: AccountName
        /// The adjustment line: due − billed.
        var line: LineItem
        /// What SPEC §3 gives for the corrected month and line key now.
        var dueMBSeconds: Int64
        var due: Money
        /// What was billed for them: the issued line plus the adjustments issued since.
        var billedMBSeconds: Int64
        var billed: Money
    }

    /// The adjustment lines, by account, for `month` closed: `due` is what
    /// SPEC §3 gives for it now, `billed` what its invoices and later
    /// adjustments billed.
    ///
    /// - Throws: ``RunError/overflow(_:)`` when a difference does not fit in 64 bits.
    static func lines(for month: BillingPeriod, due: [(AccountName, LineItem)], billed: [(AccountName, LineItem)])
        throws(RunError) -> [Correction] {
        func total(_ lines: [(AccountName, LineItem)]) throws(RunError) -> [Key: Figure] {
            var figures: [Key: Figure] = [:]
            for (account, line) in lines {
                let key = Key(account: account, line: line)
                guard var figure = figures[key] else {
                    figures[key] = Figure(mbSeconds: line.mbSeconds, minorUnits: line.amount.minorUnits, line: line, account: account)
                    continue
                }
                let (seconds, secondsOverflow) = figure.mbSeconds.addingReportingOverflow(line.mbSeconds)
                let (units, unitsOverflow) = figure.minorUnits.addingReportingOverflow(line.amount.minorUnits)
                guard !secondsOverflow, !unitsOverflow else { throw .overflow("the billed figures of \(month) do not fit in 64 bits") }
                figure.mbSeconds = seconds
                figure.minorUnits = units
                figures[key] = figure
            }
            return figures
        }
        let dueFigures = try total(due)
        let billedFigures = try total(billed)
        var adjustments: [Correction] = []
        for key in Set(dueFigures.keys).union(billedFigures.keys) {
            let now = dueFigures[key]
            let before = billedFigures[key]
            let (seconds, secondsOverflow) = (now?.mbSeconds ?? 0).subtractingReportingOverflow(before?.mbSeconds ?? 0)
            let (units, unitsOverflow) = (now?.minorUnits ?? 0).subtractingReportingOverflow(before?.minorUnits ?? 0)
            guard !secondsOverflow, !unitsOverflow else { throw .overflow("an adjustment of \(month) does not fit in 64 bits") }
            guard seconds != 0 || units != 0, let figure = now ?? before else { continue }
            let currency = figure.line.amount.currency
            adjustments.append(Correction(
                account: figure.account,
                line: figure.line.adjustment(of: month, mbSeconds: seconds, amount: Money(minorUnits: units, currency: currency)),
                dueMBSeconds: now?.mbSeconds ?? 0, due: Money(minorUnits: now?.minorUnits ?? 0, currency: currency),
                billedMBSeconds: before?.mbSeconds ?? 0, billed: Money(minorUnits: before?.minorUnits ?? 0, currency: currency)))
        }
        return adjustments
    }
}
