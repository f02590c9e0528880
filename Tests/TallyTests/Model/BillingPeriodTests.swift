import Testing
@testable import Tally

@Suite("Billing period: one calendar month in UTC (SPEC §3)")
struct BillingPeriodTests {
    @Test("months of 28, 29, 30 and 31 days", arguments: [
        ("2026-02", 28, 672), ("2028-02", 29, 696), ("2026-04", 30, 720), ("2026-10", 31, 744), ("2100-02", 28, 672),
        ("2000-02", 29, 696),
    ])
    func length(month: String, days: Int, hours: Int64) throws {
        let period = try #require(BillingPeriod(month))
        #expect(period.days == days)
        #expect(period.hours == hours)
        #expect(period.seconds == hours * 3600)
    }

    @Test("start included, next month's start excluded")
    func bounds() throws {
        let period = try #require(BillingPeriod("2026-12"))
        #expect(period.start.description == "2026-12-01T00:00:00Z")
        #expect(period.end.description == "2027-01-01T00:00:00Z")
        #expect(period.contains(period.start))
        #expect(!period.contains(period.end))
        #expect(period.contains(period.end.adding(seconds: -1)))
        #expect(period.compactDescription == "202612")
        #expect(period.next?.description == "2027-01")
        #expect(period.previous?.description == "2026-11")
    }

    @Test("the first and last months RFC 3339 can write")
    func extremes() throws {
        let last = try #require(BillingPeriod("9999-12"))
        #expect(last.end.secondsSinceEpoch == 253_402_300_800)
        #expect(last.days == 31)
        #expect(last.next == nil)
        let first = try #require(BillingPeriod("0000-01"))
        #expect(first.start.description == "0000-01-01T00:00:00Z")
        #expect(first.previous == nil)
        #expect(first.next?.description == "0000-02")
        #expect(BillingPeriod("0000-02")?.days == 29)
    }

    @Test("the month of any instant, even outside the years RFC 3339 can write", arguments: [
        (Int64(253_402_300_800), 10_000, 1, Int64(253_402_300_800)),   // 10000-01-01T00:00:00Z
        (Int64(-62_167_219_201), -1, 12, Int64(-62_169_897_600)),      // one second before 0000-01-01
    ])
    func anyInstant(seconds: Int64, year: Int, month: Int, start: Int64) {
        let period = BillingPeriod(containing: Timestamp(secondsSinceEpoch: seconds))
        #expect(period.year == year)
        #expect(period.month == month)
        #expect(period.start.secondsSinceEpoch == start)
        #expect(period.end.secondsSinceEpoch == start + 31 * 86_400)
    }

    @Test("only YYYY-MM is a month", arguments: ["2026-13", "2026-00", "2026-1", "26-10", "2026/10", "2026-10-01", " 2026-10", "-001-01", ""])
    func refused(text: String) {
        #expect(BillingPeriod(text) == nil)
    }
}
