/// A report: a value that renders itself, built once and printed in the
/// format the reader asks for (README, "Reports for operators"). Every report
/// has text for people and JSON for programs; a report that also has CSV or
/// HTML conforms to ``CSVReport`` or ``HTMLReport``. Rendering never fails and
/// never depends on the locale, the time zone or the clock: the same value
/// always gives the same bytes.
///
/// ```swift
/// let run = try BillingPipeline(rateCards: rates).invoices(for: BillingPeriod("2026-10")!, [.file("events.jsonl")])
/// print(try run.rendered(as: .csv))          // InvoiceRun.formats == [.text, .json, .csv, .html]
/// ```
public protocol Report: Sendable {
    /// The report as text for people: lines ending in `\n`, columns sized to
    /// their longest value, at most 120 columns wide wherever a name allows it.
    func text() -> String
    /// The report as one JSON document for programs: keys sorted, amounts as
    /// decimal strings, MB-seconds as exact integers, ending in `\n`.
    func json() -> String
    /// ``json()``'s UTF-8 bytes handed to `send` in order, in pieces (of
    /// about a megabyte for a month-end run, so that its document is never
    /// held whole; a small report may send it in one piece).
    func json(in send: ([UInt8]) -> Void)
}

/// A report with a CSV form: RFC 4180 records ending in CRLF after a header
/// row, cells a spreadsheet would run as a formula neutralised (see the
/// README, "Line items as CSV").
public protocol CSVReport: Report {
    /// The report as CSV: a header row naming the columns, then one record per row.
    func csv() -> String
}

/// A report with an HTML form: one self-contained document (inline CSS, no
/// scripts, no external resources), well-formed enough for an XML parser.
public protocol HTMLReport: Report {
    /// The report as one HTML document.
    func html() -> String
}

/// The formats a report can be rendered in: `--format` on the command line.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Text for people (``Report/text()``), the default.
    case text
    /// One JSON document (``Report/json()``).
    case json
    /// CSV for spreadsheets and finance tools (``CSVReport/csv()``).
    case csv
    /// A self-contained HTML document (``HTMLReport/html()``).
    case html

    /// The name as `--format` takes it, e.g. `csv`.
    public var description: String { rawValue }
}

extension Report {
    /// The formats this kind of report renders, in the order `--help` lists
    /// them, text (the default) first: text and JSON for every report, then CSV
    /// for a ``CSVReport`` and HTML for an ``HTMLReport``.
    public static var formats: [ReportFormat] {
        var formats: [ReportFormat] = [.text, .json]
        if Self.self is any CSVReport.Type { formats.append(.csv) }
        if Self.self is any HTMLReport.Type { formats.append(.html) }
        return formats
    }

    /// By default, the whole of ``json()`` in one piece.
    public func json(in send: ([UInt8]) -> Void) {
        send(Array(json().utf8))
    }

    /// The report in `format`.
    ///
    /// - Throws: ``UnsupportedReportFormat`` when the report has no such form
    ///   (see ``formats``).
    public func rendered(as format: ReportFormat) throws(UnsupportedReportFormat) -> String {
        switch format {
        case .text:
            return text()
        case .json:
            return json()
        case .csv:
            if let report = self as? any CSVReport { return report.csv() }
        case .html:
            if let report = self as? any HTMLReport { return report.html() }
        }
        throw UnsupportedReportFormat(format: format, supported: Self.formats)
    }
}

/// A report asked for in a format it does not have, e.g. CSV of an SSL quote.
public struct UnsupportedReportFormat: Error, Sendable, Hashable, CustomStringConvertible {
    /// The format asked for.
    public let format: ReportFormat
    /// The formats the report has, default first.
    public let supported: [ReportFormat]

    /// Makes an error.
    public init(format: ReportFormat, supported: [ReportFormat]) {
        self.format = format
        self.supported = supported
    }

    /// `no csv form; expected text or json`.
    public var description: String {
        "no \(format) form; expected \(Self.choices(supported))"
    }

    /// The formats in words: `text or json`, `text, json, csv or html`.
    public static func choices(_ formats: [ReportFormat]) -> String {
        let names = formats.map(\.rawValue)
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }
}
