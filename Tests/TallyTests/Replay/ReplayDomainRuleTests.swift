import Testing
@testable import Tally

/// SPEC §2.2, custom domains: `domain.added` and `domain.removed`, each
/// applied and rejected. A domain is attached to one service at a time,
/// platform-wide (SPEC §1).
@Suite("Replay: domain rules")
struct ReplayDomainRuleTests {
    static let shop: ApplicationName = named("shop")
    static let domain = "www.example.org"
    static let domainName: DomainName = named(domain)
    static let liveWithWWW: [Step] = [.created("shop"), .deployed("shop", "www")]
    static let attached: [Step] = liveWithWWW + [.domainAdded("shop", "www", domain)]
    /// acct_2's `blog` with the service `web` and the domain attached.
    static let otherAccount: [Step] = [
        .created("blog", account: "acct_2"), .deployed("blog", "web", account: "acct_2"),
        .domainAdded("blog", "web", domain, account: "acct_2"),
    ]

    static let added: [RuleCase] = [
        RuleCase("to a live application", liveWithWWW, .domainAdded("shop", "www", domain), nil),
        RuleCase("to an enterprise application", [.created("shop", "enterprise"), .deployed("shop", "www")],
                 .domainAdded("shop", "www", domain), nil),
        RuleCase("a wildcard domain", liveWithWWW, .domainAdded("shop", "www", "*.example.org"), nil),
        RuleCase("a second domain on the service", attached, .domainAdded("shop", "www", "example.org"), nil),
        RuleCase("after the application left sandbox",
                 [.created("shop", "sandbox"), .deployed("shop", "www"), .flavorChanged("shop", "live")],
                 .domainAdded("shop", "www", domain), nil),
        RuleCase("after another account removed it", otherAccount + [.domainRemoved("blog", domain, account: "acct_2")] + liveWithWWW,
                 .domainAdded("shop", "www", domain), nil),
        RuleCase("after another account destroyed its application", otherAccount + [.destroyed("blog", account: "acct_2")] + liveWithWWW,
                 .domainAdded("shop", "www", domain), nil),
        RuleCase("moved to another service after removal", attached + [.deployed("shop", "api"), .domainRemoved("shop", domain)],
                 .domainAdded("shop", "api", domain), nil),
        RuleCase("the application does not exist", [], .domainAdded("shop", "www", domain), .applicationNotFound(shop)),
        RuleCase("the service does not exist", [.created("shop")], .domainAdded("shop", "www", domain),
                 .serviceNotFound(shop, named("www"))),
        RuleCase("the service was destroyed", liveWithWWW + [.serviceDestroyed("shop", "www")],
                 .domainAdded("shop", "www", domain), .serviceNotFound(shop, named("www"))),
        RuleCase("a sandbox application", [.created("shop", "sandbox"), .deployed("shop", "www")],
                 .domainAdded("shop", "www", domain), .customDomainsNeedLiveOrEnterprise(shop, .sandbox)),
        RuleCase("attached in another account", otherAccount + liveWithWWW, .domainAdded("shop", "www", domain),
                 .domainAlreadyAttached(domainName)),
        RuleCase("attached in another account, written in upper case", otherAccount + liveWithWWW,
                 .domainAdded("shop", "www", "WWW.Example.ORG"), .domainAlreadyAttached(domainName)),
        RuleCase("attached to another application of the account",
                 attached + [.created("blog"), .deployed("blog", "web")],
                 .domainAdded("blog", "web", domain), .domainAlreadyAttached(domainName)),
        RuleCase("attached to another service of the application", attached + [.deployed("shop", "api")],
                 .domainAdded("shop", "api", domain), .domainAlreadyAttached(domainName)),
        RuleCase("attached to the same service", attached, .domainAdded("shop", "www", domain), .domainAlreadyAttached(domainName)),
    ]

    @Test("domain.added: the service exists; the application is live or enterprise; the domain is free", arguments: added)
    func domainAdded(_ row: RuleCase) throws {
        try row.check()
    }

    static let removed: [RuleCase] = [
        RuleCase("attached to a service of the application", attached, .domainRemoved("shop", domain), nil),
        RuleCase("written in another case", attached, .domainRemoved("shop", "WWW.EXAMPLE.ORG"), nil),
        RuleCase("with an SSL edge, which goes on", attached + [.sslEnabled("shop", domain)], .domainRemoved("shop", domain), nil),
        RuleCase("added again, removed again", attached + [.domainRemoved("shop", domain), .domainAdded("shop", "www", domain)],
                 .domainRemoved("shop", domain), nil),
        RuleCase("the application does not exist", [], .domainRemoved("shop", domain), .applicationNotFound(shop)),
        RuleCase("not attached anywhere", liveWithWWW, .domainRemoved("shop", domain), .domainNotAttached(domainName, shop)),
        RuleCase("removed twice", attached + [.domainRemoved("shop", domain)], .domainRemoved("shop", domain),
                 .domainNotAttached(domainName, shop)),
        RuleCase("attached to another application of the account", attached + [.created("blog")],
                 .domainRemoved("blog", domain), .domainNotAttached(domainName, named("blog"))),
        RuleCase("attached in another account", otherAccount + [.created("blog")], .domainRemoved("blog", domain),
                 .domainNotAttached(domainName, named("blog"))),
        RuleCase("attached in another account to an application of the same name",
                 [.created("shop", account: "acct_2"), .deployed("shop", "www", account: "acct_2"),
                  .domainAdded("shop", "www", domain, account: "acct_2"), .created("shop"), .deployed("shop", "www")],
                 .domainRemoved("shop", domain), .domainNotAttached(domainName, shop)),
    ]

    @Test("domain.removed: the domain is attached to a service of that application", arguments: removed)
    func domainRemoved(_ row: RuleCase) throws {
        try row.check()
    }
}
