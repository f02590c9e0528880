import Foundation
import Tally

/// Writes deterministic synthetic event logs in Tally's format for the
/// benchmark: `events` lines over October 2026 (from a few days before), for
/// `accounts` accounts with three applications of three services each, mostly
/// `service.scaled` as in the real trace, with `invalidPercent` % of bad lines
/// (garbage, bad values, §2.2 violations, conflicting duplicates).
struct SyntheticLog {
    var events: Int
    var accounts: Int
    var seed: UInt64
    var shuffled: Bool
    var invalidPercent: Int

    private struct Service {
        var name: Int
        var instances: Int
        var memoryMB: Int
    }

    private struct App {
        var name: Int
        var flavor: String
        var services: [Service] = []
        var sslDomain: Int?
        var domainAttached = false
    }

    /// The file name that identifies this log in the cache folder.
    var fileName: String {
        "bench-\(events)-a\(accounts)-s\(seed)-i\(invalidPercent)\(shuffled ? "-shuffled" : "").jsonl"
    }

    /// Writes the log to `path`.
    func write(to path: String) throws {
        var random = SplitMix64(seed: seed)
        var apps: [[App]] = Array(repeating: [], count: accounts)
        var nextApp = Array(repeating: 0, count: accounts)
        let start: Int64 = 1_790_467_200   // 2026-09-27T00:00:00Z
        let end: Int64 = 1_793_491_200     // 2026-11-01T00:00:00Z
        var lines: [String] = []
        if shuffled { lines.reserveCapacity(events) }
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
        defer { try? handle.close() }
        var buffer = ""
        buffer.reserveCapacity(1 << 21)
        // The id of the last valid event, which a conflicting duplicate reuses.
        var lastValidID = "ev-\(seed)-none"

        func emit(_ line: String) throws {
            if shuffled {
                lines.append(line)
                return
            }
            buffer += line
            buffer += "\n"
            if buffer.utf8.count >= 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer.removeAll(keepingCapacity: true)
            }
        }

        for index in 0..<events {
            let time = Timestamp(secondsSinceEpoch: start + Int64(index) * (end - start) / Int64(events))
            let id = "ev-\(seed)-\(index)"
            let account = Int(random.next() % UInt64(accounts))
            let accountName = "acct_\(account)"
            let prefix = "{\"id\":\"\(id)\",\"time\":\"\(time)\",\"type\":"

            if invalidPercent > 0, Int(random.next() % 100) < invalidPercent {
                switch random.next() % 4 {
                case 0: try emit("garbage line \(index) {not json")
                case 1: try emit(prefix + "\"service.scaled\",\"account\":\"\(accountName)\",\"app\":\"app_0\",\"service\":\"svc_0\",\"instances\":0}")
                case 2: try emit(prefix + "\"service.scaled\",\"account\":\"\(accountName)\",\"app\":\"ghost\",\"service\":\"svc_0\",\"instances\":2}")
                default: try emit("{\"id\":\"\(lastValidID)\",\"time\":\"\(time)\",\"type\":\"application.destroyed\",\"account\":\"\(accountName)\",\"app\":\"app_0\"}")
                }
                continue
            }
            lastValidID = id

            // An account starts with one application; later events act on one of up to three.
            if apps[account].count < 3, apps[account].isEmpty || random.next() % 50 == 0 {
                let flavor = random.next() % 5 == 0 ? "sandbox" : (random.next() % 4 == 0 ? "enterprise" : "live")
                let app = App(name: nextApp[account], flavor: flavor)
                nextApp[account] += 1
                apps[account].append(app)
                try emit(prefix + "\"application.created\",\"account\":\"\(accountName)\",\"app\":\"app_\(app.name)\",\"flavor\":\"\(flavor)\"}")
                continue
            }
            let appIndex = Int(random.next() % UInt64(apps[account].count))
            var app = apps[account][appIndex]
            let appName = "app_\(app.name)"
            let roll = random.next() % 100
            let sandbox = app.flavor == "sandbox"
            if app.services.isEmpty || (roll < 8 && app.services.count < 3) {
                let service = Service(name: app.services.count, instances: sandbox ? 1 : Int(1 + random.next() % 8),
                                      memoryMB: 32 * Int(1 + random.next() % 64))
                app.services.append(service)
                try emit(prefix + "\"service.deployed\",\"account\":\"\(accountName)\",\"app\":\"\(appName)\",\"service\":\"svc_\(service.name)\",\"service_type\":\"python\",\"instances\":\(service.instances),\"memory_mb\":\(service.memoryMB)}")
            } else if roll < 12, app.services.count > 1 {
                let service = app.services.removeLast()
                try emit(prefix + "\"service.destroyed\",\"account\":\"\(accountName)\",\"app\":\"\(appName)\",\"service\":\"svc_\(service.name)\"}")
                if app.domainAttached, service.name == 0 { app.domainAttached = false }
            } else if roll < 16, !sandbox {
                let domain = "www.a\(account)-\(app.name).example.com"
                if !app.domainAttached {
                    app.domainAttached = true
                    try emit(prefix + "\"domain.added\",\"account\":\"\(accountName)\",\"app\":\"\(appName)\",\"service\":\"svc_0\",\"domain\":\"\(domain)\"}")
                } else if app.sslDomain == nil {
                    app.sslDomain = app.name
                    try emit(prefix + "\"ssl.enabled\",\"account\":\"\(accountName)\",\"app\":\"\(appName)\",\"domain\":\"\(domain)\"}")
                } else if roll < 14 {
                    try emit(prefix + "\"ssl.certificate_updated\",\"account\":\"\(accountName)\",\"domain\":\"\(domain)\"}")
                } else {
                    app.sslDomain = nil
                    try emit(prefix + "\"ssl.disabled\",\"account\":\"\(accountName)\",\"domain\":\"\(domain)\"}")
                }
            } else if roll < 17, !sandbox {
                app.flavor = app.flavor == "live" ? "enterprise" : "live"
                try emit(prefix + "\"application.flavor_changed\",\"account\":\"\(accountName)\",\"app\":\"\(appName)\",\"flavor\":\"\(app.flavor)\"}")
            } else if !sandbox {
                let serviceIndex = Int(random.next() % UInt64(app.services.count))
                if random.next() % 3 == 0 {
                    app.services[serviceIndex].memoryMB = 32 * Int(1 + random.next() % 64)
                    try emit(prefix + "\"service.scaled\",\"account\":\"\(accountName)\",\"app\":\"\(appName)\",\"service\":\"svc_\(app.services[serviceIndex].name)\",\"memory_mb\":\(app.services[serviceIndex].memoryMB)}")
                } else {
                    app.services[serviceIndex].instances = Int(1 + random.next() % 20)
                    try emit(prefix + "\"service.scaled\",\"account\":\"\(accountName)\",\"app\":\"\(appName)\",\"service\":\"svc_\(app.services[serviceIndex].name)\",\"instances\":\(app.services[serviceIndex].instances)}")
                }
            } else {
                let service = app.services[0]
                try emit(prefix + "\"service.deployed\",\"account\":\"\(accountName)\",\"app\":\"\(appName)\",\"service\":\"svc_\(service.name)\",\"service_type\":\"python\",\"instances\":1,\"memory_mb\":\(32 * Int(1 + random.next() % 64))}")
            }
            apps[account][appIndex] = app
        }

        if shuffled {
            lines.shuffle(using: &random)
            for line in lines {
                buffer += line
                buffer += "\n"
                if buffer.utf8.count >= 1 << 20 {
                    try handle.write(contentsOf: Data(buffer.utf8))
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))
    }
}

/// SplitMix64, so that a seed always gives the same log.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
