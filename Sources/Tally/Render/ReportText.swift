import Foundation

/// Pieces of text that several reports share: the period heading, the event
/// accounting line, lists of rejected lines, and the JSON encoder of report
/// documents. Locale-independent, like every report.
enum ReportText {
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
