/// Which lines of an invoice to explain (`tally explain`, README "Reports for operators").
public enum ChargeSelection: Sendable, Hashable, CustomStringConvertible {
    /// Every line of the invoice.
    case all
    /// The line at this position, from 1, as the invoice lists them (`--line N`).
    case line(Int)
    /// The line with this id (`--line li-…`), as the CSV and JSON exports
    /// give it (``LineItem/lineID(onInvoice:)``).
    case lineID(String)
    /// Every line of this service of this application (`--service APP/SERVICE`).
    case service(ApplicationName, ServiceName)
    /// Every line of the SSL edge of this domain (`--domain D`).
    case domain(DomainName)

    /// The selection in words, for messages: `line 2`, `service shop/www`, …
    public var description: String {
        switch self {
        case .all: "every line"
        case let .line(number): "line \(number)"
        case let .lineID(id): "line \(id)"
        case let .service(application, service): "service \(application)/\(service)"
        case let .domain(domain): "the SSL edge of \(domain)"
        }
    }

    /// Whether `line`, at position `number` (from 1) of the invoice numbered
    /// `invoiceNumber`, is selected.
    func selects(_ line: LineItem, number: Int, invoiceNumber: String) -> Bool {
        switch self {
        case .all: true
        case let .line(wanted): number == wanted
        case let .lineID(id): line.lineID(onInvoice: invoiceNumber) == id
        case let .service(application, service): line.kind == .service && line.application == application && line.service == service
        case let .domain(domain): line.kind == .sslEdge && line.domain == domain
        }
    }
}

/// Why a charge can't be explained (README, "Reports for operators"). The CLI maps ``run(_:)`` like
/// the month-end run (exit 66 or 78), ``books(_:)`` like `tally invoice --books`, and the others to a
/// usage error (64).
public enum ExplainError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The run itself failed: an input can't be read or the rate cards can't price it.
    case run(RunError)
    /// The account has no invoice in the period: no billable usage.
    case noInvoice(AccountName, BillingPeriod)
    /// The selection matches no line of the invoice.
    case noLine(ChargeSelection, invoiceNumber: String, lineCount: Int)
    /// With `--books`: the books can't be used, or the month can't be asked
    /// for with them (SPEC §7.4).
    case books(BooksRunError)

    /// What went wrong and what to do, for the operator.
    public var description: String {
        switch self {
        case let .run(error):
            "\(error)"
        case let .books(error):
            "\(error)"
        case let .noInvoice(account, period):
            "account \(account) has no invoice for \(period) (no billable usage); check --account and --month"
        case let .noLine(.line(number), invoiceNumber, lineCount):
            "\(invoiceNumber) has no line \(number); its lines are 1 to \(lineCount)"
        case let .noLine(.lineID(id), invoiceNumber, _):
            "\(invoiceNumber) has no line \(id); tally invoice --format csv lists the line ids of each invoice"
        case let .noLine(selection, invoiceNumber, _):
            "\(invoiceNumber) has no line for \(selection); run without --line, --service or --domain to explain every line"
        }
    }
}
