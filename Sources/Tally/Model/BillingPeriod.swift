/// One calendar month in UTC: from the first day at 00:00:00Z (included) to
/// the first day of the next month at 00:00:00Z (excluded). SPEC §3.
public struct BillingPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year: 0–9999 from a parsed `YYYY-MM`, any year from
    /// ``init(containing:)``.
    public let year: Int
    /// The month, 1–12.
    public let month: Int

    /// Makes the billing period of `month` in `year`.
    ///
    /// - Returns: `nil` unless year is 0–9999 (RFC 3339's years) and month 1–12.
    public init?(year: Int, month: Int) {
        guard (0...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`, e.g. `2026-10`.
    ///
    /// - Returns: `nil` unless the text is exactly four digits, `-`, two digits
    ///   naming a month of a year 0000–9999.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }),
              let year = Int(text.prefix(4)), let month = Int(text.suffix(2))
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The billing period that contains `instant`.
    public init(containing instant: Timestamp) {
        let civil = instant.civil
        self.year = civil.year
        self.month = civil.month
    }

    /// The first instant of the period (included).
    public var start: Timestamp {
        Timestamp(secondsSinceEpoch: Int64(CivilCalendar.daysFromCivil(year: year, month: month, day: 1)) * 86_400)
    }

    /// The first instant after the period (excluded): the next month's start
    /// (for 9999-12, the first second of year 10000).
    public var end: Timestamp { start.adding(seconds: Int64(days) * 86_400) }

    /// The period right after this one; `nil` after 9999-12.
    public var next: BillingPeriod? {
        guard year < 9999 || month < 12 else { return nil }
        return nextUnchecked
    }

    private var nextUnchecked: BillingPeriod {
        month == 12 ? BillingPeriod(unchecked: year + 1, month: 1) : BillingPeriod(unchecked: year, month: month + 1)
    }

    /// The period right before this one; `nil` before 0000-01.
    public var previous: BillingPeriod? {
        guard year > 0 || month > 1 else { return nil }
        return previousUnchecked
    }

    private var previousUnchecked: BillingPeriod {
        month == 1 ? BillingPeriod(unchecked: year - 1, month: 12) : BillingPeriod(unchecked: year, month: month - 1)
    }

    /// The period's length in seconds (2,419,200 to 2,678,400).
    public var seconds: Int64 { end.secondsSinceEpoch - start.secondsSinceEpoch }

    /// The period's length in whole hours (672 to 744).
    public var hours: Int64 { seconds / 3600 }

    /// The number of days in the period (28 to 31).
    public var days: Int { CivilCalendar.daysIn(month: month, year: year) }

    /// Whether `instant` falls in the period.
    public func contains(_ instant: Timestamp) -> Bool {
        start <= instant && instant < end
    }

    /// The period as one number, months since 0000-01: `year × 12 + month − 1`.
    var monthIndex: Int32 { Int32(year * 12 + month - 1) }

    /// The period of ``monthIndex`` `index`.
    init(monthIndex index: Int32) {
        self.init(unchecked: Int(index) / 12, month: Int(index) % 12 + 1)
    }

    /// `YYYY-MM`, e.g. `2026-10`.
    public var description: String { "\(pad(year, 4))-\(pad(month, 2))" }

    /// `YYYYMM`, as used in invoice numbers (SPEC §3), e.g. `202610`.
    public var compactDescription: String { "\(pad(year, 4))\(pad(month, 2))" }

    /// Orders periods chronologically.
    public static func < (lhs: BillingPeriod, rhs: BillingPeriod) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    private init(unchecked year: Int, month: Int) {
        self.year = year
        self.month = month
    }
}
