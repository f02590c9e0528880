/// One invoice line as the JSON reports write it (SPEC §6, and the fields
/// the README's "Line items as CSV" adds: `line_id`, `service_type`,
/// `mb_hours`; for an adjustment line, `adjusts`, SPEC §7.3): the account
/// statement's cost lines and the explanation's lines, as `tally invoice
/// --format json` writes them.
struct LineDocument: Encodable {
    var kind: LineItem.Kind
    var lineID: String
    var application: String
    var service: String?
    var serviceType: String?
    var domain: String?
    var flavor: String
    var rateCard: String
    var mbSeconds: Int64
    var mbHours: String
    var unitPrice: String
    var amount: String
    /// The closed month an adjustment line corrects, `YYYY-MM`; absent otherwise.
    var adjusts: String?

    enum CodingKeys: String, CodingKey {
        case kind, application, service, domain, flavor, adjusts
        case lineID = "line_id"
        case serviceType = "service_type"
        case rateCard = "rate_card"
        case mbSeconds = "mb_seconds"
        case mbHours = "mb_hours"
        case unitPrice = "unit_price"
        case amount
    }

    /// The line `line` of the invoice numbered `invoiceNumber`.
    init(_ line: LineItem, invoiceNumber: String) {
        kind = line.kind
        lineID = line.lineID(onInvoice: invoiceNumber)
        application = line.application.text
        service = line.service?.text
        serviceType = line.serviceType?.text
        domain = line.domain?.text
        flavor = line.flavor.rawValue
        rateCard = line.rateCard.name
        mbSeconds = line.mbSeconds
        mbHours = NumberText.mbHours(line.mbSeconds, grouping: false)
        unitPrice = line.unitPrice.description
        amount = line.amount.description
        adjusts = line.adjusts?.description
    }
}
