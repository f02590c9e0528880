/// How a line's exact amount is rounded to the currency's minor unit, named by
/// the rate card (SPEC §4).
public enum RoundingMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ties away from zero: 0.005 → 0.01.
    case halfUp = "half-up"
    /// Ties to the even neighbour (banker's rounding): 0.005 → 0.00, 0.015 → 0.02.
    case halfEven = "half-even"

    /// `numerator / denominator` rounded to an integer. Both must be ≥ 0 and
    /// the denominator > 0.
    func divide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        let quotient = numerator / denominator
        let twiceRemainder = 2 * (numerator % denominator)
        if twiceRemainder > denominator { return quotient + 1 }
        if twiceRemainder < denominator { return quotient }
        switch self {
        case .halfUp: return quotient + 1
        case .halfEven: return quotient % 2 == 0 ? quotient : quotient + 1
        }
    }
}
