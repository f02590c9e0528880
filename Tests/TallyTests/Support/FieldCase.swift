import Testing
@testable import Tally

/// A row of a field-rule table (SPEC §2): one field written as raw JSON
/// (`nil`: left out) and the exact reason the line is rejected, or `nil`
/// when the line is accepted.
struct FieldCase: Sendable, CustomTestStringConvertible {
    var json: String?
    var expected: RejectionReason?

    init(_ json: String?, _ expected: RejectionReason?) {
        self.json = json
        self.expected = expected
    }

    /// Accepted.
    static func ok(_ json: String) -> FieldCase { FieldCase(json, nil) }

    var testDescription: String {
        let shown = json.map { $0.count > 40 ? String($0.prefix(37)) + "…(\($0.count))" : $0 } ?? "(missing)"
        return "\(shown) → \(expected.map { "\($0)" } ?? "accepted")"
    }
}
