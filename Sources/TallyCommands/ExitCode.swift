/// The exit codes of `tally` (sysexits.h), as the README lists them.
public enum ExitCode: Int32, Sendable {
    /// Success.
    case success = 0
    /// The command line is wrong; the message names the bad argument.
    case usage = 64
    /// At least one line of the event log was rejected, an invoice is held, or
    /// an SSL request was refused (reports still printed).
    case dataError = 65
    /// An input file is missing or unreadable.
    case noInput = 66
    /// A figure does not fit in 64 bits (an amount, or the MB-seconds of a
    /// report's total): nothing printed.
    case overflow = 70
    /// An output (standard output, `--output`, `--rejects`, the event log
    /// appended to, the books) could not be written.
    case ioError = 74
    /// A temporary failure: another writer holds the event log's lock; retry.
    case temporaryFailure = 75
    /// A rate card can't be used (configuration error).
    case configuration = 78
}

/// An output that failed part-way: exit code 74 and this message.
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed, naming the output.
    public let message: String

    /// Makes an error.
    public init(message: String) {
        self.message = message
    }

    /// The message, in words.
    public var description: String { message }
}
