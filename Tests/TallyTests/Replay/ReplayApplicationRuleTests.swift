import Testing
@testable import Tally

/// SPEC §2.2, applications: `application.created`, `application.flavor_changed`
/// and `application.destroyed`, each applied and rejected.
@Suite("Replay: application rules")
struct ReplayApplicationRuleTests {
    static let shop: ApplicationName = named("shop")
    static let domain = "www.example.org"
    /// A live `shop` with the service `www`, the domain attached and SSL enabled.
    static let shopWithSSL: [Step] = [
        .created("shop"), .deployed("shop", "www"), .domainAdded("shop", "www", domain), .sslEnabled("shop", domain),
    ]

    static let created: [RuleCase] = [
        RuleCase("a new live application", [], .created("shop"), nil),
        RuleCase("a new sandbox application", [], .created("shop", "sandbox"), nil),
        RuleCase("a new enterprise application", [], .created("shop", "enterprise"), nil),
        RuleCase("another name in the account", [.created("blog")], .created("shop"), nil),
        RuleCase("the same name in another account", [.created("shop", account: "acct_2")], .created("shop"), nil),
        RuleCase("created again after it was destroyed", [.created("shop"), .destroyed("shop")], .created("shop", "sandbox"), nil),
        RuleCase("the name exists", [.created("shop")], .created("shop"), .applicationAlreadyExists(shop)),
        RuleCase("the name exists with another flavor", [.created("shop", "sandbox")], .created("shop", "enterprise"),
                 .applicationAlreadyExists(shop)),
        RuleCase("created again after a flavor change", [.created("shop", "sandbox"), .flavorChanged("shop", "live")],
                 .created("shop", "sandbox"), .applicationAlreadyExists(shop)),
    ]

    @Test("application.created: no application of that name exists in the account", arguments: created)
    func applicationCreated(_ row: RuleCase) throws {
        try row.check()
    }

    static let flavorChanged: [RuleCase] = [
        RuleCase("sandbox to live", [.created("shop", "sandbox")], .flavorChanged("shop", "live"), nil),
        RuleCase("sandbox to enterprise", [.created("shop", "sandbox")], .flavorChanged("shop", "enterprise"), nil),
        RuleCase("live to enterprise", [.created("shop")], .flavorChanged("shop", "enterprise"), nil),
        RuleCase("enterprise to live", [.created("shop", "enterprise")], .flavorChanged("shop", "live"), nil),
        RuleCase("with services, domains and SSL", shopWithSSL, .flavorChanged("shop", "enterprise"), nil),
        RuleCase("the application does not exist", [], .flavorChanged("shop", "live"), .applicationNotFound(shop)),
        RuleCase("it exists only in another account", [.created("shop", "sandbox", account: "acct_2")],
                 .flavorChanged("shop", "live"), .applicationNotFound(shop)),
        RuleCase("it was destroyed", [.created("shop", "sandbox"), .destroyed("shop")], .flavorChanged("shop", "live"),
                 .applicationNotFound(shop)),
        RuleCase("live to live", [.created("shop")], .flavorChanged("shop", "live"), .flavorUnchanged(shop, .live)),
        RuleCase("sandbox to sandbox", [.created("shop", "sandbox")], .flavorChanged("shop", "sandbox"),
                 .flavorUnchanged(shop, .sandbox)),
        RuleCase("enterprise to enterprise", [.created("shop", "sandbox"), .flavorChanged("shop", "enterprise")],
                 .flavorChanged("shop", "enterprise"), .flavorUnchanged(shop, .enterprise)),
        RuleCase("live to sandbox", [.created("shop")], .flavorChanged("shop", "sandbox"), .flavorChangeToSandbox(shop)),
        RuleCase("enterprise to sandbox", [.created("shop", "enterprise")], .flavorChanged("shop", "sandbox"),
                 .flavorChangeToSandbox(shop)),
    ]

    @Test("application.flavor_changed: it exists; the flavor differs; the new flavor is not sandbox", arguments: flavorChanged)
    func applicationFlavorChanged(_ row: RuleCase) throws {
        try row.check()
    }

    static let destroyed: [RuleCase] = [
        RuleCase("an empty application", [.created("shop")], .destroyed("shop"), nil),
        RuleCase("a sandbox application with a service", [.created("shop", "sandbox"), .deployed("shop", "www")],
                 .destroyed("shop"), nil),
        RuleCase("with services, domains and SSL", shopWithSSL + [.deployed("shop", "db", type: "mysql")], .destroyed("shop"), nil),
        RuleCase("the application does not exist", [], .destroyed("shop"), .applicationNotFound(shop)),
        RuleCase("it exists only in another account", [.created("shop", account: "acct_2")], .destroyed("shop"),
                 .applicationNotFound(shop)),
        RuleCase("destroyed twice", [.created("shop"), .destroyed("shop")], .destroyed("shop"), .applicationNotFound(shop)),
        // Its domains were removed with it: another account may attach them (SPEC §2.2).
        RuleCase("its domain, attached by another account afterwards",
                 shopWithSSL + [.destroyed("shop"), .created("blog", account: "acct_2"), .deployed("blog", "web", account: "acct_2")],
                 .domainAdded("blog", "web", domain, account: "acct_2"), nil),
        RuleCase("its domain, removed by it afterwards", shopWithSSL + [.destroyed("shop"), .created("shop"), .deployed("shop", "www")],
                 .domainRemoved("shop", domain), .domainNotAttached(named(domain), shop)),
        // Its SSL edge goes on: still active, so only ssl.disabled ends it.
        RuleCase("its SSL edge, disabled afterwards", shopWithSSL + [.destroyed("shop")], .sslDisabled(domain), nil),
        RuleCase("its SSL edge, updated afterwards", shopWithSSL + [.destroyed("shop")], .certificateUpdated(domain), nil),
        RuleCase("its SSL edge, enabled again by a new application of the same name",
                 shopWithSSL + [.destroyed("shop"), .created("shop"), .deployed("shop", "www"), .domainAdded("shop", "www", domain)],
                 .sslEnabled("shop", domain), .sslEdgeAlreadyActive(named(domain))),
        // Its services are gone with it.
        RuleCase("its service, scaled afterwards in a new application of the same name",
                 [.created("shop"), .deployed("shop", "www"), .destroyed("shop"), .created("shop")],
                 .scaled("shop", "www", instances: 2), .serviceNotFound(shop, named("www"))),
    ]

    @Test("application.destroyed: it exists; its services and domains go with it, its SSL edges go on", arguments: destroyed)
    func applicationDestroyed(_ row: RuleCase) throws {
        try row.check()
    }
}
