/// Locale-independent number text for reports: the same bytes whatever
/// `LANG` says (README, "Determinism" under "Bad input"), which
/// Foundation's formatters don't promise.
enum NumberText {
    /// Digits with a comma every three from the right: `1234567` → `1,234,567`.
    static func grouped(_ digits: String) -> String {
        let characters = Array(digits)
        var result = ""
        for (index, character) in characters.enumerated() {
            if index > 0, (characters.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }

    /// An integer with grouping: `28765` → `28,765`.
    static func grouped(_ value: some BinaryInteger) -> String {
        (value < 0 ? "-" : "") + grouped(String(value.magnitude))
    }

    /// MB-seconds as MB-hours (÷ 3600) with three decimals, rounded half-even
    /// for display only (amounts are computed from exact MB-seconds). A
    /// negative quantity (an adjustment, SPEC §7.3) is rounded by its
    /// magnitude and keeps its sign, even when it rounds to `-0.000`.
    static func mbHours(_ mbSeconds: Int64, grouping: Bool = true) -> String {
        let thousandths = RoundingMode.halfEven.divide(Int128(mbSeconds.magnitude) * 1000, by: 3600)
        let whole = String(thousandths / 1000)
        let fraction = pad(Int(thousandths % 1000), 3)
        return (mbSeconds < 0 ? "-" : "") + (grouping ? grouped(whole) : whole) + "." + fraction
    }
}
