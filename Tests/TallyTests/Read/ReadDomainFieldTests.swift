import Testing
@testable import Tally

/// SPEC §2: `domain` is a host name of dot-separated labels of `a–z 0–9 -`
/// (not starting or ending with `-`), at most 253 characters, optionally
/// starting with `*.`, compared in lower case.
@Suite("Read: domain field")
struct ReadDomainFieldTests {
    static let rule = NameRule.domain.summary
    static let label63 = String(repeating: "a", count: 63)
    static let label64 = String(repeating: "a", count: 64)
    /// 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253 characters.
    static let longest = [label63, label63, label63, String(repeating: "b", count: 61)].joined(separator: ".")
    /// 254 characters.
    static let tooLong = [label63, label63, label63, String(repeating: "b", count: 62)].joined(separator: ".")

    static let accepted: [(written: String, stored: String)] = [
        ("www.example.org", "www.example.org"),
        ("WWW.Example.ORG", "www.example.org"),
        ("*.example.org", "*.example.org"),
        ("*.EXAMPLE.Org", "*.example.org"),
        ("localhost", "localhost"),
        ("a", "a"),
        ("xn--caf-dma.example", "xn--caf-dma.example"),
        ("a-b.c-d.e", "a-b.c-d.e"),
        ("123.45.67.89", "123.45.67.89"),
        ("\(label63).org", "\(label63).org"),
        (longest, longest),
        (longest.uppercased(), longest),
    ]

    @Test("accepted host names, stored in lower case", arguments: accepted.indices)
    func acceptedDomain(_ index: Int) throws {
        let (written, stored) = Self.accepted[index]
        let record = try #require(try Reading.verdict(EventLine.make("domain.added", "domain", EventLine.quoted(written))).record)
        #expect(record.domain == stored)
        #expect(try DomainName(written).text == stored)
    }

    static let refused: [String] = [
        "a..b",
        "-a.org",
        "a-.org",
        "org.-a",
        "www.a-",
        tooLong,
        "\(label64).org",
        "org.\(label64)",
        "*.",
        "*",
        "foo.*.org",
        "*.*.example.org",
        "**.example.org",
        "*example.org",
        "",
        ".",
        ".example.org",
        "example.org.",
        "exa_mple.org",
        "exa mple.org",
        "café.org",
        "www.example.org/shop",
        "A..B",
    ]

    @Test("refused host names, the value shown as written", arguments: refused)
    func refusedDomain(_ written: String) throws {
        let verdict = try Reading.verdict(EventLine.make("domain.added", "domain", EventLine.quoted(written)))
        #expect(verdict == .rejected(.invalidValue(.domain, value: written, rule: Self.rule)))
    }

    @Test("every type that names a domain folds it to lower case",
          arguments: ["domain.added", "domain.removed", "ssl.enabled", "ssl.certificate_updated", "ssl.disabled"])
    func everyTypeFolds(_ type: String) throws {
        let record = try #require(try Reading.verdict(EventLine.make(type, "domain", #""Shop.EXAMPLE.org""#)).record)
        #expect(record.domain == "shop.example.org")
        #expect(try Reading.verdict(EventLine.make(type, "domain", nil)) == .rejected(.missingField(.domain)))
        #expect(try Reading.verdict(EventLine.make(type, "domain", "[]"))
            == .rejected(.wrongType(.domain, expected: "a string", found: "an array")))
    }

    @Test("a domain written with escapes or in upper case is the same domain as its lower-case form")
    func sameDomain() throws {
        let outcome = try Reading.read([
            EventLine.make("ssl.disabled", ["id": #""e1""#, "domain": #""WWW.example.org""#]),
            EventLine.make("ssl.disabled", ["id": #""e2""#, "domain": #""www.\u0065xample.org""#]),
            EventLine.make("ssl.disabled", ["id": #""e3""#, "domain": #""www.example.org""#]),
        ].map { $0 + "\n" }.joined())
        #expect(outcome.records.map(\.domain) == ["www.example.org", "www.example.org", "www.example.org"])
        #expect(outcome.counts == EventCounts(lines: 3))
    }
}
