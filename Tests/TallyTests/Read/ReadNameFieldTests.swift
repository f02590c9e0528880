import Testing
@testable import Tally

/// SPEC §2: `id`, `account`, `app`, `service`, `service_type`, `type` and
/// `flavor`, each accepted or rejected with its exact reason.
@Suite("Read: id, names, type and flavor fields")
struct ReadNameFieldTests {
    static let idRule = NameRule.eventID.summary
    static let identifierRule = NameRule.identifier.summary

    static let idCases: [FieldCase] = [
        FieldCase(nil, .missingField(.id)),
        FieldCase(#""""#, .invalidValue(.id, value: "", rule: idRule)),
        .ok(#""a""#),
        .ok(EventLine.quoted(String(repeating: "a", count: 128))),
        FieldCase(EventLine.quoted(String(repeating: "a", count: 129)),
                  .invalidValue(.id, value: String(repeating: "a", count: 129), rule: idRule)),
        .ok(#""!#$%&'()*+,-./:;<=>?@[]^_`{|}~""#),
        .ok(#""ev\"quoted\\back""#),
        FieldCase(#""e 1""#, .invalidValue(.id, value: "e 1", rule: idRule)),
        FieldCase(#""é1""#, .invalidValue(.id, value: "é1", rule: idRule)),
        FieldCase(#""caf\u00e9""#, .invalidValue(.id, value: "café", rule: idRule)),
        FieldCase(#""e\u0001""#, .invalidValue(.id, value: "e\u{01}", rule: idRule)),
        FieldCase(#""e\t1""#, .invalidValue(.id, value: "e\t1", rule: idRule)),
        FieldCase(#""e\u007f""#, .invalidValue(.id, value: "e\u{7F}", rule: idRule)),
        FieldCase("5", .wrongType(.id, expected: "a string", found: "a number")),
        FieldCase("null", .wrongType(.id, expected: "a string", found: "null")),
        FieldCase("true", .wrongType(.id, expected: "a string", found: "a boolean")),
        FieldCase(#"["e1"]"#, .wrongType(.id, expected: "a string", found: "an array")),
        FieldCase(#"{"id":"e1"}"#, .wrongType(.id, expected: "a string", found: "an object")),
    ]

    @Test("id: 1–128 printable ASCII characters, a string", arguments: idCases)
    func id(_ row: FieldCase) throws {
        let verdict = try Reading.verdict(EventLine.make("ssl.disabled", "id", row.json))
        if let expected = row.expected {
            #expect(verdict == .rejected(expected))
        } else {
            #expect(verdict.record?.type == .sslDisabled)
        }
    }

    /// Values for the identifier rule (account, app, service, service_type).
    static let identifierValues: [(json: String?, text: String?, accepted: Bool)] = [
        (#""a""#, "a", true),
        (EventLine.quoted(String(repeating: "x", count: 64)), String(repeating: "x", count: 64), true),
        (#""AZaz09._-""#, "AZaz09._-", true),
        (EventLine.quoted(String(repeating: "x", count: 65)), String(repeating: "x", count: 65), false),
        (#""a/b""#, "a/b", false),
        (#""a b""#, "a b", false),
        (#""""#, "", false),
        (#""shop!""#, "shop!", false),
        (#""café""#, "café", false),
        (#""a\nb""#, "a\nb", false),
    ]

    @Test("account, app, service, service_type: 1–64 characters from A–Z a–z 0–9 . _ -",
          arguments: [EventField.account, .app, .service, .serviceType], identifierValues.indices)
    func identifier(_ field: EventField, _ index: Int) throws {
        let value = Self.identifierValues[index]
        let verdict = try Reading.verdict(EventLine.make("service.deployed", field.rawValue, value.json))
        guard value.accepted else {
            #expect(verdict == .rejected(.invalidValue(field, value: value.text!, rule: Self.identifierRule)))
            return
        }
        let record = try #require(verdict.record)
        let read: String? = switch field {
        case .account: record.account
        case .app: record.app
        case .service: record.service
        default: record.serviceType
        }
        #expect(read == value.text)
    }

    @Test("a missing or non-string name field is rejected",
          arguments: [EventField.account, .app, .service, .serviceType])
    func identifierMissingOrWrongType(_ field: EventField) throws {
        #expect(try Reading.verdict(EventLine.make("service.deployed", field.rawValue, nil)) == .rejected(.missingField(field)))
        #expect(try Reading.verdict(EventLine.make("service.deployed", field.rawValue, "42"))
            == .rejected(.wrongType(field, expected: "a string", found: "a number")))
    }

    static let typeCases: [FieldCase] = [
        .ok(#""application.created""#),
        FieldCase(#""application.renamed""#, .unknownType("application.renamed")),
        FieldCase(#""Application.Created""#, .unknownType("Application.Created")),
        FieldCase(#""APPLICATION.CREATED""#, .unknownType("APPLICATION.CREATED")),
        FieldCase(#""application.created ""#, .unknownType("application.created ")),
        FieldCase(#""""#, .unknownType("")),
        FieldCase(nil, .missingField(.type)),
        FieldCase("7", .wrongType(.type, expected: "a string", found: "a number")),
    ]

    @Test("type: one of SPEC §2's types, matched exactly, case included", arguments: typeCases)
    func type(_ row: FieldCase) throws {
        let verdict = try Reading.verdict(EventLine.make("application.created", "type", row.json))
        if let expected = row.expected {
            #expect(verdict == .rejected(expected))
        } else {
            #expect(verdict.record?.type == .applicationCreated)
        }
    }

    @Test("every type is read with the fields it lists", arguments: EventType.allCases)
    func everyType(_ type: EventType) throws {
        let record = try #require(try Reading.verdict(EventLine.make(type.rawValue)).record)
        #expect(record.type == type)
        #expect(record.account == "acct_1")
        #expect(record.time == Timestamp(year: 2026, month: 10, day: 1))
        let fields = type.requiredFields
        #expect((record.app != nil) == fields.contains(.app))
        #expect((record.service != nil) == fields.contains(.service))
        #expect((record.serviceType != nil) == fields.contains(.serviceType))
        #expect((record.domain != nil) == fields.contains(.domain))
        #expect((record.flavor != nil) == fields.contains(.flavor))
    }

    static let flavorCases: [FieldCase] = [
        .ok(#""sandbox""#), .ok(#""live""#), .ok(#""enterprise""#),
        FieldCase(#""premium""#, .unknownFlavor("premium")),
        FieldCase(#""Live""#, .unknownFlavor("Live")),
        FieldCase(#""LIVE""#, .unknownFlavor("LIVE")),
        FieldCase(#""""#, .unknownFlavor("")),
        FieldCase(nil, .missingField(.flavor)),
        FieldCase("1", .wrongType(.flavor, expected: "a string", found: "a number")),
    ]

    @Test("flavor: sandbox, live or enterprise, case included",
          arguments: ["application.created", "application.flavor_changed"], flavorCases)
    func flavor(_ type: String, _ row: FieldCase) throws {
        let verdict = try Reading.verdict(EventLine.make(type, "flavor", row.json))
        if let expected = row.expected {
            #expect(verdict == .rejected(expected))
        } else {
            let json = try #require(row.json)
            #expect(verdict.record?.flavor == Flavor(rawValue: String(json.dropFirst().dropLast())))
        }
    }

    @Test("a rejected line still tells its id, account and time when they are readable")
    func partialFields() throws {
        let outcome = try Reading.read(EventLine.make("application.created", "flavor", #""gold""#) + "\n")
        let rejection = try #require(outcome.rejections.first)
        #expect(rejection.reason == .unknownFlavor("gold"))
        #expect(rejection.eventID == "e1")
        #expect(rejection.account == AccountName(unchecked: "acct_1"))
        #expect(rejection.time == Timestamp(year: 2026, month: 10, day: 1))
        #expect(rejection.description == #"test.jsonl:1: e1: unknown flavor "gold"; expected sandbox, live or enterprise"#)

        let unreadable = try Reading.read(EventLine.make("application.created", ["id": "7", "account": #""a b""#, "time": "0"]) + "\n")
        let bare = try #require(unreadable.rejections.first)
        #expect(bare.reason == .wrongType(.id, expected: "a string", found: "a number"))
        #expect(bare.eventID == nil)
        #expect(bare.account == nil)
        #expect(bare.time == nil)
        #expect(bare.description == #"test.jsonl:1: -: field "id" must be a string, got a number"#)
    }

    @Test("the first broken field is reported: id, time, type, account, then the type's fields in order")
    func firstBrokenField() throws {
        let allBad: KeyValuePairs<String, String?> = [
            "id": #""""#, "time": #""soon""#, "type": #""nope""#, "account": #""a b""#, "app": "1", "flavor": #""x""#,
        ]
        var line = EventLine.make("application.created", allBad)
        #expect(try Reading.verdict(line) == .rejected(.invalidValue(.id, value: "", rule: Self.idRule)))
        line = EventLine.make("application.created", ["time": #""soon""#, "type": #""nope""#, "account": #""a b""#])
        #expect(try Reading.verdict(line) == .rejected(.invalidValue(
            .time, value: "soon", rule: "an RFC 3339 date-time such as 2026-10-03T14:05:00Z")))
        line = EventLine.make("application.created", ["type": #""nope""#, "account": #""a b""#])
        #expect(try Reading.verdict(line) == .rejected(.unknownType("nope")))
        line = EventLine.make("application.created", ["account": #""a b""#, "app": "1", "flavor": #""x""#])
        #expect(try Reading.verdict(line) == .rejected(.invalidValue(.account, value: "a b", rule: Self.identifierRule)))
        line = EventLine.make("application.created", ["app": "1", "flavor": #""x""#])
        #expect(try Reading.verdict(line) == .rejected(.wrongType(.app, expected: "a string", found: "a number")))
    }
}
