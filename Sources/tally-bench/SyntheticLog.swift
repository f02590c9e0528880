import Foundation
import Tally

/// Writes deterministic synthetic event logs in Tally's format for the
/// benchmark, of one ``BenchmarkShape``: `events` lines over the billed month
/// (and the months of history before it), for the shape's accounts, with
/// applications created and destroyed, services deployed, scaled and
/// destroyed, custom domains and SSL edges enabled and disabled, and the
/// shape's share of bad lines (garbage, bad values, §2.2 violations,
/// conflicting duplicates) and of exact duplicates.
struct SyntheticLog {
    var shape: BenchmarkShape
    /// Lines in all; with ``months``, lines in each month.
    var events: Int
    var seed: UInt64
    /// Months of history before the billed month, when not the shape's own.
    var historyMonths: Int?
    /// Percent of bad lines, when not the shape's own (a log to close has none).
    var invalidPercent: Int?
    /// With months, the log spans them, `events` lines in each, written one
    /// file a month (log rotation); without, it spans the shape's time.
    var months: [BillingPeriod] = []
    /// The number of accounts; the shape's (``BenchmarkShape/accounts``)
    /// unless given. The previous-release test gives fewer, in proportion to
    /// its few thousand events, so that each account sees as many events as
    /// in the benchmark's million.
    var accounts: Int

    init(shape: BenchmarkShape, events: Int, seed: UInt64, accounts: Int? = nil, historyMonths: Int? = nil,
         invalidPercent: Int? = nil, months: [BillingPeriod] = []) {
        self.shape = shape
        self.events = events
        self.seed = seed
        self.accounts = accounts ?? shape.accounts
        self.historyMonths = historyMonths
        self.invalidPercent = invalidPercent
        self.months = months
    }

    private struct Service {
        var name: Int
        var instances: Int
        var memoryMB: Int
    }

    private struct App {
        var name: Int
        var flavor: String
        var services: [Service] = []
        var nextService = 0
        /// The custom domain attached to service 0, if any.
        var domain: String?
        /// Whether that domain has an active SSL edge.
        var hasEdge = false
    }

    private struct Account {
        var apps: [App] = []
        var nextApp = 0
        /// Domains of active SSL edges whose application was destroyed.
        var orphanEdges: [String] = []
    }

    /// The file name that identifies this log in the cache folder.
    var fileName: String {
        // v2: host names without "_", so that domains and SSL edges are valid.
        "bench-v2-\(shape.rawValue)\(historyMonths.map { "-h\($0)" } ?? "")\(invalidPercent.map { "-i\($0)" } ?? "")-\(events)-s\(seed)"
            + (accounts == shape.accounts ? "" : "-a\(accounts)") + ".jsonl"
    }

    /// The instant of line `index`: evenly spread over the shape's time, or
    /// over each month, `events` lines a month.
    func time(of index: Int) -> Timestamp {
        guard !months.isEmpty else {
            let end: Int64 = 1_793_491_200                         // 2026-11-01T00:00:00Z
            let start: Int64 = 1_790_467_200 - Int64(historyMonths ?? shape.historyMonths) * 2_629_746   // 2026-09-27, minus history
            return Timestamp(secondsSinceEpoch: start + Int64(min(index, events)) * (end - start) / Int64(events))
        }
        let month = months[min(index / events, months.count - 1)]
        let length = month.end.secondsSinceEpoch - month.start.secondsSinceEpoch
        return Timestamp(secondsSinceEpoch: month.start.secondsSinceEpoch + Int64(index % events) * length / Int64(events))
    }

    /// Writes the log to `path`.
    func write(to path: String) throws {
        try write(toFiles: [path])
    }

    /// Writes the log to `paths`: one file, or one per month of ``months``.
    func write(toFiles paths: [String]) throws {
        precondition(paths.count == max(1, months.count), "one file, or one a month")
        var random = SplitMix64(seed: seed)
        let accountCount = accounts
        var accounts = [Account](repeating: Account(), count: accountCount)
        let total = events * max(1, months.count)
        var lines: [String] = []
        if shape.shuffled { lines.reserveCapacity(events) }
        var handles: [FileHandle] = []
        defer { for handle in handles { try? handle.close() } }
        for path in paths {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
            handles.append(handle)
        }
        var handle = handles[0]
        var buffer = ""
        buffer.reserveCapacity(1 << 21)
        var recent: [String] = []
        var written = 0

        func flush(_ force: Bool = false) throws {
            if force || buffer.utf8.count >= 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        func emit(_ line: String) throws {
            // A new month's first line goes to its own file.
            if !months.isEmpty, written > 0, written % events == 0 {
                try flush(true)
                handle = handles[written / events]
            }
            written += 1
            if shape.shuffled {
                lines.append(line)
            } else {
                buffer += line
                buffer += "\n"
                try flush()
            }
        }

        var index = 0
        while written < total {
            defer { index += 1 }
            let time = self.time(of: written)
            let id = "ev-\(seed)-\(index)"
            let accountNumber = Int(random.next() % UInt64(accountCount))
            let accountName = "acct_\(accountNumber)"
            let prefix = "{\"id\":\"\(id)\",\"time\":\"\(time)\",\"type\":"

            // An exact re-send of a recent line: a duplicate (SPEC §2.1).
            if shape.duplicatePercent > 0, !recent.isEmpty, Int(random.next() % 100) < shape.duplicatePercent {
                try emit(recent[Int(random.next() % UInt64(recent.count))])
                continue
            }
            if Int(random.next() % 100) < invalidPercent ?? shape.invalidPercent {
                switch random.next() % 4 {
                case 0: try emit("garbage line \(index) {not json")
                case 1: try emit(prefix + "\"service.scaled\",\"account\":\"\(accountName)\",\"app\":\"app_0\",\"service\":\"svc_0\",\"instances\":0}")
                case 2: try emit(prefix + "\"service.scaled\",\"account\":\"\(accountName)\",\"app\":\"ghost\",\"service\":\"svc_0\",\"instances\":2}")
                default:
                    let reused = recent.last.flatMap { $0.split(separator: "\"").dropFirst(3).first } ?? "none"
                    try emit("{\"id\":\"\(reused)\",\"time\":\"\(time)\",\"type\":\"application.destroyed\",\"account\":\"\(accountName)\",\"app\":\"app_0\"}")
                }
                continue
            }

            var account = accounts[accountNumber]
            defer { accounts[accountNumber] = account }
            let line = try next(&account, accountName: accountName, prefix: prefix, random: &random)
            try emit(line)
            if shape.duplicatePercent > 0 {
                if recent.count < 1024 { recent.append(line) } else { recent[Int(random.next() % 1024)] = line }
            }
        }

        if shape.shuffled {
            lines.shuffle(using: &random)
            for line in lines {
                buffer += line
                buffer += "\n"
                try flush()
            }
        }
        try flush(true)
    }

    /// The next valid event of `account`, and its effect on the generator's model.
    private func next(_ account: inout Account, accountName: String, prefix: String,
                      random: inout SplitMix64) throws -> String {
        let head = prefix + "\"__TYPE__\",\"account\":\"\(accountName)\""
        func event(_ type: String, _ fields: String) -> String {
            head.replacingOccurrences(of: "__TYPE__", with: type) + fields + "}"
        }
        let roll = Int(random.next() % 1000)
        // Applications: created up to the shape's count, destroyed at the shape's rate.
        if account.apps.count < shape.appsPerAccount, account.apps.isEmpty || roll < 20 {
            let flavor = random.next() % 5 == 0 ? "sandbox" : (random.next() % 4 == 0 ? "enterprise" : "live")
            account.apps.append(App(name: account.nextApp, flavor: flavor))
            account.nextApp += 1
            return event("application.created", ",\"app\":\"app_\(account.nextApp - 1)\",\"flavor\":\"\(flavor)\"")
        }
        if roll < 20 + shape.applicationDestroyPerMille, account.apps.count > 1 {
            let app = account.apps.remove(at: Int(random.next() % UInt64(account.apps.count)))
            if app.hasEdge, let domain = app.domain { account.orphanEdges.append(domain) }
            return event("application.destroyed", ",\"app\":\"app_\(app.name)\"")
        }
        if !account.orphanEdges.isEmpty, roll < 20 + shape.applicationDestroyPerMille + 3 {
            let domain = account.orphanEdges.removeFirst()
            return event("ssl.disabled", ",\"domain\":\"\(domain)\"")
        }
        let appIndex = Int(random.next() % UInt64(account.apps.count))
        var app = account.apps[appIndex]
        defer { account.apps[appIndex] = app }
        let appName = "app_\(app.name)"
        let sandbox = app.flavor == "sandbox"
        let serviceRoll = Int(random.next() % 1000)
        if app.services.isEmpty || (serviceRoll < 60 && app.services.count < 3) {
            let service = Service(name: app.nextService, instances: sandbox ? 1 : Int(1 + random.next() % 8),
                                  memoryMB: 32 * Int(1 + random.next() % 64))
            app.nextService += 1
            app.services.append(service)
            return event("service.deployed", ",\"app\":\"\(appName)\",\"service\":\"svc_\(service.name)\",\"service_type\":\"python\",\"instances\":\(service.instances),\"memory_mb\":\(service.memoryMB)")
        }
        if serviceRoll < 60 + shape.serviceDestroyPerMille, app.services.count > 1 {
            let service = app.services.removeLast()
            return event("service.destroyed", ",\"app\":\"\(appName)\",\"service\":\"svc_\(service.name)\"")
        }
        if !sandbox, random.next() % 1000 < UInt64(shape.sslPerMille) {
            // Host names have no "_" (SPEC §2): acct_12 becomes acct-12.
            let domain = "www.\(accountName.replacingOccurrences(of: "_", with: "-"))-\(app.name).example.com"
            if app.domain == nil, app.services.first?.name == 0 {
                app.domain = domain
                return event("domain.added", ",\"app\":\"\(appName)\",\"service\":\"svc_0\",\"domain\":\"\(domain)\"")
            }
            if let domain = app.domain, !app.hasEdge {
                app.hasEdge = true
                return event("ssl.enabled", ",\"app\":\"\(appName)\",\"domain\":\"\(domain)\"")
            }
            if let domain = app.domain {
                return event("ssl.certificate_updated", ",\"domain\":\"\(domain)\"")
            }
        }
        if sandbox {
            let service = app.services[0]
            return event("service.deployed", ",\"app\":\"\(appName)\",\"service\":\"svc_\(service.name)\",\"service_type\":\"python\",\"instances\":1,\"memory_mb\":\(32 * Int(1 + random.next() % 64))")
        }
        if random.next() % 500 == 0 {
            app.flavor = app.flavor == "live" ? "enterprise" : "live"
            return event("application.flavor_changed", ",\"app\":\"\(appName)\",\"flavor\":\"\(app.flavor)\"")
        }
        let serviceIndex = Int(random.next() % UInt64(app.services.count))
        if random.next() % 3 == 0 {
            app.services[serviceIndex].memoryMB = 32 * Int(1 + random.next() % 64)
            return event("service.scaled", ",\"app\":\"\(appName)\",\"service\":\"svc_\(app.services[serviceIndex].name)\",\"memory_mb\":\(app.services[serviceIndex].memoryMB)")
        }
        app.services[serviceIndex].instances = Int(1 + random.next() % 20)
        return event("service.scaled", ",\"app\":\"\(appName)\",\"service\":\"svc_\(app.services[serviceIndex].name)\",\"instances\":\(app.services[serviceIndex].instances)")
    }
}
