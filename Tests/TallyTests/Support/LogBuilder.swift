import Foundation
@testable import Tally

/// Builds event logs for tests, one JSON line per event, with ids `e1`, `e2`, …
/// unless given.
struct LogBuilder {
    private(set) var lines: [String] = []
    var account = "acct_1"

    init(account: String = "acct_1") {
        self.account = account
    }

    /// Adds an event of `type` at `time` with the common fields and `fields`.
    @discardableResult
    mutating func add(_ type: String, at time: String, id: String? = nil, account: String? = nil,
                      _ fields: [String: Any] = [:]) -> String {
        var object = fields
        object["id"] = id ?? "e\(lines.count + 1)"
        object["time"] = time
        object["type"] = type
        object["account"] = account ?? self.account
        let line = Self.json(object)
        lines.append(line)
        return line
    }

    /// Adds a raw line as it is.
    mutating func addRaw(_ line: String) {
        lines.append(line)
    }

    mutating func createApp(_ app: String, _ flavor: String = "live", at time: String, account: String? = nil) {
        add("application.created", at: time, account: account, ["app": app, "flavor": flavor])
    }

    mutating func deploy(_ app: String, _ service: String, type: String = "python", instances: Int, memoryMB: Int,
                         at time: String, account: String? = nil) {
        add("service.deployed", at: time, account: account,
            ["app": app, "service": service, "service_type": type, "instances": instances, "memory_mb": memoryMB])
    }

    /// The log as JSON Lines text.
    var text: String { lines.map { $0 + "\n" }.joined() }

    /// The log as an input named `name`.
    func input(name: String = "test.jsonl") -> EventInput { .text(text, name: name) }

    /// A JSON object with sorted keys on one line.
    static func json(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
