import Foundation
import Testing
@testable import Tally

@Suite("the billing export: one CSV row per line item (README, \"Line items as CSV\")")
struct InvoiceRunCSVTests {
    static let sample = Fixtures.sampleLog

    @Test("the sample log's CSV, as recorded")
    func sampleGolden() throws {
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, [Self.sample])
        try Golden.check(run.csv(), named: "sample-2026-10.csv")
    }

    @Test("every record ends in CRLF and the header names the columns")
    func layout() throws {
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, [Self.sample])
        let csv = run.csv()
        #expect(csv.hasPrefix("invoice_number,account,billing_period_start,billing_period_end,line_id,line_type,application,"
            + "service,service_type,domain,flavor,rate_card,usage_start,usage_end,usage_quantity,usage_unit,mb_seconds,"
            + "unit_price,currency,amount,invoice_status,adjusts\r\n"))
        let withoutCRLF = csv.replacingOccurrences(of: "\r\n", with: "")
        #expect(!withoutCRLF.contains("\n") && !withoutCRLF.contains("\r"))
        #expect(csv.components(separatedBy: "\r\n").count == 1 + 8 + 1)
    }

    @Test("read back strictly, the CSV matches the JSON report field by field",
          arguments: ["sample", "held and odd names", "adjusted"] + (Fixtures.hasRealTrace ? ["real trace"] : []))
    func matchesJSON(_ name: String) throws {
        let run: InvoiceRun
        switch name {
        case "sample":
            run = try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, [Self.sample])
        case "real trace":
            run = try BillingPipeline(rateCards: Fixtures.defaultRates)
                .invoices(for: BillingPeriod("2026-10")!, [Fixtures.realTraceLog])
        case "adjusted":
            run = AdjustedRuns.october2026
        default:
            run = try Fixtures.run(Self.heldLogWithOddNames())
        }
        let records = try RFC4180.parse(run.csv())
        #expect(records.first == InvoiceRun.csvColumns)
        let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(InvoiceRun.csvColumns, $0)) }

        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.json().utf8)) as? [String: Any])
        let invoices = try #require(json["invoices"] as? [[String: Any]])
        var expected: [[String: String]] = []
        for invoice in invoices {
            for line in try #require(invoice["lines"] as? [[String: Any]]) {
                var row: [String: String] = [:]
                row["billing_period_start"] = "\(json["period"] as? String ?? "")-01T00:00:00Z"
                row["currency"] = json["currency"] as? String
                row["invoice_number"] = invoice["number"] as? String
                row["account"] = invoice["account"] as? String
                row["invoice_status"] = invoice["status"] as? String
                row["line_type"] = line["adjusts"] == nil ? line["kind"] as? String : "adjustment"
                row["adjusts"] = line["adjusts"] as? String ?? ""
                row["usage_quantity"] = line["mb_hours"] as? String
                row["usage_unit"] = "MB-hour"
                for key in ["line_id", "application", "service", "service_type", "domain", "flavor", "rate_card", "unit_price", "amount"] {
                    row[key] = line[key] as? String ?? ""
                }
                let mbSeconds = try #require(line["mb_seconds"] as? Int64)
                row["mb_seconds"] = String(mbSeconds)
                expected.append(row)
            }
        }
        // Usage dates and the period's end are not in the JSON: take them from the run, in the same order.
        let lines = run.invoices.flatMap(\.lines)
        #expect(rows.count == expected.count && lines.count == rows.count)
        for (index, (row, line)) in zip(rows, lines).enumerated() {
            var wanted = expected[index]
            wanted["billing_period_end"] = run.period.end.description
            wanted["usage_start"] = line.usageStart.description
            wanted["usage_end"] = line.usageEnd.description
            for column in InvoiceRun.csvColumns {
                let cell = try #require(row[column])
                let value = try #require(wanted[column], "no expected value for \(column)")
                if ["usage_quantity", "mb_seconds", "unit_price", "amount"].contains(column) {
                    // Numbers, negative ones included, are never neutralised.
                    #expect(cell == value, "row \(index + 1), \(column)")
                } else {
                    #expect(cell == CSVText.field(value).trimmingQuotes, "row \(index + 1), \(column)")
                    #expect(cell == value || cell == "'" + value, "row \(index + 1), \(column)")
                }
            }
        }
    }

    /// A held invoice (a rejected line of its account) whose names start with `-`.
    static func heldLogWithOddNames() -> LogBuilder {
        var log = LogBuilder(account: "-acct")
        log.createApp("-shop", at: "2026-10-01T00:00:00Z")
        log.deploy("-shop", "-www", type: "-python", instances: 1, memoryMB: 128, at: "2026-10-02T00:00:00Z")
        log.add("service.scaled", at: "2026-10-03T00:00:00Z", ["app": "-shop", "service": "none", "instances": 2])
        return log
    }

    @Test("cells a spreadsheet would run as a formula are neutralised, then quoted as needed", arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1", "'+1"),
        ("-shop", "'-shop"),
        ("@cmd", "'@cmd"),
        ("\tlead", "'\tlead"),
        ("\rlead", "\"'\rlead\""),
        ("\r\nlead", "\"'\r\nlead\""),
        ("=1,2", "\"'=1,2\""),
        ("-\"x\"", "\"'-\"\"x\"\"\""),
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("", ""),
        ("0.0001875", "0.0001875"),
        ("a=b", "a=b"),
    ])
    func neutralised(_ value: String, _ expected: String) throws {
        #expect(CSVText.field(value) == expected)
        // The strict reader gets back the neutralised text.
        let records = try RFC4180.parse(CSVText.record([value, "end"]))
        #expect(records == [[expected.trimmingQuotes, "end"]])
    }

    @Test("a held invoice's odd names come out neutralised and its status held")
    func heldRow() throws {
        let run = try Fixtures.run(Self.heldLogWithOddNames())
        let records = try RFC4180.parse(run.csv())
        #expect(records.count == 2)
        let line = try #require(run.invoices.first?.lines.first)
        #expect(records[1] == ["INV-202610--acct", "'-acct", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z",
                               line.lineID(onInvoice: "INV-202610--acct"), "service", "'-shop", "'-www", "'-python", "", "live",
                               "dotcloud-2012-06", "2026-10-02T00:00:00Z", "2026-10-31T23:59:59Z", "92160.000", "MB-hour",
                               "331776000", "0.0001875", "USD", "17.28", "held", ""])
    }
}

extension String {
    /// The field's text as a strict reader returns it: outer quotes removed, inner ones undoubled.
    var trimmingQuotes: String {
        guard hasPrefix("\""), hasSuffix("\""), count >= 2 else { return self }
        return String(dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
}
