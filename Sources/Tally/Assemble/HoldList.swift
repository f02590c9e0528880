/// The rejected lines that hold an account's invoice (README, "Held invoices"
/// under "Bad input"): any rejected event of the account dated before the end
/// of the billing period, or whose date can't be read. Lines whose account
/// can't be read hold no invoice. Keeps a count per account and the first
/// ``shownPerAccount`` lines (at most ``shownInAll`` in all), so a flood of bad
/// lines can't exhaust memory.
struct HoldList: Sendable {
    /// Rejected lines kept per account for listing under its invoice.
    static let shownPerAccount = 20
    /// Rejected lines kept in all; counts go on past it.
    static let shownInAll = 2_000

    /// The first second after the billing period.
    let periodEnd: Int64
    private(set) var byAccount: [AccountName: (count: Int, shown: [Rejection])] = [:]
    private var shownCount = 0

    init(periodEnd: Int64) {
        self.periodEnd = periodEnd
    }

    mutating func note(_ rejection: Rejection) {
        guard let account = rejection.account else { return }
        if let time = rejection.time, time.secondsSinceEpoch >= periodEnd { return }
        var entry = byAccount[account] ?? (0, [])
        entry.count += 1
        if entry.shown.count < Self.shownPerAccount, shownCount < Self.shownInAll {
            entry.shown.append(rejection)
            shownCount += 1
        }
        byAccount[account] = entry
    }
}
