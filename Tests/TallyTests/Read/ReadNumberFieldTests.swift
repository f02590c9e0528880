import Testing
@testable import Tally

/// SPEC §2: `instances` is an integer from 1 to 1000; `memory_mb` an integer
/// multiple of 32 from 32 to 65536; an integer is a JSON number written
/// without fraction or exponent. `service.scaled` needs one or both.
@Suite("Read: instances and memory_mb fields")
struct ReadNumberFieldTests {
    static let instancesRule = "an integer from 1 to 1000"
    static let memoryRule = "an integer multiple of 32 from 32 to 65536"

    static func bad(_ json: String, _ field: EventField, _ value: String) -> FieldCase {
        FieldCase(json, .invalidValue(field, value: value, rule: field == .instances ? instancesRule : memoryRule))
    }

    static func wrong(_ json: String, _ field: EventField, _ found: String) -> FieldCase {
        FieldCase(json, .wrongType(field, expected: "an integer", found: found))
    }

    static let instancesCases: [FieldCase] = [
        .ok("1"), .ok("1000"), .ok("2"),
        bad("0", .instances, "0"),
        bad("1001", .instances, "1001"),
        bad("-1", .instances, "-1"),
        bad("-0", .instances, "0"),
        bad("64.0", .instances, "64.0"),
        bad("6.4e1", .instances, "64.0"),
        bad("1E2", .instances, "100.0"),
        bad("2.5", .instances, "2.5"),
        bad("9007199254740993", .instances, "9007199254740993"),
        bad("9223372036854775807", .instances, "9223372036854775807"),
        bad("-9223372036854775808", .instances, "-9223372036854775808"),
        wrong(#""2""#, .instances, "a string"),
        wrong("true", .instances, "a boolean"),
        wrong("false", .instances, "a boolean"),
        wrong("null", .instances, "null"),
        wrong("[2]", .instances, "an array"),
        wrong(#"{"n":2}"#, .instances, "an object"),
        FieldCase(nil, .missingField(.instances)),
    ]

    static let memoryCases: [FieldCase] = [
        .ok("32"), .ok("65536"), .ok("96"), .ok("256"),
        bad("16", .memoryMB, "16"),
        bad("48", .memoryMB, "48"),
        bad("0", .memoryMB, "0"),
        bad("-32", .memoryMB, "-32"),
        bad("65568", .memoryMB, "65568"),
        bad("65537", .memoryMB, "65537"),
        bad("256.0", .memoryMB, "256.0"),
        bad("2.56e2", .memoryMB, "256.0"),
        wrong(#""256""#, .memoryMB, "a string"),
        wrong("true", .memoryMB, "a boolean"),
        wrong("null", .memoryMB, "null"),
        FieldCase(nil, .missingField(.memoryMB)),
    ]

    @Test("instances, in service.deployed and service.scaled",
          arguments: ["service.deployed", "service.scaled"], instancesCases)
    func instances(_ type: String, _ row: FieldCase) throws {
        try check(type, .instances, row)
    }

    @Test("memory_mb, in service.deployed and service.scaled",
          arguments: ["service.deployed", "service.scaled"], memoryCases)
    func memory(_ type: String, _ row: FieldCase) throws {
        try check(type, .memoryMB, row)
    }

    /// Reads a valid `type` line with `field` replaced as `row` says. A
    /// missing field is fine for `service.scaled` (the other one is given).
    private func check(_ type: String, _ field: EventField, _ row: FieldCase) throws {
        let verdict = try Reading.verdict(EventLine.make(type, field.rawValue, row.json))
        if let expected = row.expected, !(type == "service.scaled" && row.json == nil) {
            #expect(verdict == .rejected(expected))
            return
        }
        let record = try #require(verdict.record)
        let given = row.json.flatMap { Int($0) }
        let (instances, memoryMB) = type == "service.scaled" ? (3, 512) : (2, 256)
        #expect(record.instances == (field == .instances ? given : instances))
        #expect(record.memoryMB == (field == .memoryMB ? given : memoryMB))
    }

    @Test("1e400 is not a number JSON can hold: the whole line is invalid JSON")
    func hugeExponent() throws {
        let verdict = try Reading.verdict(EventLine.make("service.deployed", "instances", "1e400"))
        guard case .rejected(.invalidJSON) = verdict else {
            Issue.record("expected invalid JSON, got \(verdict)")
            return
        }
    }

    @Test("numbers JSON does not allow make the line invalid JSON", arguments: ["02", "+2", ".5", "2.", "0x10", "NaN", "Infinity", "1_000"])
    func notJSONNumbers(_ json: String) throws {
        let verdict = try Reading.verdict(EventLine.make("service.deployed", "instances", json))
        guard case .rejected(.invalidJSON) = verdict else {
            Issue.record("expected invalid JSON, got \(verdict)")
            return
        }
    }

    @Test("service.scaled with instances only, memory_mb only, or both")
    func scaledFieldsPresent() throws {
        let instancesOnly = try #require(try Reading.verdict(EventLine.make("service.scaled", "memory_mb", nil)).record)
        #expect(instancesOnly.instances == 3)
        #expect(instancesOnly.memoryMB == nil)
        let memoryOnly = try #require(try Reading.verdict(EventLine.make("service.scaled", "instances", nil)).record)
        #expect(memoryOnly.instances == nil)
        #expect(memoryOnly.memoryMB == 512)
        let both = try #require(try Reading.verdict(EventLine.make("service.scaled")).record)
        #expect(both.instances == 3)
        #expect(both.memoryMB == 512)
    }

    @Test("service.scaled with neither field, or with a present but invalid one")
    func scaledNothing() throws {
        #expect(try Reading.verdict(EventLine.make("service.scaled", ["instances": nil, "memory_mb": nil]))
            == .rejected(.nothingToScale))
        #expect(try Reading.verdict(EventLine.make("service.scaled", ["instances": "null", "memory_mb": nil]))
            == .rejected(.wrongType(.instances, expected: "an integer", found: "null")))
        #expect(try Reading.verdict(EventLine.make("service.scaled", ["instances": nil, "memory_mb": "0"]))
            == .rejected(.invalidValue(.memoryMB, value: "0", rule: Self.memoryRule)))
        #expect(try Reading.verdict(EventLine.make("service.scaled", ["instances": "2", "memory_mb": #""big""#]))
            == .rejected(.wrongType(.memoryMB, expected: "an integer", found: "a string")))
        // app and service are checked before the sizes.
        #expect(try Reading.verdict(EventLine.make("service.scaled", ["service": nil, "instances": nil, "memory_mb": nil]))
            == .rejected(.missingField(.service)))
    }
}
