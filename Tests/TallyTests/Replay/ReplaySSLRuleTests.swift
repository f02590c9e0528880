import Testing
@testable import Tally

/// SPEC §2.2, SSL edges: `ssl.enabled`, `ssl.certificate_updated` and
/// `ssl.disabled`, each applied and rejected. An edge survives its
/// application and its domain; only `ssl.disabled` ends it (SPEC §1).
@Suite("Replay: SSL rules")
struct ReplaySSLRuleTests {
    static let shop: ApplicationName = named("shop")
    static let domain = "www.example.org"
    static let domainName: DomainName = named(domain)
    static let attached: [Step] = [.created("shop"), .deployed("shop", "www"), .domainAdded("shop", "www", domain)]
    static let enabled: [Step] = attached + [.sslEnabled("shop", domain)]
    /// acct_2 enables SSL on the domain, then removes the domain; its edge goes on.
    static let otherAccountsEdge: [Step] = [
        .created("blog", account: "acct_2"), .deployed("blog", "web", account: "acct_2"),
        .domainAdded("blog", "web", domain, account: "acct_2"), .sslEnabled("blog", domain, account: "acct_2"),
        .domainRemoved("blog", domain, account: "acct_2"),
    ]

    static let enabledCases: [RuleCase] = [
        RuleCase("on an attached domain of a live application", attached, .sslEnabled("shop", domain), nil),
        RuleCase("on an enterprise application",
                 [.created("shop", "enterprise"), .deployed("shop", "www"), .domainAdded("shop", "www", domain)],
                 .sslEnabled("shop", domain), nil),
        RuleCase("the domain written in upper case", attached, .sslEnabled("shop", "WWW.example.org"), nil),
        RuleCase("again after it was disabled", enabled + [.sslDisabled(domain)], .sslEnabled("shop", domain), nil),
        RuleCase("after another account disabled its edge",
                 otherAccountsEdge + [.sslDisabled(domain, account: "acct_2")] + attached, .sslEnabled("shop", domain), nil),
        RuleCase("the application does not exist", [], .sslEnabled("shop", domain), .applicationNotFound(shop)),
        RuleCase("the domain is not attached", [.created("shop"), .deployed("shop", "www")], .sslEnabled("shop", domain),
                 .domainNotAttached(domainName, shop)),
        RuleCase("the domain was removed", attached + [.domainRemoved("shop", domain)], .sslEnabled("shop", domain),
                 .domainNotAttached(domainName, shop)),
        RuleCase("the domain is attached to another application of the account", attached + [.created("blog")],
                 .sslEnabled("blog", domain), .domainNotAttached(domainName, named("blog"))),
        RuleCase("the domain is attached in another account", attached + [.created("blog", account: "acct_2")],
                 .sslEnabled("blog", domain, account: "acct_2"), .domainNotAttached(domainName, named("blog"))),
        RuleCase("an edge is already active", enabled, .sslEnabled("shop", domain), .sslEdgeAlreadyActive(domainName)),
        RuleCase("the edge of another account, on a domain it removed, is still active", otherAccountsEdge + attached,
                 .sslEnabled("shop", domain), .sslEdgeAlreadyActive(domainName)),
        RuleCase("the edge outlived its application",
                 enabled + [.destroyed("shop"), .created("shop"), .deployed("shop", "www"), .domainAdded("shop", "www", domain)],
                 .sslEnabled("shop", domain), .sslEdgeAlreadyActive(domainName)),
        RuleCase("the edge outlived its domain's removal",
                 enabled + [.domainRemoved("shop", domain), .domainAdded("shop", "www", domain)],
                 .sslEnabled("shop", domain), .sslEdgeAlreadyActive(domainName)),
    ]

    @Test("ssl.enabled: the domain is attached to that application; no active edge in any account", arguments: enabledCases)
    func sslEnabled(_ row: RuleCase) throws {
        try row.check()
    }

    /// Cases for both `ssl.certificate_updated` and `ssl.disabled`: the domain has an active edge owned by the account.
    static func ownedEdgeCases(_ event: @escaping @Sendable (String, String) -> Step) -> [RuleCase] {
        [
            RuleCase("an active edge", enabled, event(domain, "acct_1"), nil),
            RuleCase("the domain written in upper case", enabled, event("WWW.EXAMPLE.ORG", "acct_1"), nil),
            RuleCase("after its application was destroyed", enabled + [.destroyed("shop")], event(domain, "acct_1"), nil),
            RuleCase("after its domain was removed", enabled + [.domainRemoved("shop", domain)], event(domain, "acct_1"), nil),
            RuleCase("after the domain moved to another account",
                     otherAccountsEdge + attached, event(domain, "acct_2"), nil),
            RuleCase("after a flavor change", enabled + [.flavorChanged("shop", "enterprise")], event(domain, "acct_1"), nil),
            RuleCase("no edge was ever enabled", attached, event(domain, "acct_1"), .noActiveSSLEdge(domainName)),
            RuleCase("no such domain", [], event(domain, "acct_1"), .noActiveSSLEdge(domainName)),
            RuleCase("the edge was disabled", enabled + [.sslDisabled(domain)], event(domain, "acct_1"), .noActiveSSLEdge(domainName)),
            RuleCase("the edge belongs to another account", otherAccountsEdge, event(domain, "acct_1"), .noActiveSSLEdge(domainName)),
            RuleCase("the edge belongs to another account that now has the domain",
                     otherAccountsEdge + attached, event(domain, "acct_1"), .noActiveSSLEdge(domainName)),
            RuleCase("another domain has the edge", enabled, event("example.org", "acct_1"), .noActiveSSLEdge(named("example.org"))),
        ]
    }

    @Test("ssl.certificate_updated: the domain has an active edge owned by the account",
          arguments: ownedEdgeCases { Step.certificateUpdated($0, account: $1) })
    func sslCertificateUpdated(_ row: RuleCase) throws {
        try row.check()
    }

    @Test("ssl.disabled: the domain has an active edge owned by the account",
          arguments: ownedEdgeCases { Step.sslDisabled($0, account: $1) })
    func sslDisabled(_ row: RuleCase) throws {
        try row.check()
    }
}
