import Foundation

/// Pieces of text that several reports share: the period heading, the event
/// accounting line, lists of rejected lines, and the JSON encoder of report
/// documents. Locale-independent, like every report.
enum ReportText {
    /// The widest a line of a text report gets, in characters (README,
    /// "Reports for operators"): wider lines are wrapped at spaces or, for
    /// tables, stacked. Only a single word longer than this (a long domain)
    /// can exceed it, since nothing is ever cut.
    static let width = 120

    /// `prefix` and `text` as lines of at most `width` characters, each
    /// ending in `\n`: the first indented by `indent` spaces and starting with
    /// `prefix` (kept as it is, e.g. a padded label), the others indented by
    /// `indent + hangingIndent`; `text` is broken at spaces only. Text that
    /// fits is kept as it is.
    static func wrapped(_ text: String, indent: Int, prefix: String = "", hangingIndent: Int = 2,
                        width: Int = ReportText.width) -> String {
        let margin = String(repeating: " ", count: indent)
        guard indent + prefix.count + text.count > width else { return margin + prefix + text + "\n" }
        let continuation = String(repeating: " ", count: indent + hangingIndent)
        var output = ""
        var line = margin + prefix
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord, line.count + 1 + word.count > width {
                output += line + "\n"
                line = continuation
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        return output + line + "\n"
    }

    /// Every line of `text` wider than `width` wrapped at spaces, its
    /// continuation indented two spaces more than the line; the rest as it is.
    static func fitted(_ text: String, width: Int = ReportText.width) -> String {
        guard text.utf8.count > width else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let endsWithNewline = lines.last == ""
        if endsWithNewline { lines.removeLast() }
        var output = ""
        for line in lines {
            if line.count <= width {
                output += line + "\n"
            } else {
                let indent = line.prefix { $0 == " " }.count
                output += wrapped(String(line.dropFirst(indent)), indent: indent, width: width)
            }
        }
        return endsWithNewline ? output : String(output.dropLast())
    }

    /// `2026-10-01 to 2026-10-31, 744 hours, UTC`.
    static func periodText(_ period: BillingPeriod) -> String {
        let first = period.start.description.prefix(10)
        let last = Timestamp(secondsSinceEpoch: period.end.secondsSinceEpoch - 1).description.prefix(10)
        return "\(first) to \(last), \(period.hours) hours, UTC"
    }

    /// `Events: 13 lines read, 13 applied, 0 duplicates, 0 rejected`.
    static func eventsLine(_ events: EventCounts) -> String {
        "Events: \(NumberText.grouped(events.lines)) lines read, \(NumberText.grouped(events.applied)) applied, "
            + "\(NumberText.grouped(events.duplicates)) duplicates, \(NumberText.grouped(events.rejected)) rejected"
    }

    /// Rejected lines as `    FILE:LINE: ID: reason`, with a count of those not shown.
    static func rejectionList(_ rejections: [Rejection], total: Int) -> String {
        var output = rejections.map { "    \($0)\n" }.joined()
        if total > rejections.count {
            output += "    ... and \(NumberText.grouped(total - rejections.count)) more (see standard error or --rejects)\n"
        }
        return output
    }

    /// "1 rejected line", "3 rejected lines".
    static func rejectedLines(_ count: Int) -> String {
        "\(NumberText.grouped(count)) rejected line\(count == 1 ? "" : "s")"
    }

    /// Encodes a report document as pretty, key-sorted JSON ending in a newline.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs of strings and integers cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
