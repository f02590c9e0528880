import Foundation
import Testing

/// Golden files for reports: `Tests/TallyTests/Golden/<name>`, compared with
/// a line diff on failure. Re-record on purpose with `TALLY_RECORD_GOLDEN=1 swift test`.
enum Golden {
    static let directory = Fixtures.root.appendingPathComponent("Tests/TallyTests/Golden")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TALLY_RECORD_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(try? String(contentsOf: url, encoding: .utf8),
                                    "missing golden file \(name); record it with TALLY_RECORD_GOLDEN=1 swift test",
                                    sourceLocation: sourceLocation)
        if actual != expected {
            Issue.record(Comment(rawValue: "\(name) differs from the golden file:\n" + diff(expected: expected, actual: actual)),
                         sourceLocation: sourceLocation)
        }
    }

    /// A readable line diff: `-` expected, `+` actual, with line numbers.
    static func diff(expected: String, actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var output = ""
        for index in 0..<max(old.count, new.count) {
            let left = index < old.count ? old[index] : nil
            let right = index < new.count ? new[index] : nil
            if left == right { continue }
            if let left { output += "-\(index + 1): \(left)\n" }
            if let right { output += "+\(index + 1): \(right)\n" }
        }
        return output
    }
}
