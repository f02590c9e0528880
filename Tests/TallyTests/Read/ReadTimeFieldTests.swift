import Testing
@testable import Tally

/// SPEC §2: `time` is an RFC 3339 date-time with `Z` or a numeric offset,
/// converted to UTC, then any fraction of a second dropped; no leap second.
@Suite("Read: time field")
struct ReadTimeFieldTests {
    static let rule = "an RFC 3339 date-time such as 2026-10-03T14:05:00Z"

    /// The instant every accepted form below stands for.
    static let instant = Timestamp(year: 2026, month: 10, day: 3, hour: 14, minute: 5)!

    static let accepted: [String] = [
        "2026-10-03T14:05:00Z",
        "2026-10-03T14:05:00z",
        "2026-10-03t14:05:00Z",
        "2026-10-03t14:05:00z",
        "2026-10-03T16:05:00+02:00",
        "2026-10-03T08:35:00-05:30",
        "2026-10-03T14:05:00-00:00",
        "2026-10-03T14:05:00+00:00",
        "2026-10-03T14:05:00.250Z",
        "2026-10-03T14:05:00.9Z",
        "2026-10-03T14:05:00.999999999999Z",
        "2026-10-03T16:05:00.250+02:00",
        "2026-10-03T08:35:00.5-05:30",
        "2026-10-04T14:04:00+23:59",
        "2026-10-02T14:06:00-23:59",
    ]

    @Test("accepted forms, all the same instant in UTC", arguments: accepted)
    func acceptedForm(_ text: String) throws {
        let record = try #require(try Reading.verdict(EventLine.make("ssl.disabled", "time", EventLine.quoted(text))).record)
        #expect(record.time == Self.instant)
        #expect(Timestamp(rfc3339: text) == Self.instant)
    }

    static let acrossBoundaries: [(text: String, utc: Timestamp)] = [
        ("2026-11-01T01:00:00+02:00", Timestamp(year: 2026, month: 10, day: 31, hour: 23)!),
        ("2026-09-30T23:59:59.999-00:30", Timestamp(year: 2026, month: 10, day: 1, hour: 0, minute: 29, second: 59)!),
        ("2024-02-29T12:00:00Z", Timestamp(year: 2024, month: 2, day: 29, hour: 12)!),
        ("2026-12-31T23:59:59.999999Z", Timestamp(year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59)!),
        ("2027-01-01T00:30:00+01:00", Timestamp(year: 2026, month: 12, day: 31, hour: 23, minute: 30)!),
        ("1970-01-01T00:00:00Z", Timestamp(secondsSinceEpoch: 0)),
    ]

    @Test("offsets move the instant across days, months and years; the fraction is dropped after conversion",
          arguments: acrossBoundaries.indices)
    func conversion(_ index: Int) throws {
        let (text, utc) = Self.acrossBoundaries[index]
        let record = try #require(try Reading.verdict(EventLine.make("ssl.disabled", "time", EventLine.quoted(text))).record)
        #expect(record.time == utc, "\(text)")
    }

    static let refused: [String] = [
        "2026-10-03T14:05:60Z",       // leap second
        "2016-12-31T23:59:60Z",       // a real leap second, still refused
        "2026-02-29T00:00:00Z",       // not a leap year
        "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z",
        "2026-10-00T00:00:00Z",
        "2026-10-03T24:00:00Z",
        "2026-10-03T14:60:00Z",
        "2026-10-03T14:05Z",          // no seconds
        "2026-10-03T14:05+02:00",
        "2026-10-03T14:05:00",        // no offset
        "2026-10-03 14:05:00Z",       // space instead of T
        "2026-10-03_14:05:00Z",
        "2026-10-03T14:05:00Zjunk",
        "2026-10-03T14:05:00Z ",
        " 2026-10-03T14:05:00Z",
        "2026-10-03T14:05:00+02:00junk",
        "2026-10-03T14:05:00+24:00",
        "2026-10-03T14:05:00+02:60",
        "2026-10-03T14:05:00+0200",
        "2026-10-03T14:05:00+02",
        "2026-10-03T14:05:00UTC",
        "2026-10-03T14:05:00.Z",      // a point without digits
        "2026-10-03T14:05:00.250",
        "2026-10-03T14:05:00,250Z",
        "2026-10-3T14:05:00Z",
        "26-10-03T14:05:00Z",
        "2026/10/03T14:05:00Z",
        "2026-10-03T14:05:0aZ",
        "",
        "yesterday",
    ]

    @Test("refused forms", arguments: refused)
    func refusedForm(_ text: String) throws {
        let verdict = try Reading.verdict(EventLine.make("ssl.disabled", "time", EventLine.quoted(text)))
        #expect(verdict == .rejected(.invalidValue(.time, value: text, rule: Self.rule)))
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test("a missing or non-string time is rejected")
    func missingOrWrongType() throws {
        #expect(try Reading.verdict(EventLine.make("ssl.disabled", "time", nil)) == .rejected(.missingField(.time)))
        #expect(try Reading.verdict(EventLine.make("ssl.disabled", "time", "1791036300"))
            == .rejected(.wrongType(.time, expected: "a string", found: "a number")))
        #expect(try Reading.verdict(EventLine.make("ssl.disabled", "time", "null"))
            == .rejected(.wrongType(.time, expected: "a string", found: "null")))
    }
}
