@testable import Tally

/// Seeded random event logs around October 2026 for property tests: a few
/// accounts creating, scaling and destroying applications and services,
/// changing flavors, attaching domains and enabling and disabling SSL, with an
/// occasional event that breaks a rule. Mostly valid, so most usage is billed.
struct RandomLog {
    /// A card in effect from before the logs and one from 2026-10-17T06:00:00Z
    /// with another price, rounding and edge size, so usage splits mid-month.
    static let rates = try! RateCardSet([
        Fixtures.dotcloud,
        Fixtures.card(name: "mid-month", from: "2026-10-17T06:00:00Z", rounding: .halfEven,
                      live: "0.00021", enterprise: "0.0003", edgeMB: 192),
    ])

    private struct Application {
        var flavor: String
        var services: [String: String] = [:]
    }

    let seed: UInt64
    private(set) var log = LogBuilder()

    init(seed: UInt64, events: Int = 600) {
        self.seed = seed
        var random = SplitMix64(seed: seed)
        var time = Timestamp(rfc3339: "2026-09-25T00:00:00Z")!.secondsSinceEpoch
        var applications: [String: [String: Application]] = [:]
        var domains: [String: (account: String, app: String)] = [:]
        var edges: [String: String] = [:]
        let accounts = ["acct_a", "acct_b", "acct_c", "-acct_d"]
        for _ in 0..<events {
            time += [0, 1, 60, 3600, 86_399, Int64.random(in: 1...40_000, using: &random)].randomElement(using: &random)!
            let at = Timestamp(secondsSinceEpoch: time).description
            let account = accounts.randomElement(using: &random)!
            var apps = applications[account, default: [:]]
            let app = apps.keys.sorted().randomElement(using: &random)
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<12:
                let name = "app\(Int.random(in: 0..<6, using: &random))"
                guard apps[name] == nil else { continue }
                let flavor = ["sandbox", "live", "live", "enterprise"].randomElement(using: &random)!
                apps[name] = Application(flavor: flavor)
                log.createApp(name, flavor, at: at, account: account)
            case 12..<40:
                guard let app, var application = apps[app] else { continue }
                let service = "svc\(Int.random(in: 0..<4, using: &random))"
                let type = application.services[service] ?? ["python", "php", "mysql"].randomElement(using: &random)!
                let instances = application.flavor == "sandbox" ? 1 : Int.random(in: 1...4, using: &random)
                application.services[service] = type
                apps[app] = application
                log.deploy(app, service, type: type, instances: instances, memoryMB: 32 * Int.random(in: 1...16, using: &random),
                           at: at, account: account)
            case 40..<55:
                guard let app, let application = apps[app], application.flavor != "sandbox",
                      let service = application.services.keys.sorted().randomElement(using: &random) else { continue }
                log.add("service.scaled", at: at, account: account,
                        ["app": app, "service": service, "instances": Int.random(in: 1...5, using: &random)])
            case 55..<62:
                guard let app, var application = apps[app],
                      let service = application.services.keys.sorted().randomElement(using: &random) else { continue }
                application.services[service] = nil
                apps[app] = application
                for (domain, owner) in domains where owner == (account, app) { domains[domain] = nil }
                log.add("service.destroyed", at: at, account: account, ["app": app, "service": service])
            case 62..<67:
                guard let app, var application = apps[app] else { continue }
                let flavor = application.flavor == "live" ? "enterprise" : "live"
                application.flavor = flavor
                apps[app] = application
                log.add("application.flavor_changed", at: at, account: account, ["app": app, "flavor": flavor])
            case 67..<72:
                guard let app else { continue }
                apps[app] = nil
                for (domain, owner) in domains where owner == (account, app) { domains[domain] = nil }
                log.add("application.destroyed", at: at, account: account, ["app": app])
            case 72..<82:
                guard let app, let application = apps[app], application.flavor != "sandbox",
                      let service = application.services.keys.sorted().randomElement(using: &random) else { continue }
                let domain = "d\(Int.random(in: 0..<8, using: &random)).example.org"
                guard domains[domain] == nil else { continue }
                domains[domain] = (account, app)
                log.add("domain.added", at: at, account: account, ["app": app, "service": service, "domain": domain])
            case 82..<90:
                guard let (domain, owner) = domains.filter({ $0.value.account == account && edges[$0.key] == nil })
                    .sorted(by: { $0.key < $1.key }).randomElement(using: &random) else { continue }
                edges[domain] = account
                log.add("ssl.enabled", at: at, account: account, ["app": owner.app, "domain": domain])
            case 90..<96:
                guard let domain = edges.filter({ $0.value == account }).keys.sorted().randomElement(using: &random) else { continue }
                edges[domain] = nil
                log.add("ssl.disabled", at: at, account: account, ["domain": domain])
            default:
                // Breaks a rule: a service that was never deployed.
                log.add("service.scaled", at: at, account: account, ["app": "ghost", "service": "none", "instances": 2])
            }
            applications[account] = apps
        }
    }
}
