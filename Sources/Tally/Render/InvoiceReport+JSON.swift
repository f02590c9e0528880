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

    /// Encodes a report document as pretty, key-sorted JSON ending in a newline.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs of strings and integers cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
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
