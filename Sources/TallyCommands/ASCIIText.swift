/// Text for a terminal whose locale is not UTF-8 (README, "Command
/// reference"): the typographic characters Tally's messages and reports use
/// are replaced with ASCII (`–` with `-`, `…` with `...`, `→` with `->`, `×`
/// with `x`, `§` with `section `, …); anything else is kept as it is, so
/// names and paths are never altered.
enum ASCIIText {
    /// Each replaced character and its ASCII stand-in.
    static let replacements: [Character: String] = [
        "\u{2013}": "-", "\u{2014}": "--", "\u{2212}": "-", "\u{2026}": "...", "\u{2192}": "->", "\u{2190}": "<-",
        "\u{00D7}": "x", "\u{00F7}": "/", "\u{2265}": ">=", "\u{2264}": "<=", "\u{2260}": "!=", "\u{00A7}": "section ",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{2022}": "*", "\u{00A0}": " ",
    ]

    /// `text` with ``replacements`` made; ASCII text is returned as it is.
    static func fallback(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = replacements[character] {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result
    }
}
