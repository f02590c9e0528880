/// A price per MB-hour, exact: a decimal written in the rate card as a string
/// (SPEC §4), held as an integer count of 10^-scale units. Never a `Double`.
public struct UnitPrice: Sendable, Hashable, CustomStringConvertible {
    /// The price's digits without the decimal point, e.g. 1875 for `0.0001875`.
    public let units: Int64
    /// Digits after the decimal point, e.g. 7 for `0.0001875`.
    public let scale: Int

    /// The most digits after the decimal point a price may have.
    public static let maximumScale = 18

    /// Parses a price strictly: `0` or digits without leading zeros, then
    /// optionally `.` and 1–18 digits; at most 18 significant digits. No sign,
    /// no exponent, no spaces, nothing after (`"0.0001875abc"` is refused,
    /// unlike `Decimal(string:)`). A price is therefore never negative.
    ///
    /// - Returns: `nil` when `text` is not such a decimal.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        let isDigits = { (part: Substring) in !part.isEmpty && part.utf8.allSatisfy { (48...57).contains($0) } }
        guard isDigits(whole), whole == "0" || whole.first != "0",
              parts.count == 1 || isDigits(fraction), fraction.count <= Self.maximumScale,
              let units = Int64(whole + fraction), units < 1_000_000_000_000_000_000
        else { return nil }
        self.units = units
        self.scale = fraction.count
    }

    /// The price as written with trailing zeros after the point removed, e.g. `0.0001875`.
    public var description: String {
        var digits = String(units)
        if scale == 0 { return digits }
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        var text = String(digits.dropLast(scale)) + "." + String(digits.suffix(scale))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The amount for `mbSeconds` MB-seconds at this price per MB-hour:
    /// `mbSeconds × price / 3600`, computed exactly and rounded once to
    /// 10^-`exponent` with `rounding` (SPEC §3).
    ///
    /// - Returns: the amount in minor units, or `nil` if it does not fit in 64 bits.
    public func amount(forMBSeconds mbSeconds: Int64, minorUnitExponent exponent: Int, rounding: RoundingMode) -> Int64? {
        guard mbSeconds >= 0 else { return nil }
        var numerator = Int128(mbSeconds)
        var overflow: Bool
        (numerator, overflow) = numerator.multipliedReportingOverflow(by: Int128(units))
        guard !overflow else { return nil }
        var denominator = Int128(3600)
        if exponent >= scale {
            for _ in 0..<(exponent - scale) {
                (numerator, overflow) = numerator.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
            }
        } else {
            for _ in 0..<(scale - exponent) { denominator *= 10 }
        }
        return Int64(exactly: rounding.divide(numerator, by: denominator))
    }
}
