import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Tally

@Suite("the invoice a customer can read: tally invoice --format html (README, \"An invoice a customer can read\")")
struct InvoiceRunHTMLTests {
    static let october = MonthRun("2026-10")
    /// A flavor an attacker might write into the log; it is echoed in the rejection's reason.
    static let hostile = "<script>alert('&')</script>"

    /// The sample log, with one invoice held by two rejected lines (one echoing
    /// markup) and an account whose only event was rejected.
    static func heldRun() throws -> InvoiceRun {
        var log = LogBuilder(account: "acct_shop")
        log.createApp("shop", at: "2026-09-20T08:00:00Z")
        log.deploy("shop", "www", instances: 2, memoryMB: 256, at: "2026-09-20T08:05:00Z")
        log.add("service.scaled", at: "2026-10-09T00:00:00Z", ["app": "shop", "service": "db", "instances": 2])
        log.add("application.created", at: "2026-10-12T00:00:00Z", ["app": "x", "flavor": hostile])
        log.add("application.created", at: "2026-10-12T00:00:00Z", account: "acct_ghost", ["app": "x", "flavor": "gold"])
        return try Fixtures.run(log)
    }

    /// What a strict XML parse of the document found.
    final class Outline: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var attributes: [(element: String, name: String, value: String)] = []
        var text = ""
        var classes: [String] = []
        var errors: [String] = []

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            errors.append("\(parseError)")
        }

        func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {
            errors.append("\(validationError)")
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(elementName)
            for (name, value) in attributes { self.attributes.append((elementName, name, value)) }
            if let value = attributes["class"] { classes.append("\(elementName).\(value)") }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }
    }

    /// Parses `text` as XML. Strict: on Linux `parse()` can return true after
    /// an error (extra content after the root, an unclosed element), so any
    /// error reported to the delegate or left in `parserError` fails too.
    static func outline(_ text: String) -> (outline: Outline, wellFormed: Bool) {
        let parser = XMLParser(data: Data(text.utf8))
        let outline = Outline()
        parser.delegate = outline
        let parsed = parser.parse()
        return (outline, parsed && parser.parserError == nil && outline.errors.isEmpty)
    }

    /// Parses `html` as XML, failing on any error.
    static func parse(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Outline {
        let (outline, wellFormed) = outline(html)
        #expect(wellFormed, "not well-formed XML: \(outline.errors)", sourceLocation: sourceLocation)
        return outline
    }

    @Test("the strict parse catches what is not well-formed XML")
    func parserIsStrict() {
        for broken in ["<p>&nbsp;</p>", "<p><br></p>", "<p class=x></p>", "<p>a</p><p>b</p>", "<p>1 < 2</p>"] {
            #expect(!Self.outline(broken).wellFormed, "\(broken)")
        }
        #expect(Self.outline("<!DOCTYPE html>\n<html><p>&lt;&amp;&#39;<br/></p></html>").wellFormed)
    }

    @Test("the sample log's document, as recorded, and a held one")
    func golden() throws {
        try Golden.check(try Self.october.run([Fixtures.sampleLog]).html(), named: "sample-2026-10.html")
        try Golden.check(try Self.heldRun().html(), named: "held-2026-10.html")
    }

    @Test("well-formed, self-contained: no script, no external resource, no URL anywhere",
          arguments: ["sample", "held", "empty", "adjusted"] + (Fixtures.hasRealTrace ? ["real trace"] : []))
    func selfContained(name: String) throws {
        let run: InvoiceRun = switch name {
        case "sample": try Self.october.run([Fixtures.sampleLog])
        case "held": try Self.heldRun()
        case "real trace": try Self.october.run([Fixtures.realTraceLog])
        case "adjusted": AdjustedRuns.october2026
        default: try Self.october.run([.text("", name: "empty.jsonl")])
        }
        let html = run.html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        let outline = try Self.parse(html)
        #expect(outline.elements.first == "html")
        let forbidden: Set<String> = ["script", "link", "img", "iframe", "object", "embed", "base", "form", "svg", "video", "audio"]
        #expect(Set(outline.elements).isDisjoint(with: forbidden))
        #expect(outline.attributes.allSatisfy { !["src", "href", "action", "style"].contains($0.name) && !$0.name.hasPrefix("on") })
        for needle in ["http:", "https:", "//", "url(", "@import"] {
            #expect(!outline.text.contains(needle), "\(name): \(needle)")
            #expect(outline.attributes.allSatisfy { !$0.value.contains(needle) }, "\(name): \(needle)")
        }
        #expect(!html.lowercased().contains("<script"))
        #expect(outline.classes.filter { $0.hasPrefix("section.page invoice") }.count == run.invoices.count)
        #expect(outline.text.contains(ReportText.eventsLine(run.events).dropFirst("Events: ".count)))
    }

    @Test("each invoice: number, account, period, status, its lines grouped by application, SSL edges, total")
    func content() throws {
        let run = try Self.october.run([Fixtures.sampleLog])
        let outline = try Self.parse(run.html())
        for invoice in run.invoices {
            #expect(outline.text.contains("Invoice \(invoice.number)"))
            #expect(outline.text.contains("Account\(invoice.account)"))
            #expect(outline.text.contains("Total (USD)\(invoice.total.formatted(grouping: true))"))
            for line in invoice.lines {
                #expect(outline.text.contains(line.lineID(onInvoice: invoice.number)))
                #expect(outline.text.contains(line.mbHoursText + line.unitPrice.description + line.amount.formatted(grouping: true)))
            }
        }
        #expect(outline.text.contains("Billing period2026-10 (2026-10-01 to 2026-10-31, 744 hours, UTC)"))
        #expect(outline.text.contains("Application api") && outline.text.contains("Application staging"))
        #expect(outline.text.contains("SSL edges (custom-domain HTTPS, billed as 160 MB)"))
        #expect(outline.text.contains("Application blog no longer exists (destroyed 2026-10-15T00:00:00Z); the edge is billed until SSL is disabled."))
        #expect(outline.text.contains("2026-10-25 09:00:00to 2026-10-25 09:49:59"))
        #expect(!outline.text.contains("DO NOT SEND"))
    }

    @Test("a held invoice says do not send, lists its rejected lines, and every value is escaped")
    func held() throws {
        let run = try Self.heldRun()
        let html = run.html()
        let outline = try Self.parse(html)
        #expect(outline.classes.contains("section.page invoice held"))
        #expect(outline.classes.contains("p.badge held"))
        #expect(outline.text.contains("Held \u{2013} do not send"))
        #expect(outline.text.contains("HELD: DO NOT SEND THIS INVOICE."))
        #expect(outline.text.contains("Rejected lines holding this invoice"))
        // The markup in the rejected line is text: escaped in the document, read back as written.
        #expect(outline.text.contains("unknown flavor \"\(Self.hostile)\""))
        #expect(html.contains("unknown flavor &quot;&lt;script&gt;alert(&#39;&amp;&#39;)&lt;/script&gt;&quot;"))
        #expect(!outline.elements.contains("script"))
        #expect(outline.text.contains("Accounts with rejected events and no invoice"))
        #expect(outline.text.contains("acct_ghost: 1 rejected line"))
    }

    @Test("escaping covers every character markup gives a meaning to, and control characters", arguments: [
        ("a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&#39;"), ("plain", "plain"), ("tab\there", "tab\there"), ("bell\u{7}", "bell\u{FFFD}"),
        ("é → ×", "é → ×"),
    ])
    func escaped(text: String, expected: String) {
        #expect(HTMLText.escaped(text) == expected)
    }

    @Test("tally invoice --format html prints the document; the other reports have no HTML form")
    func command() {
        let result = InProcess.run(["invoice", "--month", "2026-10", "--format", "html", InProcess.sample])
        #expect(result.status == .success && result.standardError == "")
        #expect(result.standardOutput.hasPrefix("<!DOCTYPE html>"))
        let summary = InProcess.run(["summary", "--month", "2026-10", "--format", "html", InProcess.sample])
        #expect(summary.status == .usage && summary.standardError.hasPrefix("tally: --format \"html\": expected text, json or csv\n"))
    }
}
