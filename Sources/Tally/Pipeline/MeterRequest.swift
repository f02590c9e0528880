/// What a run asks the meter for (stage 3): a window, every account or only
/// some, and whether to keep the detail behind each line.
struct MeterRequest: Sendable {
    /// First second metered (included) and first second not metered.
    var window: Range<Int64>
    /// The accounts metered; `nil` for every account.
    var accounts: [AccountName]?
    /// Keep intervals and daily usage (one-account reports).
    var keepsDetail = false

    /// Every account over `period`.
    init(period: BillingPeriod) {
        window = period.start.secondsSinceEpoch..<period.end.secondsSinceEpoch
    }

    /// The given window and accounts.
    init(window: Range<Int64>, accounts: [AccountName]?, keepsDetail: Bool = false) {
        self.window = window
        self.accounts = accounts
        self.keepsDetail = keepsDetail
    }

    /// The meter this asks for, over the names of `symbols` (the accounts
    /// asked for must have been interned there).
    func meter(rateCards: RateCardSet, symbols: SymbolTable) -> Meter {
        guard let accounts else { return Meter(window: window, rateCards: rateCards, keepsDetail: keepsDetail) }
        var set = FastSet<Symbol<AccountKind>>()
        for account in accounts {
            if let symbol: Symbol<AccountKind> = symbols.lookUp(account.text) { set.insert(symbol) }
        }
        return Meter(window: window, rateCards: rateCards, accounts: .only(set), keepsDetail: keepsDetail)
    }
}
