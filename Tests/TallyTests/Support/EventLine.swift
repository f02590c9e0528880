import Foundation

/// One event-log line for field-rule tables: a valid event of a type, with
/// any field replaced by raw JSON text (so a test can write `64.0`, `"2"`,
/// `true` or an escape exactly) or removed. Keys keep a fixed order:
/// `id`, `time`, `type`, `account`, then the type's fields, then added ones.
enum EventLine {
    /// The fields of a valid event of `type`, as raw JSON values.
    static func fields(_ type: String) -> [(key: String, json: String)] {
        let common = [("id", #""e1""#), ("time", #""2026-10-01T00:00:00Z""#), ("type", "\"\(type)\""), ("account", #""acct_1""#)]
        let specific: [(String, String)]
        switch type {
        case "application.created", "application.flavor_changed":
            specific = [("app", #""shop""#), ("flavor", #""live""#)]
        case "application.destroyed":
            specific = [("app", #""shop""#)]
        case "service.deployed":
            specific = [("app", #""shop""#), ("service", #""www""#), ("service_type", #""python""#),
                        ("instances", "2"), ("memory_mb", "256")]
        case "service.scaled":
            specific = [("app", #""shop""#), ("service", #""www""#), ("instances", "3"), ("memory_mb", "512")]
        case "service.destroyed":
            specific = [("app", #""shop""#), ("service", #""www""#)]
        case "domain.added":
            specific = [("app", #""shop""#), ("service", #""www""#), ("domain", #""www.example.org""#)]
        case "domain.removed", "ssl.enabled":
            specific = [("app", #""shop""#), ("domain", #""www.example.org""#)]
        default:
            specific = [("domain", #""www.example.org""#)]
        }
        return (common + specific).map { (key: $0.0, json: $0.1) }
    }

    /// A valid line of `type` with `changes` applied: a key mapped to raw JSON
    /// replaces or adds the field, a key mapped to `nil` removes it.
    static func make(_ type: String, _ changes: KeyValuePairs<String, String?> = [:]) -> String {
        var members = fields(type)
        for (key, json) in changes {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let json { members[index].json = json } else { members.remove(at: index) }
            } else if let json {
                members.append((key, json))
            }
        }
        return "{" + members.map { "\"\($0.key)\":\($0.json)" }.joined(separator: ",") + "}"
    }

    /// A valid line of `type` with one field set to raw JSON (`nil`: removed).
    static func make(_ type: String, _ key: String, _ json: String?) -> String {
        make(type, [key: json])
    }

    /// A JSON string literal holding `text`, escaping only `"` and `\`.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
