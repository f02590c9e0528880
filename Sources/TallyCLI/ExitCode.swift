/// The exit codes of `tally` (sysexits.h), as the README lists them.
enum ExitCode: Int32 {
    /// Success.
    case success = 0
    /// The command line is wrong; the message names the bad argument.
    case usage = 64
    /// At least one line of the event log was rejected (reports still printed).
    case dataError = 65
    /// An input file is missing or unreadable.
    case noInput = 66
    /// An output file (`--rejects`, `--output`, the event log appended to) could not be written.
    case ioError = 74
    /// A rate card can't be used (configuration error).
    case configuration = 78
}

/// A command-line mistake: exit code 64 and this message on standard error.
struct UsageError: Error {
    let message: String
}

/// An output file that failed part-way: exit code 74 and this message.
struct OutputError: Error {
    let message: String
}
