import Testing
@testable import Tally

/// SPEC §2 converts every time to UTC; an offset that carries the instant out
/// of the years RFC 3339 can write (0000–9999) is refused, never printed as
/// `00-1-12-31T…` or `10000-01-01T…`.
@Suite("Timestamp: offsets never leave years 0000–9999")
struct TimestampOffsetRangeTests {
    @Test("an offset past either end of year 0000–9999 is refused", arguments: [
        "0000-01-01T00:00:00+23:59", "0000-01-01T00:00:00+00:01", "0000-01-01T23:58:59+23:59",
        "9999-12-31T23:59:59-00:01", "9999-12-31T00:01:00-23:59",
    ])
    func outOfRange(_ text: String) throws {
        #expect(Timestamp(rfc3339: text) == nil)
        let verdict = try Reading.verdict(EventLine.make("ssl.disabled", "time", EventLine.quoted(text)))
        #expect(verdict == .rejected(.invalidValue(.time, value: text, rule: ReadTimeFieldTests.rule)))
    }

    @Test("the first and last instants of the range are accepted, offsets included", arguments: [
        ("0000-01-01T00:00:00Z", "0000-01-01T00:00:00Z"),
        ("0000-01-01T23:59:00+23:59", "0000-01-01T00:00:00Z"),
        ("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"),
        ("9999-12-31T00:00:59-23:59", "9999-12-31T23:59:59Z"),
    ])
    func edges(_ text: String, _ utc: String) throws {
        let instant = try #require(Timestamp(rfc3339: text))
        #expect(instant.description == utc)
    }
}
