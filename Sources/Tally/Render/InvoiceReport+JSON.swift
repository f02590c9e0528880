import Foundation

extension InvoiceReport {
    /// The JSON document of SPEC §6: period, currency, invoices with their
    /// lines, and the event accounting. Amounts and prices are decimal
    /// strings; `mb_seconds` is an exact integer. Keys are sorted, so the same
    /// run always gives the same bytes. Beyond SPEC §6: each invoice's
    /// `status` (and `rejected_lines` when held), and `held_without_invoice`
    /// listing accounts with rejected lines but no invoice, when there are any.
    public static func json(_ run: InvoiceRun) -> String {
        InvoiceRunJSONWriter.write(run)
    }

    /// The SPEC §6 document as a value for `JSONEncoder`: what
    /// ``InvoiceRunJSONWriter`` writes by hand, kept as the reference a test
    /// compares it with, and for other reports that embed its parts.
    static func document(_ run: InvoiceRun) -> RunDocument {
        RunDocument(
            period: run.period.description,
            currency: run.currency.code,
            invoices: run.invoices.map { invoice in
                InvoiceDocument(
                    number: invoice.number, account: invoice.account.text, status: invoice.status,
                    total: invoice.total.description, lines: invoice.lines.map(LineDocument.init),
                    rejectedLines: invoice.status == .held ? invoice.rejectedLineCount : nil)
            },
            events: run.events,
            heldWithoutInvoice: run.heldAccountsWithoutInvoice.isEmpty ? nil : run.heldAccountsWithoutInvoice.map {
                HeldAccountDocument(account: $0.account.text, rejectedLines: $0.rejectedLineCount)
            })
    }

    /// Encodes a report document as pretty, key-sorted JSON ending in a newline.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs of strings and integers cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

struct RunDocument: Encodable {
    var period: String
    var currency: String
    var invoices: [InvoiceDocument]
    var events: EventCounts
    var heldWithoutInvoice: [HeldAccountDocument]?

    enum CodingKeys: String, CodingKey {
        case period, currency, invoices, events
        case heldWithoutInvoice = "held_without_invoice"
    }
}

struct HeldAccountDocument: Encodable {
    var account: String
    var rejectedLines: Int

    enum CodingKeys: String, CodingKey {
        case account
        case rejectedLines = "rejected_lines"
    }
}

struct InvoiceDocument: Encodable {
    var number: String
    var account: String
    var status: InvoiceStatus
    var total: String
    var lines: [LineDocument]
    var rejectedLines: Int?

    enum CodingKeys: String, CodingKey {
        case number, account, status, total, lines
        case rejectedLines = "rejected_lines"
    }
}

struct LineDocument: Encodable {
    var kind: LineItem.Kind
    var application: String
    var service: String?
    var domain: String?
    var flavor: String
    var rateCard: String
    var mbSeconds: Int64
    var unitPrice: String
    var amount: String

    enum CodingKeys: String, CodingKey {
        case kind, application, service, domain, flavor
        case rateCard = "rate_card"
        case mbSeconds = "mb_seconds"
        case unitPrice = "unit_price"
        case amount
    }

    init(_ line: LineItem) {
        kind = line.kind
        application = line.application.text
        service = line.service?.text
        domain = line.domain?.text
        flavor = line.flavor.rawValue
        rateCard = line.rateCard.name
        mbSeconds = line.mbSeconds
        unitPrice = line.unitPrice.description
        amount = line.amount.description
    }
}
