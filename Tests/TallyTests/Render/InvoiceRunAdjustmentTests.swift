import Foundation
import Testing
@testable import Tally

/// Adjustment lines of closed months in every rendering of an invoice run
/// (SPEC §7.3): text, JSON, CSV and HTML.
@Suite("adjustment lines and credits in the invoice reports (SPEC §7.3)")
struct InvoiceRunAdjustmentTests {
    static let run = AdjustedRuns.october2026

    @Test("the run as text, JSON, CSV and HTML, as recorded")
    func golden() throws {
        try Golden.check(Self.run.text(), named: "adjusted-2026-10.txt")
        try Golden.check(Self.run.json(), named: "adjusted-2026-10.json")
        try Golden.check(Self.run.csv(), named: "adjusted-2026-10.csv")
        try Golden.check(Self.run.html(), named: "adjusted-2026-10.html")
    }

    @Test("the model: own lines first, then adjustments by the month they correct; the credit")
    func model() throws {
        let blog = Self.run.invoices[0]
        #expect(blog.lines.map { $0.adjusts?.description } == [nil, nil, "2026-08", "2026-09", "2026-09"])
        #expect(blog.ownLines.count == 2 && blog.adjustmentLines.count == 3)
        #expect(blog.total.description == "27.32" && !blog.isCredit)
        #expect(blog.adjustmentsByMonth.map(\.month.description) == ["2026-08", "2026-09"])
        let labs = Self.run.invoices[1]
        #expect(labs.total.description == "-141.69" && labs.isCredit)
        #expect(labs.creditText() == "Credit: the account is owed 141.69 USD")
        #expect(Self.run.invoices[2].ownLines.isEmpty)
    }

    @Test("text: a heading per corrected month, negative figures, the credit, and an invoice of adjustments only")
    func text() throws {
        let text = Self.run.text()
        #expect(text.contains("""
              Adjustments for 2026-09 (late events; they correct INV-202609-acct_blog)
              blog
                www                  php       live    dotcloud-2012-06       -0.500    0.0001875    0.00
              SSL edges
                www.example.org      ssl edge  live    dotcloud-2012-06   -3,840.000    0.0001875   -0.72
                  for application blog
            """))
        #expect(text.contains("""
                db                   postgresql  enterprise  dotcloud-2012-06  -755,712.000    0.0001875  -141.70
                                                                                                          -------
                                                                                               Total USD  -141.69
              Credit: the account is owed 141.69 USD

            """))
        #expect(text.contains("""
              Application / service  Type    Flavor  Rate card            MB-hours  USD/MB-hour  Amount
              No usage in 2026-10: this invoice carries adjustments of closed months only.

              Adjustments for 2026-08 (late events; they correct INV-202608-acct_shop)
            """))
        // Lines that would show the credit of a positive total, or a minus sign of 0.00, never appear.
        #expect(text.components(separatedBy: "Credit:").count == 2)
        #expect(!text.contains("-0.00"))
    }

    @Test("text fits in 120 columns, in a UTF-8 and in the C locale")
    func width() throws {
        for text in [Self.run.text(), try MonthSummary(Self.run).text()] {
            let wide = text.split(separator: "\n").filter { $0.count > ReportText.width }
            #expect(wide == [])
            #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
        }
    }

    @Test("JSON: an adjustment is a line of its kind with the same fields plus adjusts; negative figures as such")
    func json() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(Self.run.json().utf8)) as? [String: Any])
        let invoices = try #require(document["invoices"] as? [[String: Any]])
        let blog = try #require(invoices.first)
        let lines = try #require(blog["lines"] as? [[String: Any]])
        let ownKeys = Dictionary(uniqueKeysWithValues: lines.prefix(2).map { ($0["kind"] as? String ?? "", Set($0.keys)) })
        #expect(ownKeys["service"] == ["amount", "application", "flavor", "kind", "line_id", "mb_hours", "mb_seconds", "rate_card",
                                       "service", "service_type", "unit_price"])
        #expect(ownKeys["ssl_edge"] == ["amount", "application", "domain", "flavor", "kind", "line_id", "mb_hours", "mb_seconds",
                                        "rate_card", "unit_price"])
        for line in lines.dropFirst(2) {
            let kind = try #require(line["kind"] as? String)
            #expect(Set(line.keys) == ownKeys[kind]!.union(["adjusts"]), "\(kind)")
        }
        #expect(lines.map { $0["adjusts"] as? String } == [nil, nil, "2026-08", "2026-09", "2026-09"])
        let edge = lines[4]
        #expect(edge["kind"] as? String == "ssl_edge" && edge["domain"] as? String == "www.example.org")
        #expect((edge["mb_seconds"] as? NSNumber)?.int64Value == -13_824_000)
        #expect(edge["mb_hours"] as? String == "-3840.000")
        #expect(edge["amount"] as? String == "-0.72")
        #expect(lines[3]["mb_hours"] as? String == "-0.500" && lines[3]["amount"] as? String == "0.00")
        #expect(blog["total"] as? String == "27.32")
        #expect(invoices[1]["total"] as? String == "-141.69")
        // Keys stay sorted and the bytes are JSONEncoder's.
        #expect(InvoiceRunJSONWriter.write(Self.run) == (try InvoiceRunJSONWriterTests.foundation(Self.run)))
        #expect(Self.run.json().contains("""
                    {
                      "adjusts" : "2026-08",
                      "amount" : "0.54",
            """))
    }

    @Test("line ids: an adjustment's differs from its own line's and from another month's")
    func lineIDs() {
        let blog = Self.run.invoices[0]
        let ids = blog.lines.map { $0.lineID(onInvoice: blog.number) }
        #expect(Set(ids).count == ids.count)
    }

    @Test("CSV: line_type adjustment, the month in adjusts, negative numbers not neutralised")
    func csv() throws {
        let records = try RFC4180.parse(Self.run.csv())
        #expect(records.first == InvoiceRun.csvColumns)
        #expect(InvoiceRun.csvColumns.last == "adjusts")
        let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(InvoiceRun.csvColumns, $0)) }
        #expect(rows.count == 9)
        #expect(rows.map { $0["line_type"]! } == ["service", "ssl_edge", "adjustment", "adjustment", "adjustment",
                                                  "service", "adjustment", "adjustment", "adjustment"])
        #expect(rows.map { $0["adjusts"]! } == ["", "", "2026-08", "2026-09", "2026-09", "", "2026-09", "2026-08", "2026-09"])
        let edge = rows[4]
        #expect(edge["domain"] == "www.example.org" && edge["service"] == "")
        #expect(edge["mb_seconds"] == "-13824000" && edge["usage_quantity"] == "-3840.000" && edge["amount"] == "-0.72")
        #expect(edge["billing_period_start"] == "2026-10-01T00:00:00Z" && edge["billing_period_end"] == "2026-11-01T00:00:00Z")
        #expect(edge["usage_start"] == "2026-09-01T00:00:00Z" && edge["usage_end"] == "2026-09-30T23:59:59Z")
        // Each invoice's amounts add up to its total.
        for invoice in Self.run.invoices {
            let cents = rows.filter { $0["invoice_number"] == invoice.number }
                .map { Int64($0["amount"]!.replacingOccurrences(of: ".", with: ""))! }
            #expect(cents.reduce(0, +) == invoice.total.minorUnits)
        }
    }

    @Test("CSV numbers: plain decimals are kept, minus sign included; anything else is neutralised", arguments: [
        ("-12.34", "-12.34"), ("0.0001875", "0.0001875"), ("-96000", "-96000"), ("", ""), ("-", "'-"), ("-1.", "'-1."),
        ("-.5", "'-.5"), ("-1-2", "'-1-2"), ("=1", "'=1"), ("1,5", "\"1,5\""),
    ])
    func number(_ value: String, _ expected: String) {
        #expect(CSVText.number(value) == expected)
    }

    @Test("HTML: well-formed, a group per corrected month, the credit marked, adjustments only")
    func html() throws {
        let html = Self.run.html()
        let outline = try InvoiceRunHTMLTests.parse(html)
        #expect(outline.text.contains("Adjustments for 2026-09 (late events; they correct INV-202609-acct_blog)"))
        #expect(outline.classes.filter { $0 == "tbody.adjustments" }.count == 5)
        #expect(outline.text.contains("Credit \u{2014} the account is owed 141.69 USD."))
        #expect(outline.text.contains("Credit \u{2014} the account is owed 141.69 USD; nothing is to be paid."))
        #expect(outline.classes.filter { $0 == "div.credit-banner" }.count == 1)
        #expect(outline.text.contains("No usage in 2026-10: this invoice carries adjustments of closed months only."))
        #expect(outline.text.contains("blog / www"))
        #expect(outline.text.contains("-3,840.0000.0001875-0.72"))
        #expect(outline.text.contains("Total (USD)-141.69"))
    }

    @Test("money and MB-hours below zero keep the currency's digits and their sign", arguments: [
        (-1234, "USD", "-12.34", "-12.34"), (-5, "USD", "-0.05", "-0.05"), (-1_234_567, "USD", "-12345.67", "-12,345.67"),
        (-1234, "JPY", "-1234", "-1,234"), (-1250, "KWD", "-1.250", "-1.250"), (0, "USD", "0.00", "0.00"),
    ])
    func negativeMoney(minorUnits: Int64, currency: String, plain: String, grouped: String) {
        let money = Money(minorUnits: minorUnits, currency: Currency(code: currency)!)
        #expect(money.description == plain)
        #expect(money.formatted(grouping: true) == grouped)
    }

    @Test("MB-hours of negative MB-seconds", arguments: [
        (Int64(-1_800), "-0.500", "-0.500"), (-1, "-0.000", "-0.000"), (-3_600_000_000, "-1000000.000", "-1,000,000.000"),
        (-13_824_000, "-3840.000", "-3,840.000"), (1_800, "0.500", "0.500"), (-5, "-0.001", "-0.001"), (-9, "-0.002", "-0.002"),
    ])
    func negativeMBHours(mbSeconds: Int64, plain: String, grouped: String) {
        #expect(NumberText.mbHours(mbSeconds, grouping: false) == plain)
        #expect(NumberText.mbHours(mbSeconds) == grouped)
    }
}
