/// One rate card: prices per MB-hour by flavor, in effect from an instant
/// until the next card's (SPEC §4).
public struct RateCard: Sendable, Hashable {
    /// The card's name, e.g. `dotcloud-2012-06`; shown on every line it prices.
    public let name: String
    /// When the card takes effect (included).
    public let effectiveFrom: Timestamp
    /// The currency of its prices; all cards share one (SPEC §4).
    public let currency: Currency
    /// How line amounts priced by this card are rounded.
    public let rounding: RoundingMode
    /// Price per MB-hour of each billed flavor (`live`, `enterprise`).
    public let pricePerMBHour: [Flavor: UnitPrice]
    /// MB billed for an SSL edge, its pair of edge servers (160 at dotCloud).
    public let sslEdgeMemoryMB: Int
    /// The file the card was read from, for messages.
    public let file: String

    /// Makes a card.
    ///
    /// - Parameters:
    ///   - pricePerMBHour: must hold `live` and `enterprise`; `sandbox` is free whatever it says.
    ///   - sslEdgeMemoryMB: MB, > 0.
    public init(name: String, effectiveFrom: Timestamp, currency: Currency, rounding: RoundingMode,
                pricePerMBHour: [Flavor: UnitPrice], sslEdgeMemoryMB: Int, file: String = "") {
        self.name = name
        self.effectiveFrom = effectiveFrom
        self.currency = currency
        self.rounding = rounding
        self.pricePerMBHour = pricePerMBHour
        self.sslEdgeMemoryMB = sslEdgeMemoryMB
        self.file = file
    }

    /// The price per MB-hour of `flavor`; zero for `sandbox` (SPEC §3).
    public func price(for flavor: Flavor) -> UnitPrice {
        flavor == .sandbox ? UnitPrice("0")! : pricePerMBHour[flavor] ?? UnitPrice("0")!
    }
}

/// A rate card that can't be used; the run stops (exit code 78). Names the file
/// and the field, and says what to do (SPEC §4; README, "Event log and rate
/// cards").
public struct RateCardError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The card's file, or the folder, when the problem is one file's.
    public let file: String?
    /// The field at fault, e.g. `price_per_mb_hour.live`.
    public let field: String?
    /// What is wrong and what to do.
    public let problem: String

    /// Makes an error.
    public init(file: String?, field: String?, problem: String) {
        self.file = file
        self.field = field
        self.problem = problem
    }

    /// The message, in words, for people and logs.
    public var description: String {
        var text = ""
        if let file { text += "\(file): " }
        if let field { text += "field \"\(field)\": " }
        return text + problem
    }
}
