import Foundation
import Testing
@testable import Tally

/// JSON round trips of the library's value types (README, "For the ticket service": JSON).
@Suite("names, instants, periods, prices, money, currencies and flavors as JSON")
struct CodableTests {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    /// Encodes `value`, checks the JSON, decodes it back and checks it is the same value.
    static func roundTrip<Value: Codable & Equatable>(_ value: Value, _ expected: String,
                                                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let json = try Self.json(value)
        #expect(json == expected, sourceLocation: sourceLocation)
        #expect(try Self.decode(Value.self, json) == value, sourceLocation: sourceLocation)
    }

    @Test("each scalar type encodes as one readable value and decodes back to itself")
    func scalars() throws {
        try Self.roundTrip(try AccountName("acct_blog"), #""acct_blog""#)
        try Self.roundTrip(try ApplicationName("-shop"), #""-shop""#)
        try Self.roundTrip(try ServiceName("www"), #""www""#)
        try Self.roundTrip(try ServiceType("python-worker"), #""python-worker""#)
        try Self.roundTrip(try DomainName("WWW.Example.org"), #""www.example.org""#)
        try Self.roundTrip(try EventID("ticket-4711"), #""ticket-4711""#)
        try Self.roundTrip(Timestamp(rfc3339: "2026-10-04T00:00:00Z")!, #""2026-10-04T00:00:00Z""#)
        try Self.roundTrip(BillingPeriod("2026-10")!, #""2026-10""#)
        try Self.roundTrip(UnitPrice("0.0001875")!, #""0.0001875""#)
        try Self.roundTrip(Currency(code: "KWD")!, #""KWD""#)
        try Self.roundTrip(Flavor.enterprise, #""enterprise""#)
        try Self.roundTrip(Money(minorUnits: 6566, currency: Currency(code: "USD")!), #"{"amount":"65.66","currency":"USD"}"#)
        try Self.roundTrip(Money(minorUnits: -5, currency: Currency(code: "USD")!), #"{"amount":"-0.05","currency":"USD"}"#)
        try Self.roundTrip(Money(minorUnits: 1250, currency: Currency(code: "KWD")!), #"{"amount":"1.250","currency":"KWD"}"#)
        try Self.roundTrip(Money(minorUnits: 6566, currency: Currency(code: "JPY")!), #"{"amount":"6566","currency":"JPY"}"#)
        try Self.roundTrip(SourceLocation(file: "events.jsonl", line: 4812), #"{"file":"events.jsonl","line":4812}"#)
        try Self.roundTrip(Fixtures.dotcloud, #"{"currency":"USD","effective_from":"2012-06-01T00:00:00Z","file":"dotcloud-2012-06.json","#
            + #""name":"dotcloud-2012-06","price_per_mb_hour":{"enterprise":"0.0001875","live":"0.0001875"},"rounding":"half-up","#
            + #""ssl_edge_memory_mb":160}"#)
    }

    @Test("an instant with an offset or a fraction decodes to UTC whole seconds, as in the log")
    func timestampForms() throws {
        #expect(try Self.decode(Timestamp.self, #""2026-10-12T16:45:00.250+02:00""#) == Timestamp(rfc3339: "2026-10-12T14:45:00Z")!)
    }

    @Test("decoding checks every value against its rule", arguments: [
        (#""a b""#, "AccountName"), (#""-bad-.example""#, "DomainName"), (#""2026-13""#, "BillingPeriod"),
        (#""yesterday""#, "Timestamp"), (#""0.0001875abc""#, "UnitPrice"), (#""1e-4""#, "UnitPrice"), (#""XXX""#, "Currency"),
        (#""gold""#, "Flavor"), (#"{"amount":"65.6","currency":"USD"}"#, "Money"), (#"{"amount":"65.660","currency":"USD"}"#, "Money"),
        (#"{"amount":"65","currency":"USD"}"#, "Money"), (#"{"amount":"6.5e1","currency":"USD"}"#, "Money"),
        (#"{"amount":"1.0","currency":"JPY"}"#, "Money"), (#"{"amount":65.66,"currency":"USD"}"#, "Money"),
        (#"{"amount":"99999999999999999999.00","currency":"USD"}"#, "Money"),
    ])
    func invalid(json: String, type: String) {
        #expect(throws: DecodingError.self, "\(type) \(json)") {
            switch type {
            case "AccountName": _ = try Self.decode(AccountName.self, json)
            case "DomainName": _ = try Self.decode(DomainName.self, json)
            case "BillingPeriod": _ = try Self.decode(BillingPeriod.self, json)
            case "Timestamp": _ = try Self.decode(Timestamp.self, json)
            case "UnitPrice": _ = try Self.decode(UnitPrice.self, json)
            case "Currency": _ = try Self.decode(Currency.self, json)
            case "Flavor": _ = try Self.decode(Flavor.self, json)
            default: _ = try Self.decode(Money.self, json)
            }
        }
    }

    @Test("a name's decoding error says which rule it breaks")
    func nameError() {
        do {
            _ = try Self.decode(AccountName.self, #""a b""#)
            Issue.record("decoded an invalid account")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains("must be 1–64 characters"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
