/// HTML for the reports that have it (``HTMLReport``): text escaped for
/// element content and attribute values alike, so that every value — names,
/// paths, the reasons of rejected lines, which echo the input — is shown as
/// text and never read as markup. The output is well-formed XML as well as
/// HTML5: only the five predefined entities, every element closed.
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, and any control
    /// character but tab and line feed (not allowed in XML) shown as U+FFFD.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `<tag class="…">escaped text</tag>`; `className` is a fixed name, not a value.
    static func element(_ tag: String, _ text: String, className: String? = nil) -> String {
        "<\(tag)\(className.map { " class=\"\($0)\"" } ?? "")>\(escaped(text))</\(tag)>"
    }
}
