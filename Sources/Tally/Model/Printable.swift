/// Makes untrusted text safe to print: no terminal control characters, no
/// unbounded length. Every value echoed from the input goes through here
/// (raw input bytes never reach the terminal: README, "Bad input, held
/// invoices and strict mode").
public enum Printable {
    /// The longest value echoed in a message, in characters, before it is cut.
    static let maximumEchoLength = 120

    /// `text` in double quotes with `"`, `\`, control characters and anything
    /// outside printable ASCII escaped (`\n`, `\u{1B}`), cut after
    /// ``maximumEchoLength`` characters with `…`.
    ///
    /// - Parameter text: any text, possibly hostile.
    /// - Returns: printable ASCII, safe for a terminal or a log.
    public static func quoted(_ text: String) -> String {
        "\"" + sanitized(text) + "\""
    }

    /// `text` with the escaping of ``quoted(_:)`` but without the quotes, for
    /// messages from other software (e.g. a JSON parser's explanation).
    static func sanitized(_ text: String) -> String {
        // The usual value (a name, a number) is short printable ASCII without
        // `"` or a backslash: it stays as it is. Building it again scalar by scalar
        // took a tenth of a month-end run printing 174,000 rejected lines
        // (README, "Performance").
        var text = text
        let unchanged = text.withUTF8 { utf8 in
            utf8.count <= maximumEchoLength && utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E && $0 != 0x22 && $0 != 0x5C }
        }
        if unchanged { return text }
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == maximumEchoLength {
                result += "\u{2026}"
                break
            }
            count += 1
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case " "..."~": result.unicodeScalars.append(scalar)
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// Bytes that may not be valid UTF-8, quoted like ``quoted(_:)``; invalid
    /// sequences show as U+FFFD.
    public static func quoted<Bytes: Collection<UInt8>>(bytes: Bytes) -> String {
        quoted(String(decoding: bytes, as: UTF8.self))
    }
}
