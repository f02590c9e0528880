import Foundation
@testable import Tally

/// The SPEC §6 document as a value for `JSONEncoder`: the reference that
/// ``InvoiceRunJSONWriter``'s hand-written bytes are compared with.
enum ReferenceRunDocument {
    static func document(_ run: InvoiceRun) -> RunDocument {
        RunDocument(
            period: run.period.description,
            currency: run.currency.code,
            invoices: run.invoices.map { invoice in
                InvoiceDocument(
                    number: invoice.number, account: invoice.account.text, status: invoice.status,
                    total: invoice.total.description, lines: invoice.lines.map { LineDocument($0, invoiceNumber: invoice.number) },
                    rejectedLines: invoice.status == .held ? invoice.rejectedLineCount : nil)
            },
            events: run.events,
            heldWithoutInvoice: run.heldAccountsWithoutInvoice.isEmpty ? nil : run.heldAccountsWithoutInvoice.map {
                HeldAccountDocument(account: $0.account.text, rejectedLines: $0.rejectedLineCount)
            })
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
