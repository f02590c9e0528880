/// One command of `tally`, e.g. `invoice` or `ssl quote` (README, "Command
/// reference"). The command line finds it by ``name``, prints its ``help``
/// for `tally help NAME` and `tally NAME --help`, and its ``synopsis`` after
/// a usage error.
protocol Command: Sendable {
    /// The words that name it after `tally`: `invoice`, `ssl quote`.
    var name: String { get }
    /// What it does, in one line of at most 100 characters, for the list of
    /// commands in `tally --help` or `tally ssl --help`.
    var summary: String { get }
    /// Its usage on one line, without `Usage: `, e.g.
    /// `tally invoice --month YYYY-MM [options] [FILE ...]`.
    var synopsis: String { get }
    /// Its full help: usage, what it does, every option, exit codes. ASCII,
    /// lines of at most 120 characters, ending without a newline.
    var help: String { get }

    /// Runs it with the arguments after its name (a request for help is
    /// handled before).
    ///
    /// - Returns: the exit code.
    /// - Throws: ``UsageError`` for a mistake on the command line (exit 64).
    func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode
}
