/// One account at an instant, as `tally account` shows it (README, "For the
/// ticket service"), like dotCloud's `dotcloud info`: its applications,
/// services and memory, its SSL edges, and its cost to date and expected
/// month-end cost. Render with ``text()`` or ``json()``.
///
/// ```swift
/// let statement = AccountStatement(view: ledger.account(account), cost: try ledger.cost(of: account))
/// print(statement.text())
/// ```
public struct AccountStatement: Report, Hashable {
    /// The account's applications, services, domains and SSL edges at the instant.
    public let view: AccountView
    /// Its cost to date and expected month-end cost at the same instant.
    public let cost: AccountCost

    /// Makes the statement of `view` and `cost`, which must be of the same
    /// account at the same instant (as ``Ledger/account(_:)`` and
    /// ``Ledger/cost(of:)`` give them).
    public init(view: AccountView, cost: AccountCost) {
        self.view = view
        self.cost = cost
    }
}
