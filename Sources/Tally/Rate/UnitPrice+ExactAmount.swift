extension UnitPrice {
    /// The amount for `mbSeconds` at this price per MB-hour before rounding:
    /// `mbSeconds × price ÷ 3600` in whole currency units, written exactly —
    /// a terminating decimal with at least `minimumFractionDigits` digits after
    /// the point, or one whose repeating digits are in parentheses:
    /// `65.664`, `0.005`, `0.00000005208(3)` (= 0.0000000520833…). SPEC §3: the exact
    /// amount that is rounded once to the line's amount; `tally explain`
    /// shows it (README, "Why was I charged this?").
    ///
    /// - Parameters:
    ///   - mbSeconds: exact usage, ≥ 0.
    ///   - minimumFractionDigits: e.g. the currency's minor-unit exponent.
    ///   - grouping: commas every three digits of the whole part.
    public func exactAmountText(forMBSeconds mbSeconds: Int64, minimumFractionDigits: Int, grouping: Bool) -> String {
        var denominator = Int128(3600)
        for _ in 0..<scale { denominator *= 10 }
        // < 2^63 × 10^18 < 2^127: cannot overflow.
        let numerator = Int128(mbSeconds) * Int128(units)
        return NumberText.exactDecimal(numerator, over: denominator, minimumFractionDigits: minimumFractionDigits,
                                       grouping: grouping)
    }
}

extension NumberText {
    /// `numerator ÷ denominator` (both ≥ 0, denominator > 0) as an exact
    /// decimal: terminating, padded to `minimumFractionDigits`, or with the
    /// repeating part in parentheses (`1 ÷ 12` → `0.08(3)`).
    static func exactDecimal(_ numerator: Int128, over denominator: Int128, minimumFractionDigits: Int,
                             grouping: Bool) -> String {
        let whole = String(numerator / denominator)
        var remainder = numerator % denominator
        var digits: [Character] = []
        var positionOfRemainder: [Int128: Int] = [:]
        var repeatsFrom: Int?
        // The period of 1/d is shorter than d; 400 digits is far beyond any price's denominator here.
        while remainder != 0, digits.count < 400 {
            if let position = positionOfRemainder[remainder] {
                repeatsFrom = position
                break
            }
            positionOfRemainder[remainder] = digits.count
            remainder *= 10
            digits.append(Character(String(remainder / denominator)))
            remainder %= denominator
        }
        var fraction = String(digits)
        if let repeatsFrom {
            fraction = String(digits[..<repeatsFrom]) + "(" + String(digits[repeatsFrom...]) + ")"
        } else if digits.count < minimumFractionDigits {
            fraction += String(repeating: "0", count: minimumFractionDigits - digits.count)
        }
        return (grouping ? grouped(whole) : whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
