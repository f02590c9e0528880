import Foundation

/// An amount of money, exact: an integer count of the currency's minor unit
/// (cents for USD, yen for JPY, fils for KWD). Never a `Double`.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in minor units, e.g. 6566 for USD 65.66.
    public let minorUnits: Int64
    /// The currency.
    public let currency: Currency

    /// Makes an amount of `minorUnits` in `currency`.
    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    /// The amount as an exact `Decimal`, e.g. 65.66, for callers that compute further.
    public var decimalValue: Decimal {
        Decimal(sign: minorUnits < 0 ? .minus : .plus, exponent: -currency.minorUnitExponent,
                significand: Decimal(minorUnits.magnitude))
    }

    /// The amount with exactly the currency's minor-unit digits and no
    /// grouping, e.g. `65.66`, `6566` (JPY), `1.250` (KWD). SPEC §6.
    public var description: String { formatted(grouping: false) }

    /// The amount with exactly the currency's minor-unit digits; with
    /// `grouping`, thousands separated by commas (`201,923,906.43`). The same
    /// whatever the process's locale.
    public func formatted(grouping: Bool) -> String {
        let exponent = currency.minorUnitExponent
        var digits = String(minorUnits.magnitude)
        if digits.count <= exponent { digits = String(repeating: "0", count: exponent - digits.count + 1) + digits }
        let whole = String(digits.dropLast(exponent))
        let fraction = String(digits.suffix(exponent))
        let sign = minorUnits < 0 ? "-" : ""
        let wholeText = grouping ? NumberText.grouped(whole) : whole
        return sign + wholeText + (exponent > 0 ? "." + fraction : "")
    }

    /// The sum, or `nil` on overflow or mixed currencies.
    func adding(_ other: Money) -> Money? {
        guard currency == other.currency else { return nil }
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        return overflow ? nil : Money(minorUnits: sum, currency: currency)
    }

    /// Orders amounts of one currency by value.
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }
}
