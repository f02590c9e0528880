/// CSV as RFC 4180 writes it, made safe for spreadsheets (README, "Line items as CSV"): records
/// end in CRLF; a field holding a comma, a double quote, CR or LF is enclosed
/// in double quotes with its quotes doubled; a field a spreadsheet would run
/// as a formula — starting with `=`, `+`, `-`, `@`, tab or carriage return —
/// is neutralised first by a leading single quote (`'`), which spreadsheets
/// show as text (the OWASP "CSV injection" advice). Numbers written with
/// ``number(_:)`` are left as they are: a negative amount (an adjustment,
/// SPEC §7.3) starts with `-` but is a number, never a formula.
enum CSVText {
    /// The characters that make a spreadsheet treat a cell as a formula.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// One field, neutralised and quoted as needed.
    static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, formulaStarts.contains(first) || first == "\r\n" {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        var quoted = "\""
        for character in text {
            quoted += character == "\"" ? "\"\"" : String(character)
        }
        return quoted + "\""
    }

    /// A number's field: a plain decimal — an optional `-`, digits, and an
    /// optional `.` with digits (`-12.34`, `0.0001875`, `-96000`) — as it is;
    /// anything else as ``field(_:)`` writes it.
    static func number(_ value: String) -> String {
        var bytes = value.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let digits = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let isDecimal = !digits.isEmpty && digits.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
        return isDecimal ? value : field(value)
    }

    /// One record: the fields separated by commas, ending in CRLF.
    static func record(_ values: [String]) -> String {
        values.map(field).joined(separator: ",") + "\r\n"
    }

    /// One record of fields already written by ``field(_:)`` or ``number(_:)``.
    static func record(fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }
}
