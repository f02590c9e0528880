/// Counts in words for messages: `1 line`, `2 lines`, `1,234 lines`, grouped
/// by commas whatever the locale.
enum Counted {
    /// `value` and `noun`, plural unless `value` is 1: `count(3, "line")` is `3 lines`.
    static func count(_ value: Int, _ noun: String) -> String {
        "\(grouped(Int64(value))) \(noun)\(value == 1 ? "" : "s")"
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int64) -> String {
        let digits = Array(String(value.magnitude))
        var text = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
