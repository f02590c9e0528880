import Foundation
@testable import Tally

/// A seeded random event log over several months: valid events generated
/// against a model of the platform (so the expected usage of every service is
/// known independently of Tally), optionally mixed with noise: garbage lines,
/// events that break §2.2 rules, exact and conflicting duplicates.
struct RandomLog {
    struct Options {
        var events = 3_000
        var accounts = 4
        var start = Timestamp(rfc3339: "2026-09-20T00:00:00Z")!
        /// Events stop before this instant.
        var end = Timestamp(rfc3339: "2026-12-10T00:00:00Z")!
        /// The window whose expected MB-seconds are tracked.
        var window = Timestamp(rfc3339: "2026-10-01T00:00:00Z")!.secondsSinceEpoch..<Timestamp(rfc3339: "2026-12-01T00:00:00Z")!.secondsSinceEpoch
        /// Every event at a different second (no two lines share a `time`).
        var distinctSeconds = false
        var garbage = false
        var ruleBreakers = false
        var exactDuplicates = false
        var conflictingDuplicates = false
    }

    struct ServiceKey: Hashable {
        var account: String
        var app: String
        var service: String
    }

    let seed: UInt64
    /// The log's lines in input order.
    private(set) var lines: [String] = []
    /// Billed (non-sandbox) MB-seconds of each service in the window, from the model.
    private(set) var expected: [ServiceKey: Int64] = [:]
    /// Indices of `service.scaled` lines that only lower `memory_mb`.
    private(set) var scaleDowns: [Int] = []

    var text: String { lines.map { $0 + "\n" }.joined() }

    /// The log as a ``LogBuilder``.
    var log: LogBuilder {
        var builder = LogBuilder()
        for line in lines { builder.addRaw(line) }
        return builder
    }

    /// A card in effect from before the logs and one from 2026-10-17T06:00:00Z
    /// with another price, rounding and edge size, so usage splits mid-month.
    static let rates = try! RateCardSet([
        Fixtures.dotcloud,
        Fixtures.card(name: "mid-month", from: "2026-10-17T06:00:00Z", rounding: .halfEven,
                      live: "0.00021", enterprise: "0.0003", edgeMB: 192),
    ])

    private struct Service {
        var type: String
        var instances: Int
        var memoryMB: Int
        var since: Int64
    }

    private struct App {
        var flavor: String
        var services: [String: Service] = [:]
        var domains: [String: String] = [:]
    }

    private var random: SplitMix64
    private var options: Options
    private var apps: [String: [String: App]] = [:]   // account → app → state
    private var edges: [String: String] = [:]          // domain → account, active edges
    private var attached: Set<String> = []
    private var now: Int64
    private var nextID = 0
    private var validLines: [String] = []

    init(seed: UInt64, _ options: Options = Options()) {
        self.seed = seed
        self.options = options
        random = SplitMix64(seed: seed)
        now = options.start.secondsSinceEpoch
        while lines.count < options.events, now < options.end.secondsSinceEpoch {
            step()
        }
        // Close every service at the window's end.
        for (account, accountApps) in apps {
            for (name, app) in accountApps {
                for (serviceName, service) in app.services {
                    accrue(ServiceKey(account: account, app: name, service: serviceName), service, flavor: app.flavor,
                           until: options.window.upperBound)
                }
            }
        }
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    private mutating func accrue(_ key: ServiceKey, _ service: Service, flavor: String, until end: Int64) {
        guard flavor != "sandbox" else { return }
        let from = max(service.since, options.window.lowerBound)
        let to = min(end, options.window.upperBound)
        guard from < to else { return }
        expected[key, default: 0] += Int64(service.instances * service.memoryMB) * (to - from)
    }

    private mutating func emit(_ type: String, account: String, _ fields: [String: Any], valid: Bool = true) {
        nextID += 1
        var object = fields
        object["id"] = "ev-\(seed)-\(nextID)"
        object["time"] = Timestamp(secondsSinceEpoch: now).description
        object["type"] = type
        object["account"] = account
        let line = LogBuilder.json(object)
        lines.append(line)
        if valid { validLines.append(line) }
    }

    private mutating func advance() {
        let gap = options.distinctSeconds ? int(1...3_600) : (chance(15) ? 0 : int(1...3_600))
        now += Int64(gap)
    }

    private mutating func step() {
        advance()
        if options.garbage, chance(4) { return garbage() }
        if options.ruleBreakers, chance(3) { return ruleBreaker() }
        if options.exactDuplicates, chance(3), let line = validLines.randomElement(using: &random) {
            lines.append(line)
            return
        }
        if options.conflictingDuplicates, chance(2), let line = validLines.randomElement(using: &random) {
            lines.append(line.replacingOccurrences(of: "\"account\":", with: "\"note\":\"changed\",\"account\":"))
            return
        }
        let account = "acct_\(int(1...options.accounts))"
        var accountApps = apps[account] ?? [:]
        let appNames = accountApps.keys.sorted()
        // Create an application when there are few, else act on one.
        if appNames.count < 2 || chance(6) {
            let name = "app_\(int(1...6))"
            guard accountApps[name] == nil else { return }
            let flavor = ["sandbox", "live", "live", "enterprise"][int(0...3)]
            accountApps[name] = App(flavor: flavor)
            apps[account] = accountApps
            emit("application.created", account: account, ["app": name, "flavor": flavor])
            return
        }
        let appName = appNames[int(0...(appNames.count - 1))]
        var app = accountApps[appName]!
        let serviceNames = app.services.keys.sorted()
        let roll = int(1...100)
        switch roll {
        case 1...30:
            let service = "svc_\(int(1...4))"
            let instances = app.flavor == "sandbox" ? 1 : int(1...8)
            let memoryMB = 32 * int(1...64)
            var type = ["python", "php", "mysql", "redis"][int(0...3)]
            if let existing = app.services[service] {
                type = existing.type
                accrue(ServiceKey(account: account, app: appName, service: service), existing, flavor: app.flavor, until: now)
            }
            app.services[service] = Service(type: type, instances: instances, memoryMB: memoryMB, since: now)
            emit("service.deployed", account: account,
                 ["app": appName, "service": service, "service_type": type, "instances": instances, "memory_mb": memoryMB])
        case 31...60 where !serviceNames.isEmpty && app.flavor != "sandbox":
            let name = serviceNames[int(0...(serviceNames.count - 1))]
            var service = app.services[name]!
            accrue(ServiceKey(account: account, app: appName, service: name), service, flavor: app.flavor, until: now)
            var fields: [String: Any] = ["app": appName, "service": name]
            let lowerMemoryOnly = service.memoryMB > 32 && chance(30)
            if lowerMemoryOnly {
                service.memoryMB = 32 * int(1...(service.memoryMB / 32 - 1))
                fields["memory_mb"] = service.memoryMB
            } else {
                if chance(70) { service.instances = int(1...8); fields["instances"] = service.instances }
                if chance(50) || fields["instances"] == nil { service.memoryMB = 32 * int(1...64); fields["memory_mb"] = service.memoryMB }
            }
            service.since = now
            app.services[name] = service
            if lowerMemoryOnly { scaleDowns.append(lines.count) }
            emit("service.scaled", account: account, fields)
        case 61...70 where !serviceNames.isEmpty:
            let name = serviceNames[int(0...(serviceNames.count - 1))]
            accrue(ServiceKey(account: account, app: appName, service: name), app.services[name]!, flavor: app.flavor, until: now)
            app.services[name] = nil
            for (domain, service) in app.domains where service == name {
                app.domains[domain] = nil
                attached.remove(domain)
            }
            emit("service.destroyed", account: account, ["app": appName, "service": name])
        case 71...76:
            let targets = ["live", "enterprise"].filter { $0 != app.flavor }
            let flavor = targets[int(0...(targets.count - 1))]
            for (name, service) in app.services {
                accrue(ServiceKey(account: account, app: appName, service: name), service, flavor: app.flavor, until: now)
                app.services[name]!.since = now
            }
            app.flavor = flavor
            emit("application.flavor_changed", account: account, ["app": appName, "flavor": flavor])
        case 77...86 where !serviceNames.isEmpty && app.flavor != "sandbox":
            let domain = "d\(int(1...5)).example.org"
            if let service = app.domains[domain] {
                if edges[domain] == nil {
                    edges[domain] = account
                    emit("ssl.enabled", account: account, ["app": appName, "domain": domain])
                } else if edges[domain] == account {
                    edges[domain] = nil
                    emit("ssl.disabled", account: account, ["domain": domain])
                } else {
                    app.domains[domain] = nil
                    attached.remove(domain)
                    emit("domain.removed", account: account, ["app": appName, "domain": domain, "service": service])
                }
            } else if !attached.contains(domain) {
                let service = serviceNames[int(0...(serviceNames.count - 1))]
                app.domains[domain] = service
                attached.insert(domain)
                emit("domain.added", account: account, ["app": appName, "service": service, "domain": domain])
            } else if edges[domain] == account {
                emit("ssl.certificate_updated", account: account, ["domain": domain])
            }
        case 87...90:
            for (name, service) in app.services {
                accrue(ServiceKey(account: account, app: appName, service: name), service, flavor: app.flavor, until: now)
            }
            for domain in app.domains.keys { attached.remove(domain) }
            accountApps[appName] = nil
            apps[account] = accountApps
            emit("application.destroyed", account: account, ["app": appName])
            return
        default:
            return
        }
        accountApps[appName] = app
        apps[account] = accountApps
    }

    private mutating func garbage() {
        let kinds = [
            "not json", "{\"id\":", "[1,2,3]", "{}", "{\"id\":\"g\(nextID)\",\"time\":\"soon\",\"type\":\"application.created\",\"account\":\"a\"}",
            "{\"id\":\"g-\(nextID)\",\"time\":\"2026-10-01T00:00:00Z\",\"type\":\"service.moved\",\"account\":\"acct_1\"}",
            "{\"id\":\"g-\(nextID)x\",\"time\":\"2026-10-01T00:00:00Z\",\"type\":\"service.scaled\",\"account\":\"acct_1\",\"app\":\"a\",\"service\":\"s\",\"instances\":0}",
        ]
        nextID += 1
        lines.append(kinds[int(0...(kinds.count - 1))])
    }

    private mutating func ruleBreaker() {
        let account = "acct_\(int(1...options.accounts))"
        switch int(1...3) {
        case 1:
            emit("service.scaled", account: account, ["app": "ghost_app", "service": "svc_1", "instances": 2], valid: false)
        case 2:
            emit("service.destroyed", account: account, ["app": "ghost_app", "service": "svc_1"], valid: false)
        default:
            emit("ssl.disabled", account: account, ["domain": "never.example.net"], valid: false)
        }
    }
}
