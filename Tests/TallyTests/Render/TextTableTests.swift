import Foundation
import Testing
@testable import Tally

@Suite("text that fits in 120 columns: tables stack, long lines wrap, nothing is cut")
struct TextTableTests {
    static func table() -> TextTable {
        var table = TextTable([.init(title: "Name", alignment: .left), .init(title: "Amount", alignment: .right)], indent: 2)
        table.add(["shop"])
        table.add(["  www", "65.66"])
        table.note("a note that is long enough to wrap", indent: 2)
        table.rule(fromColumn: 1)
        table.add(["Total USD", "65.66"])
        return table
    }

    @Test("a table that fits is a table; its notes wrap at spaces under themselves")
    func fits() {
        #expect(Self.table().rendered(maximumWidth: 40) == """
              Name       Amount
              shop
                www       65.66
                a note that is long enough to wrap
                         ------
              Total USD   65.66

            """)
        #expect(Self.table().rendered(maximumWidth: 30) == """
              Name       Amount
              shop
                www       65.66
                a note that is long enough
                  to wrap
                         ------
              Total USD   65.66

            """)
    }

    @Test("a table wider than the limit is stacked: each row's label, then its other cells with their titles")
    func stacked() {
        #expect(Self.table().rendered(maximumWidth: 18) == """
              shop
                www
                  Amount  65.66
                a note that is
                  long enough
                  to wrap
              Total USD
                Amount  65.66

            """)
    }

    @Test("wrapping breaks at spaces only: a word longer than the line stays whole", arguments: [
        ("short", 10, "  short\n"),
        ("one two three four", 10, "  one two\n    three\n    four\n"),
        ("a 0123456789012 b", 10, "  a\n    0123456789012\n    b\n"),
    ])
    func wrapped(text: String, width: Int, expected: String) {
        #expect(ReportText.wrapped(text, indent: 2, width: width) == expected)
    }

    @Test("a padded label keeps its padding when its value wraps")
    func wrappedWithPrefix() {
        #expect(ReportText.wrapped("one two three", indent: 2, prefix: "Label   ", hangingIndent: 8, width: 20)
            == "  Label   one two\n          three\n")
    }

    @Test("fitted wraps only the lines that are too wide, keeping their indentation")
    func fitted() {
        #expect(ReportText.fitted("ok\n    one two three four\nend", width: 14) == "ok\n    one two\n      three\n      four\nend")
        #expect(ReportText.fitted("short\n", width: 14) == "short\n")
    }

    @Test("an invoice with 64-character names and a long domain fits in 120 columns, every figure whole")
    func longNames() throws {
        let long = String(repeating: "a", count: 64)
        let domain = (1...4).map { _ in String(repeating: "d", count: 20) }.joined(separator: ".") + ".example"
        var log = LogBuilder(account: "acct_" + String(repeating: "x", count: 59))
        log.createApp(long, at: "2026-10-01T00:00:00Z")
        log.deploy(long, long, type: long, instances: 1000, memoryMB: 65536, at: "2026-10-01T00:00:00Z")
        log.addDomain(domain, app: long, service: long, at: "2026-10-01T00:00:00Z")
        log.enableSSL(domain, app: long, at: "2026-10-02T00:00:00Z")
        log.add("application.destroyed", at: "2026-10-03T00:00:00Z", ["app": long])
        let run = try Fixtures.run(log)
        let text = run.text()
        for line in text.split(separator: "\n") {
            #expect(line.count <= 120, "\(line.count): \(line)")
        }
        let invoice = try #require(run.invoices.first)
        for line in invoice.lines {
            #expect(text.contains(line.amount.formatted(grouping: true)))
            #expect(text.contains(line.mbHoursText))
        }
        #expect(text.contains("  Total USD\n    Amount       \(invoice.total.formatted(grouping: true))\n"))
        #expect(text.contains(domain))
    }
}
