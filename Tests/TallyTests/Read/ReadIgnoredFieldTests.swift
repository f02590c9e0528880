import Testing
@testable import Tally

/// SPEC §2: fields not listed for a type are ignored, even when their value
/// would break the rule of a type that lists them, so producers can add
/// fields without breaking Tally.
@Suite("Read: fields a type does not list are ignored")
struct ReadIgnoredFieldTests {
    /// A type and fields it doesn't list, with values that would be invalid for a type that does.
    static let unlistedCases: [(type: String, members: KeyValuePairs<String, String?>)] = [
        ("ssl.disabled", ["app": "5"]),
        ("ssl.disabled", ["app": #""a b""#, "service": "[]", "service_type": "null", "flavor": #""Gold""#,
                          "instances": #""lots""#, "memory_mb": "7"]),
        ("ssl.certificate_updated", ["app": #""a/b""#, "instances": "0"]),
        ("application.destroyed", ["flavor": #""Gold""#, "service": "5", "domain": #""-bad-""#]),
        ("application.created", ["instances": "0", "memory_mb": "6.4e1", "domain": #""*.""#, "service": "{}"]),
        ("application.flavor_changed", ["service_type": "true"]),
        ("service.destroyed", ["instances": "1001", "memory_mb": "48", "domain": "null"]),
        ("domain.removed", ["service": "false", "flavor": "1"]),
        ("ssl.enabled", ["service": #""x y""#, "instances": "-0"]),
        ("domain.added", ["flavor": #""LIVE""#, "instances": "1e2"]),
    ]

    @Test("fields not listed for a type are ignored even when invalid", arguments: unlistedCases.indices)
    func unlistedFields(_ index: Int) throws {
        let (type, members) = Self.unlistedCases[index]
        let base = try #require(try Reading.verdict(EventLine.make(type)).record)
        let record = try #require(try Reading.verdict(EventLine.make(type, members)).record)
        #expect(record.withoutLength == base.withoutLength)
    }

    /// Members of any JSON type under names Tally doesn't read.
    static let extraMembers: [String] = [
        #""note":"hello""#,
        #""tags":[1,"two",null,true,false,{"k":[]},[[]],-0.5e-3]"#,
        #""meta":{"region":"eu-west","nested":{"deep":{"deeper":[{"x":null}]}}}"#,
        #""empty_object":{}"#,
        #""empty_array":[]"#,
        #""escaped":"tab\there \"quote\" back\\slash \/ \u00e9 \ud83d\ude00 \u0000""#,
        #""unicode":"café 日本 😀""#,
        #""float":1.5e300"#,
        #""big":123456789012345678901234567890"#,
        #""negative":-42"#,
        #""flag":true"#,
        #""nothing":null"#,
        #""":"empty key""#,
        #""App":"Not Read","ID":"x","Type":5"#,
        #""app ":"trailing space in the key""#,
        #""caf\u00e9":"escaped key""#,
        #""nested_duplicate":{"a":1,"a":2}"#,
        #""commas":"a,} b,] \",} [1,]""#,
    ]

    @Test("unknown fields of any JSON type are ignored", arguments: extraMembers)
    func unknownFields(_ member: String) throws {
        for type in ["application.created", "service.deployed", "ssl.disabled"] {
            let plain = EventLine.make(type)
            let line = String(plain.dropLast()) + "," + member + "}"
            let base = try #require(try Reading.verdict(plain).record)
            let record = try #require(try Reading.verdict(line).record, "\(line)")
            #expect(record.withoutLength == base.withoutLength)
            #expect(record.length == line.utf8.count)
        }
    }

    @Test("unknown fields may come first, between, or last, with any white space")
    func unknownFieldsAnywhere() throws {
        let line = #" { "x" : [ 1 , 2 ] , "id":"e1", "time" :"2026-10-01T00:00:00Z","y":{} ,"type":"ssl.disabled","#
            + "\t\"account\":\"acct_1\",\"domain\":\"www.example.org\"\t, \"z\" : null } "
        let record = try #require(try Reading.verdict(line).record)
        #expect(record.withoutLength == (try Reading.verdict(EventLine.make("ssl.disabled")).record?.withoutLength))
    }
}

extension ReadRecord {
    /// The record with its byte length zeroed, to compare lines that differ only in ignored text.
    var withoutLength: ReadRecord {
        var copy = self
        copy.length = 0
        return copy
    }
}
