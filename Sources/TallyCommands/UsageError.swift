import Tally

/// A mistake on the command line (exit code 64): one case per kind of
/// mistake, each naming the argument at fault, so tests check messages in
/// process (README, "Command reference").
public enum UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `tally` without a command.
    case missingCommand
    /// A command `tally` does not have.
    case unknownCommand(String)
    /// A command that needs a subcommand (`ssl`) got none.
    case missingSubcommand(command: String)
    /// A subcommand the command does not have.
    case unknownSubcommand(command: String, given: String)
    /// An argument the command does not take, e.g. `--version extra`.
    case unexpectedArgument(command: String, given: String)
    /// An option the command does not take.
    case unknownOption(String)
    /// An option or flag given twice.
    case repeatedOption(String)
    /// An option given last, without its value.
    case missingValue(option: String)
    /// A required option left out; `placeholder` names its value, e.g. `YYYY-MM`.
    case missingOption(String, placeholder: String?)
    /// An option's value is not one it accepts; `expected` says what is.
    case invalidValue(option: String, value: String, expected: String)
    /// A name option breaks the rule of its field (SPEC §2).
    case invalidName(option: String, NameError)
    /// Options that can't be given together.
    case conflictingOptions([String])
    /// The positional arguments are not what the command takes.
    case wrongArguments(command: String, expected: String)
    /// An output file (`--output`, `--rejects`) can't be written where it is.
    case unusableOutput(option: String, path: String, problem: String)
    /// An output file is one of the inputs, which it would overwrite; an
    /// `input` of `-` is standard input.
    case outputIsInput(option: String, path: String, input: String)
    /// `--output` and `--rejects` name one file.
    case sameOutputs(path: String)
    /// An output file is inside the books of `--books` (or is their folder),
    /// a folder only Tally writes (README, "Closing a month").
    case outputInBooks(option: String, path: String, books: String, isFolder: Bool)
    /// `tally explain` has nothing to explain: no invoice, or no such line.
    case nothingToExplain(ExplainError)
    /// An environment variable's value is not one it accepts, e.g.
    /// `TALLY_SPOOL_LIMIT=4G`; `expected` says what is.
    case invalidEnvironment(variable: String, value: String, expected: String)

    /// Whether the command's one-line usage helps after the message: true for
    /// a mistake in how the command was written (an unknown, missing, repeated
    /// or malformed argument), false when the arguments are well formed but
    /// name a file that can't be written or nothing to explain.
    public var showsUsage: Bool {
        switch self {
        case .missingCommand, .unknownCommand, .missingSubcommand, .unknownSubcommand, .unexpectedArgument,
             .unknownOption, .repeatedOption, .missingValue, .missingOption, .invalidValue, .invalidName,
             .conflictingOptions, .wrongArguments:
            true
        case .unusableOutput, .outputIsInput, .sameOutputs, .outputInBooks, .nothingToExplain, .invalidEnvironment:
            false
        }
    }

    /// The message, in words, without the `tally: ` prefix.
    public var description: String {
        switch self {
        case .missingCommand:
            "a command is needed; run tally --help"
        case let .unknownCommand(command):
            "unknown command \(Self.shown(command)); run tally --help"
        case let .missingSubcommand(command):
            "\(command) needs a subcommand; run tally \(command) --help"
        case let .unknownSubcommand(command, given):
            "unknown \(command) subcommand \(Self.shown(given)); run tally \(command) --help"
        case let .unexpectedArgument(command, given):
            "\(command) takes no arguments, got \(Self.shown(given))"
        case let .unknownOption(option):
            "unknown option \(Self.shown(option))"
        case let .repeatedOption(option):
            "\(option) is given twice"
        case let .missingValue(option):
            "\(option) needs a value"
        case let .missingOption(option, placeholder):
            "\(option)\(placeholder.map { " " + $0 } ?? "") is required"
        case let .invalidValue(option, value, expected):
            "\(option) \(Printable.quoted(value)): expected \(expected)"
        case let .invalidName(option, error):
            "\(option): \(error)"
        case let .conflictingOptions(options):
            "\(options.joined(separator: " and ")) can't be combined; give at most one"
        case let .wrongArguments(command, expected):
            "\(command) takes \(expected)"
        case let .unusableOutput(option, path, problem):
            "\(option) \(Self.shown(path)): \(problem)"
        case let .outputIsInput(option, path, "-"):
            "\(option) \(Self.shown(path)) is standard input, the input log; write the report to another file"
        case let .outputIsInput(option, path, input):
            "\(option) \(Self.shown(path)) is the input log \(Self.shown(input)); write the report to another file"
        case let .sameOutputs(path):
            "--output and --rejects name the same file \(Self.shown(path)); give two files"
        case let .outputInBooks(option, path, books, isFolder):
            "\(option) \(Self.shown(path)) is \(isFolder ? "" : "inside ")the books folder \(Self.shown(books)), "
                + "which only Tally writes; write the report elsewhere"
        case let .nothingToExplain(error):
            "\(error)"
        case let .invalidEnvironment(variable, value, expected):
            "\(variable)=\(Printable.quoted(value)): expected \(expected)"
        }
    }

    /// `text` as typed when it is plain (printable ASCII, no space or quote),
    /// else quoted with control characters escaped, so nothing raw reaches
    /// the terminal.
    static func shown(_ text: String) -> String {
        let plain = !text.isEmpty && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
        return plain ? text : Printable.quoted(text)
    }
}
