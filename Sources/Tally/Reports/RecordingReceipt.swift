/// What recording an SSL event did (`tally ssl enable`, `update`, `disable`;
/// README "For the ticket service"): the outcome of
/// ``EventLogAppender/record(_:for:at:id:)`` and the log it went to. Render
/// with ``text()`` or ``json()``.
public struct RecordingReceipt: Report, Hashable {
    /// Recorded now, or already in the log (a retry).
    public let outcome: RecordingOutcome
    /// The event log appended to, as given.
    public let log: String

    /// Makes a receipt.
    public init(_ outcome: RecordingOutcome, log: String) {
        self.outcome = outcome
        self.log = log
    }

    /// One line: `recorded: TYPE for DOMAIN, account A, at TIME, id ID;
    /// appended to LOG`, or `already recorded: id ID is in LOG with the same
    /// content; nothing written`.
    public func text() -> String {
        let event = outcome.event
        var subject = "\(event.type) for \(Self.domain(of: event.action))"
        if case let .sslEnabled(app, _) = event.action { subject += " (application \(app))" }
        return switch outcome {
        case .recorded:
            ReportText.fitted("recorded: \(subject), account \(event.account), at \(event.time), id \(event.id); appended to \(log)\n")
        case .alreadyRecorded:
            ReportText.fitted("already recorded: id \(event.id) is in \(log) with the same content; nothing written\n")
        }
    }

    /// The receipt as one JSON document: `outcome` (`recorded` or
    /// `already_recorded`), `log`, and `event` with `id`, `time`, `type`,
    /// `account`, `domain` and, for `ssl.enabled`, `app`.
    public func json() -> String {
        let event = outcome.event
        var app: String?
        if case let .sslEnabled(name, _) = event.action { app = name.text }
        let outcomeName = switch outcome {
        case .recorded: "recorded"
        case .alreadyRecorded: "already_recorded"
        }
        return ReportText.json(ReceiptDocument(
            outcome: outcomeName, log: log,
            event: .init(id: event.id.text, time: event.time.description, type: event.type.rawValue,
                         account: event.account.text, app: app, domain: Self.domain(of: event.action))))
    }

    private static func domain(of action: EventAction) -> String {
        switch action {
        case let .sslEnabled(_, domain), let .sslCertificateUpdated(domain), let .sslDisabled(domain): domain.text
        default: "-"
        }
    }
}

struct ReceiptDocument: Encodable {
    struct EventDocument: Encodable {
        var id: String
        var time: String
        var type: String
        var account: String
        var app: String?
        var domain: String
    }

    var outcome: String
    var log: String
    var event: EventDocument
}
