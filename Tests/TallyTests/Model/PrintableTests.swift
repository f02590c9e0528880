import Testing
@testable import Tally

/// Values echoed from the input in messages: printable ASCII, escaped and cut
/// (README, "Bad input, held invoices and strict mode").
@Suite("Printable: untrusted text made safe to print")
struct PrintableTests {
    static let hundredTwenty = String(repeating: "a", count: 120)

    @Test("plain text stays as it is; anything else is escaped; past 120 characters it is cut", arguments: [
        ("acct_1", "\"acct_1\""),
        ("", "\"\""),
        (hundredTwenty, "\"" + hundredTwenty + "\""),
        (hundredTwenty + "b", "\"" + hundredTwenty + "\u{2026}\""),
        ("say \"hi\"", #""say \"hi\"""#),
        (#"back\slash"#, #""back\\slash""#),
        ("tab\there\nnew", #""tab\there\nnew""#),
        ("\u{1B}[31m", #""\u{1B}[31m""#),
        ("café", #""caf\u{E9}""#),
        (String(repeating: "é", count: 121), "\"" + String(repeating: #"\u{E9}"#, count: 120) + "\u{2026}\""),
    ])
    func quoted(text: String, expected: String) {
        #expect(Printable.quoted(text) == expected)
    }
}
