import Testing
@testable import Tally

@Suite("Timestamp: RFC 3339 in, UTC whole seconds out")
struct TimestampTests {
    @Test("accepted forms convert to UTC and drop the fraction", arguments: [
        ("2026-10-03T14:05:00Z", "2026-10-03T14:05:00Z"),
        ("2026-10-03T16:05:00.250+02:00", "2026-10-03T14:05:00Z"),
        ("2026-10-03t14:05:00z", "2026-10-03T14:05:00Z"),
        ("2026-10-03T14:05:59.999999999Z", "2026-10-03T14:05:59Z"),
        ("2026-10-31T20:30:00-05:30", "2026-11-01T02:00:00Z"),
        ("2026-11-01T00:59:59+01:00", "2026-10-31T23:59:59Z"),
        ("2026-10-03T14:05:00-00:00", "2026-10-03T14:05:00Z"),
        ("2028-02-29T00:00:00Z", "2028-02-29T00:00:00Z"),
        ("1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59Z"),
    ])
    func accepted(text: String, utc: String) throws {
        let instant = try #require(Timestamp(rfc3339: text))
        #expect(instant.description == utc)
    }

    @Test("refused forms", arguments: [
        "2026-10-03T14:05:60Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-10-32T00:00:00Z",
        "2026-10-03T24:00:00Z", "2026-10-03T14:05Z", "2026-10-03T14:05:00", "2026-10-03 14:05:00Z",
        "2026-10-03T14:05:00Z ", "2026-10-03T14:05:00+24:00", "2026-10-03T14:05:00+02", "2026-10-03T14:05:00.Z",
        "26-10-03T14:05:00Z", "2026-1-03T14:05:00Z", "", "now",
    ])
    func refused(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test("seconds since the epoch are exact")
    func epochSeconds() throws {
        #expect(Timestamp(rfc3339: "1970-01-01T00:00:00Z")?.secondsSinceEpoch == 0)
        #expect(Timestamp(rfc3339: "2026-10-01T00:00:00Z")?.secondsSinceEpoch == 1_790_812_800)
        #expect(Timestamp(rfc3339: "1969-12-31T23:59:59Z")?.secondsSinceEpoch == -1)
    }

    @Test("civil dates round-trip over four centuries of days")
    func civilRoundTrip() {
        var day = CivilCalendar.daysFromCivil(year: 1900, month: 1, day: 1)
        let last = CivilCalendar.daysFromCivil(year: 2300, month: 12, day: 31)
        while day <= last {
            let date = CivilCalendar.civilFromDays(day)
            #expect(CivilCalendar.daysFromCivil(year: date.year, month: date.month, day: date.day) == day)
            day += 1
        }
    }
}
