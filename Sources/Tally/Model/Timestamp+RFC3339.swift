extension Timestamp {
    /// Parses an RFC 3339 date-time (SPEC §2), e.g. `2026-10-03T14:05:00Z` or
    /// `2026-10-03T16:05:00.250+02:00`.
    ///
    /// The offset is `Z` or `±HH:MM`; `T` and `Z` may be lower case (RFC 3339
    /// §5.6). The result is in UTC with any fraction of a second dropped. A leap
    /// second (`:60`), a day that does not exist, an instant whose UTC year is
    /// outside 0000–9999 once the offset is applied (e.g.
    /// `0000-01-01T00:00:00+23:59`, which RFC 3339 can't write in UTC), or
    /// anything else is refused.
    ///
    /// - Parameter text: the date-time text.
    /// - Returns: the instant, or `nil` when `text` is not an RFC 3339 date-time.
    public init?(rfc3339 text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Timestamp.parseRFC3339(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// Parses RFC 3339 bytes; see ``init(rfc3339:)``.
    static func parseRFC3339(_ bytes: UnsafeRawBufferPointer) -> Timestamp? {
        let count = bytes.count
        guard count >= 20 else { return nil }

        @inline(__always) func digits(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<start + length {
                let digit = Int(bytes[index]) &- 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        @inline(__always) func byte(_ index: Int, is character: Unicode.Scalar) -> Bool {
            bytes[index] == UInt8(ascii: character)
        }

        guard let year = digits(0, 4), byte(4, is: "-"),
              let month = digits(5, 2), byte(7, is: "-"),
              let day = digits(8, 2), byte(10, is: "T") || byte(10, is: "t"),
              let hour = digits(11, 2), byte(13, is: ":"),
              let minute = digits(14, 2), byte(16, is: ":"),
              let second = digits(17, 2)
        else { return nil }

        var index = 19
        if byte(index, is: ".") {
            index += 1
            let fractionStart = index
            while index < count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                index += 1
            }
            guard index > fractionStart, index < count else { return nil }
        }

        var offsetSeconds = 0
        if byte(index, is: "Z") || byte(index, is: "z") {
            index += 1
        } else if byte(index, is: "+") || byte(index, is: "-") {
            guard index + 6 == count,
                  let offsetHour = digits(index + 1, 2), byte(index + 3, is: ":"),
                  let offsetMinute = digits(index + 4, 2),
                  offsetHour <= 23, offsetMinute <= 59
            else { return nil }
            offsetSeconds = (offsetHour * 3600 + offsetMinute * 60) * (byte(index, is: "-") ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == count,
              let local = Timestamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        let utc = local.secondsSinceEpoch - Int64(offsetSeconds)
        guard Self.writableRange.contains(utc) else { return nil }
        return Timestamp(secondsSinceEpoch: utc)
    }

    /// The instants RFC 3339 can write in UTC, 0000-01-01T00:00:00Z to
    /// 9999-12-31T23:59:59Z, in seconds since the epoch.
    static let writableRange: ClosedRange<Int64> = -62_167_219_200...253_402_300_799
}
