/// CSV as RFC 4180 writes it, made safe for spreadsheets (README, "Line items as CSV"): records
/// end in CRLF; a field holding a comma, a double quote, CR or LF is enclosed
/// in double quotes with its quotes doubled; a field a spreadsheet would run
/// as a formula — starting with `=`, `+`, `-`, `@`, tab or carriage return —
/// is neutralised first by a leading single quote (`'`), which spreadsheets
/// show as text (the OWASP "CSV injection" advice).
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

    /// One record: the fields separated by commas, ending in CRLF.
    static func record(_ values: [String]) -> String {
        values.map(field).joined(separator: ",") + "\r\n"
    }
}
