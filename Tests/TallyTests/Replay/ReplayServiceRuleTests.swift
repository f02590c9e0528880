import Testing
@testable import Tally

/// SPEC §2.2, services: `service.deployed`, `service.scaled` and
/// `service.destroyed`, each applied and rejected.
@Suite("Replay: service rules")
struct ReplayServiceRuleTests {
    static let shop: ApplicationName = named("shop")
    static let www: ServiceName = named("www")
    static let live: [Step] = [.created("shop")]
    static let sandbox: [Step] = [.created("shop", "sandbox")]
    static let liveWithWWW: [Step] = [.created("shop"), .deployed("shop", "www")]

    static let deployed: [RuleCase] = [
        RuleCase("a new service", live, .deployed("shop", "www", instances: 3, memoryMB: 512), nil),
        RuleCase("a second service", liveWithWWW, .deployed("shop", "db", type: "mysql"), nil),
        RuleCase("redeployed with the same type and new values", liveWithWWW,
                 .deployed("shop", "www", instances: 4, memoryMB: 1024), nil),
        RuleCase("redeployed with the same values", liveWithWWW, .deployed("shop", "www"), nil),
        RuleCase("of another type after the old one was destroyed", liveWithWWW + [.serviceDestroyed("shop", "www")],
                 .deployed("shop", "www", type: "ruby"), nil),
        RuleCase("the same name in another application", liveWithWWW + [.created("blog")],
                 .deployed("blog", "www", type: "php"), nil),
        RuleCase("1 instance in a sandbox application", sandbox, .deployed("shop", "www", instances: 1, memoryMB: 1024), nil),
        RuleCase("redeployed with 1 instance in a sandbox application", sandbox + [.deployed("shop", "www")],
                 .deployed("shop", "www", memoryMB: 512), nil),
        RuleCase("many instances in an enterprise application", [.created("shop", "enterprise")],
                 .deployed("shop", "www", instances: 1000, memoryMB: 65536), nil),
        RuleCase("the application does not exist", [], .deployed("shop", "www"), .applicationNotFound(shop)),
        RuleCase("it exists only in another account", [.created("shop", account: "acct_2")], .deployed("shop", "www"),
                 .applicationNotFound(shop)),
        RuleCase("the application was destroyed", liveWithWWW + [.destroyed("shop")], .deployed("shop", "www"),
                 .applicationNotFound(shop)),
        RuleCase("redeployed with another type", liveWithWWW, .deployed("shop", "www", type: "ruby"),
                 .serviceTypeMismatch(www, existing: named("python"), given: named("ruby"))),
        RuleCase("2 instances in a sandbox application", sandbox, .deployed("shop", "www", instances: 2),
                 .sandboxInstances(shop, instances: 2)),
        RuleCase("redeployed with 1000 instances in a sandbox application", sandbox + [.deployed("shop", "www")],
                 .deployed("shop", "www", instances: 1000), .sandboxInstances(shop, instances: 1000)),
        // The type is checked before the sandbox's instances.
        RuleCase("another type and 2 instances in a sandbox application", sandbox + [.deployed("shop", "www")],
                 .deployed("shop", "www", type: "ruby", instances: 2),
                 .serviceTypeMismatch(www, existing: named("python"), given: named("ruby"))),
    ]

    @Test("service.deployed: the application exists; a redeploy keeps the type; sandbox has 1 instance", arguments: deployed)
    func serviceDeployed(_ row: RuleCase) throws {
        try row.check()
    }

    static let scaled: [RuleCase] = [
        RuleCase("instances only", liveWithWWW, .scaled("shop", "www", instances: 5), nil),
        RuleCase("memory only", liveWithWWW, .scaled("shop", "www", memoryMB: 2048), nil),
        RuleCase("both", liveWithWWW, .scaled("shop", "www", instances: 2, memoryMB: 32), nil),
        RuleCase("to the same values", liveWithWWW, .scaled("shop", "www", instances: 1, memoryMB: 256), nil),
        RuleCase("in an enterprise application", [.created("shop", "enterprise"), .deployed("shop", "www")],
                 .scaled("shop", "www", instances: 3), nil),
        RuleCase("after the application left sandbox", sandbox + [.deployed("shop", "www"), .flavorChanged("shop", "live")],
                 .scaled("shop", "www", instances: 3), nil),
        RuleCase("the application does not exist", [], .scaled("shop", "www", instances: 2), .applicationNotFound(shop)),
        RuleCase("the service does not exist", live, .scaled("shop", "www", instances: 2), .serviceNotFound(shop, www)),
        RuleCase("the service exists in another application", liveWithWWW + [.created("blog")],
                 .scaled("blog", "www", instances: 2), .serviceNotFound(named("blog"), www)),
        RuleCase("the service exists in another account", [.created("shop", account: "acct_2"), .deployed("shop", "www", account: "acct_2"),
                                                           .created("shop")],
                 .scaled("shop", "www", instances: 2), .serviceNotFound(shop, www)),
        RuleCase("the service was destroyed", liveWithWWW + [.serviceDestroyed("shop", "www")],
                 .scaled("shop", "www", memoryMB: 512), .serviceNotFound(shop, www)),
        RuleCase("a sandbox application", sandbox + [.deployed("shop", "www")], .scaled("shop", "www", instances: 2),
                 .sandboxCannotScale(shop)),
        RuleCase("a sandbox application, memory only", sandbox + [.deployed("shop", "www")], .scaled("shop", "www", memoryMB: 512),
                 .sandboxCannotScale(shop)),
        RuleCase("a sandbox application, to 1 instance", sandbox + [.deployed("shop", "www")], .scaled("shop", "www", instances: 1),
                 .sandboxCannotScale(shop)),
        // The service is checked before the flavor.
        RuleCase("a missing service in a sandbox application", sandbox, .scaled("shop", "www", instances: 2),
                 .serviceNotFound(shop, www)),
    ]

    @Test("service.scaled: the service exists and its application is not sandbox", arguments: scaled)
    func serviceScaled(_ row: RuleCase) throws {
        try row.check()
    }

    static let destroyed: [RuleCase] = [
        RuleCase("a service", liveWithWWW, .serviceDestroyed("shop", "www"), nil),
        RuleCase("a sandbox service", sandbox + [.deployed("shop", "www")], .serviceDestroyed("shop", "www"), nil),
        RuleCase("a service with a domain and SSL",
                 liveWithWWW + [.domainAdded("shop", "www", "www.example.org"), .sslEnabled("shop", "www.example.org")],
                 .serviceDestroyed("shop", "www"), nil),
        RuleCase("the application does not exist", [], .serviceDestroyed("shop", "www"), .applicationNotFound(shop)),
        RuleCase("the service does not exist", live, .serviceDestroyed("shop", "www"), .serviceNotFound(shop, www)),
        RuleCase("destroyed twice", liveWithWWW + [.serviceDestroyed("shop", "www")], .serviceDestroyed("shop", "www"),
                 .serviceNotFound(shop, www)),
        // Its domains are removed: the application can't remove them again, another account may attach them.
        RuleCase("its domain, removed afterwards",
                 liveWithWWW + [.domainAdded("shop", "www", "www.example.org"), .serviceDestroyed("shop", "www")],
                 .domainRemoved("shop", "www.example.org"), .domainNotAttached(named("www.example.org"), shop)),
        RuleCase("its domain, attached by another account afterwards",
                 liveWithWWW + [.domainAdded("shop", "www", "www.example.org"), .serviceDestroyed("shop", "www"),
                                .created("blog", account: "acct_2"), .deployed("blog", "web", account: "acct_2")],
                 .domainAdded("blog", "web", "www.example.org", account: "acct_2"), nil),
        RuleCase("another service's domain stays",
                 liveWithWWW + [.deployed("shop", "api"), .domainAdded("shop", "www", "www.example.org"),
                                .domainAdded("shop", "api", "api.example.org"), .serviceDestroyed("shop", "www")],
                 .domainRemoved("shop", "api.example.org"), nil),
    ]

    @Test("service.destroyed: the service exists; its domains are removed", arguments: destroyed)
    func serviceDestroyed(_ row: RuleCase) throws {
        try row.check()
    }
}
