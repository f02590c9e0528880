/// One invoice line as the JSON reports write it (SPEC §6): the account
/// report's cost lines and the explanation's lines.
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
