import Foundation
@testable import Tally

/// One event for replay tables, written as a log line by ``LogBuilder`` with
/// the id `e<n>` (its 1-based position in the log). Without a time, step n
/// happens n minutes after 2026-10-01T00:00:00Z, so steps apply in order.
struct Step: Sendable, Hashable, CustomStringConvertible {
    var type: String
    var account: String
    var time: String?
    var strings: [String: String] = [:]
    var integers: [String: Int] = [:]

    var description: String {
        let fields = (strings.map { "\($0.key)=\($0.value)" } + integers.map { "\($0.key)=\($0.value)" }).sorted()
        return "\(type)(\(fields.joined(separator: ", "))\(account == "acct_1" ? "" : ", account=\(account)"))"
    }

    static func created(_ app: String, _ flavor: String = "live", account: String = "acct_1", at time: String? = nil) -> Step {
        Step(type: "application.created", account: account, time: time, strings: ["app": app, "flavor": flavor])
    }

    static func flavorChanged(_ app: String, _ flavor: String, account: String = "acct_1", at time: String? = nil) -> Step {
        Step(type: "application.flavor_changed", account: account, time: time, strings: ["app": app, "flavor": flavor])
    }

    static func destroyed(_ app: String, account: String = "acct_1", at time: String? = nil) -> Step {
        Step(type: "application.destroyed", account: account, time: time, strings: ["app": app])
    }

    static func deployed(_ app: String, _ service: String, type: String = "python", instances: Int = 1, memoryMB: Int = 256,
                         account: String = "acct_1", at time: String? = nil) -> Step {
        Step(type: "service.deployed", account: account, time: time,
             strings: ["app": app, "service": service, "service_type": type],
             integers: ["instances": instances, "memory_mb": memoryMB])
    }

    static func scaled(_ app: String, _ service: String, instances: Int? = nil, memoryMB: Int? = nil,
                       account: String = "acct_1", at time: String? = nil) -> Step {
        var integers: [String: Int] = [:]
        integers["instances"] = instances
        integers["memory_mb"] = memoryMB
        return Step(type: "service.scaled", account: account, time: time, strings: ["app": app, "service": service],
                    integers: integers)
    }

    static func serviceDestroyed(_ app: String, _ service: String, account: String = "acct_1", at time: String? = nil) -> Step {
        Step(type: "service.destroyed", account: account, time: time, strings: ["app": app, "service": service])
    }

    static func domainAdded(_ app: String, _ service: String, _ domain: String, account: String = "acct_1",
                            at time: String? = nil) -> Step {
        Step(type: "domain.added", account: account, time: time, strings: ["app": app, "service": service, "domain": domain])
    }

    static func domainRemoved(_ app: String, _ domain: String, account: String = "acct_1", at time: String? = nil) -> Step {
        Step(type: "domain.removed", account: account, time: time, strings: ["app": app, "domain": domain])
    }

    static func sslEnabled(_ app: String, _ domain: String, account: String = "acct_1", at time: String? = nil) -> Step {
        Step(type: "ssl.enabled", account: account, time: time, strings: ["app": app, "domain": domain])
    }

    static func certificateUpdated(_ domain: String, account: String = "acct_1", at time: String? = nil) -> Step {
        Step(type: "ssl.certificate_updated", account: account, time: time, strings: ["domain": domain])
    }

    static func sslDisabled(_ domain: String, account: String = "acct_1", at time: String? = nil) -> Step {
        Step(type: "ssl.disabled", account: account, time: time, strings: ["domain": domain])
    }

    /// The time of step `index` (0-based) when it has none.
    static func defaultTime(_ index: Int) -> String {
        Timestamp(year: 2026, month: 10, day: 1)!.adding(seconds: Int64(index) * 60).description
    }

    /// `steps` as a log: ids `e1`, `e2`, … in order.
    static func log(_ steps: [Step]) -> LogBuilder {
        var log = LogBuilder()
        for (index, step) in steps.enumerated() {
            var fields: [String: Any] = step.strings
            for (key, value) in step.integers { fields[key] = value }
            log.add(step.type, at: step.time ?? defaultTime(index), id: "e\(index + 1)", account: step.account, fields)
        }
        return log
    }
}

/// A name of any kind, for expected values in tables (SPEC §2's rules hold for the texts used).
func named<Kind>(_ text: String) -> Name<Kind> {
    Name(unchecked: text)
}
