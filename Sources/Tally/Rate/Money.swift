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

    /// The amount with exactly the currency's minor-unit digits and no
    /// grouping, e.g. `65.66`, `6566` (JPY), `1.250` (KWD). SPEC §6.
    public var description: String { formatted(grouping: false) }

    /// The amount with exactly the currency's minor-unit digits; with
    /// `grouping`, thousands separated by commas (`201,923,906.43`). The same
    /// whatever the process's locale.
    public func formatted(grouping: Bool) -> String {
        // Digits written right to left into a small buffer: this runs once for
        // every amount of every report (a third of rendering a large run's
        // JSON went to building these strings with String operations).
        let exponent = currency.minorUnitExponent
        var magnitude = minorUnits.magnitude
        return String(unsafeUninitializedCapacity: 40) { buffer in
            var end = buffer.count
            var written = 0
            func put(_ byte: UInt8) {
                end -= 1
                buffer[end] = byte
            }
            // The fraction: exactly `exponent` digits.
            for _ in 0..<exponent {
                put(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
            }
            if exponent > 0 { put(UInt8(ascii: ".")) }
            // The whole part: at least one digit, commas every three when grouping.
            repeat {
                if grouping, written > 0, written % 3 == 0 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
                written += 1
            } while magnitude > 0
            if minorUnits < 0 { put(UInt8(ascii: "-")) }
            let length = buffer.count - end
            for index in 0..<length { buffer[index] = buffer[end + index] }
            return length
        }
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
