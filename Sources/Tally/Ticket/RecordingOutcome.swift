/// What ``EventLogAppender/record(_:for:at:id:)`` did (README, "For the ticket
/// service").
public enum RecordingOutcome: Sendable, Hashable {
    /// The event was validated and appended as one line, flushed to disk.
    case recorded(Event)
    /// The log already holds this event: same `id`, same content (a retry).
    /// Nothing was written.
    case alreadyRecorded(Event)

    /// The event recorded now or earlier.
    public var event: Event {
        switch self {
        case let .recorded(event), let .alreadyRecorded(event): event
        }
    }
}
