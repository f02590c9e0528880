/// Why an event was not appended to the event log (README, "For the ticket
/// service"). In every case nothing was written.
public enum RecordingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The event breaks a rule at its instant (SPEC §2.2); CLI exit code 65.
    case refused(SSLRefusal)
    /// The `id` is already in the log on a line with different content
    /// (SPEC §2.1 would reject the new line); CLI exit code 65.
    case idInUse(EventID, by: SourceLocation)
    /// The event is dated before later events of the log, and recording it
    /// would make `count` of them break a rule (SPEC §2.2); `ownLines` lists
    /// those of the same account (others are only counted). CLI exit code 65.
    case wouldInvalidateLaterEvents(count: Int, ownLines: [SourceLocation])
    /// The log's last line has no newline, so another writer may be halfway
    /// through it; appending would glue two events together. CLI exit code 65.
    case incompleteLastLine(path: String)
    /// The log is missing, not a regular file (a FIFO, a device), or can't
    /// be read (CLI exit code 66).
    case input(InputError)
    /// The log can't be opened, locked, written or flushed (CLI exit code 74).
    case io(path: String, problem: String)
    /// Another writer held the log's lock for all of `waited` (the
    /// appender's lock timeout): nothing was written, and the same request
    /// can simply be retried (CLI exit code 75, a temporary failure).
    case lockTimeout(path: String, waited: Duration)

    /// The message, in words, for people and logs.
    public var description: String {
        switch self {
        case let .refused(refusal):
            "refused: \(refusal)"
        case let .idInUse(id, location):
            "refused: id \(Printable.quoted(id.text)) is already used by a different event at \(location); give another id, or none for a fresh one"
        case let .wouldInvalidateLaterEvents(count, ownLines):
            "refused: the event is dated before later events of the log, and \(count) of them would then break a rule"
                + (ownLines.isEmpty ? "" : " (this account's: \(ownLines.map(\.description).joined(separator: ", ")))")
                + "; record it at a later time, or fix the log first"
        case let .incompleteLastLine(path):
            "\(path): the last line has no newline (is another program writing the log?); nothing was written: check the log's end and try again"
        case let .input(error):
            "\(error)"
        case let .io(path, problem):
            "\(path): \(problem); nothing was written"
        case let .lockTimeout(path, waited):
            "\(path): another writer holds the log's lock (waited \(Self.seconds(waited)) s); nothing was written: retry in a moment"
        }
    }

    /// A duration in seconds, with up to three decimals (`30`, `0.5`).
    static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        let whole = String(milliseconds / 1000)
        let fraction = milliseconds % 1000
        guard fraction != 0 else { return whole }
        var decimals = String(fraction)
        decimals = String(repeating: "0", count: 3 - decimals.count) + decimals
        while decimals.hasSuffix("0") { decimals.removeLast() }
        return whole + "." + decimals
    }
}
