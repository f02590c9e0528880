import Tally

/// The `tally` command line: finds the command, prints its help when asked,
/// runs it, and turns a usage error into its message, the command's one-line
/// usage and exit code 64 (README, "Command reference").
public enum TallyCommandLine {
    /// Every command, `ssl` and its subcommands included, in the order the
    /// help lists them.
    static let commands: [any Command] = [
        InvoiceCommand(), CloseCommand(), SummaryCommand(), UsageCommand(), ExplainCommand(), AccountCommand(), SSLCommand(),
    ] + SSLCommand.subcommands

    /// The one-line usage of `tally` itself.
    static let synopsis = "tally COMMAND [options]   (commands: "
        + commands.filter { !$0.name.contains(" ") }.map(\.name).joined(separator: ", ") + ")"

    /// The general help, `tally --help`: the commands with what they do.
    static var help: String {
        let topLevel = commands.filter { !$0.name.contains(" ") }
        let width = topLevel.map(\.name.count).max() ?? 0
        let list = topLevel.map { command in
            "  " + command.name + String(repeating: " ", count: width - command.name.count + 3) + command.summary
        }.joined(separator: "\n")
        return """
            Usage: tally COMMAND [options]

            Commands:
            \(list)

            Run tally help COMMAND (or tally COMMAND --help) for a command's options,
            e.g. tally help invoice, tally help ssl quote.
            Options: --help, --version
            """
    }

    /// Runs `tally` with `arguments` (without the program name).
    ///
    /// - Parameters:
    ///   - arguments: the command and its options, e.g. `["invoice", "--month", "2026-10", "events.jsonl"]`.
    ///   - context: the console, environment, standard input and clock to use.
    /// - Returns: the exit code (README, "Command reference"): 0, 64, 65, 66, 74, 75 or 78.
    public static func run(_ arguments: [String], context: CommandContext) -> ExitCode {
        context.console.writesASCIIMessages = !context.isUTF8Locale
        var command: (any Command)?
        do throws(UsageError) {
            switch arguments.first {
            case nil:
                context.console.error(help)
                return .usage
            case "--help", "-h":
                return context.emit(help + "\n")
            case "help":
                return try printHelp(of: arguments.dropFirst(), context)
            case "--version":
                if let extra = arguments.dropFirst().first { throw .unexpectedArgument(command: "--version", given: extra) }
                return context.emit("tally \(Tally.version)\n")
            case let name?:
                guard let (found, rest) = self.command(named: arguments[...]) else { throw .unknownCommand(name) }
                command = found
                if rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) {
                    return context.emit(found.help + "\n")
                }
                return try found.run(rest, context)
            }
        } catch {
            context.console.error("tally: \(error)")
            if error.showsUsage {
                if let command {
                    context.console.error("Usage: \(command.synopsis)\nRun tally help \(command.name) for every option.")
                } else if case .unknownCommand = error {
                    context.console.error("Usage: \(synopsis)")
                }
            }
            return .usage
        }
    }

    /// The command named by the longest run of leading words, e.g. `ssl
    /// quote` for `["ssl", "quote", "--account", …]`, and the arguments after
    /// its name; `nil` when the first word names no command.
    static func command(named words: ArraySlice<String>) -> (command: any Command, rest: ArraySlice<String>)? {
        var best: (command: any Command, length: Int)?
        for command in commands {
            let name = command.name.split(separator: " ").map(String.init)
            if words.starts(with: name), name.count > (best?.length ?? 0) { best = (command, name.count) }
        }
        return best.map { ($0.command, words.dropFirst($0.length)) }
    }

    /// Prints the help of the command named by `words` (`tally help ssl
    /// quote`), or the general help when there are none.
    ///
    /// - Throws: ``UsageError`` when the words name no command.
    static func printHelp(of words: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        guard let first = words.first else { return context.emit(help + "\n") }
        guard let (command, rest) = command(named: words) else { throw .unknownCommand(first) }
        if let extra = rest.first {
            if command is SSLCommand { throw .unknownSubcommand(command: "ssl", given: extra) }
            throw .unexpectedArgument(command: "help \(command.name)", given: extra)
        }
        return context.emit(command.help + "\n")
    }
}

extension CommandContext {
    /// Writes `text` to standard output.
    ///
    /// - Returns: `status`, or 74 after saying why when standard output can't be written.
    func emit(_ text: String, status: ExitCode = .success) -> ExitCode {
        do {
            try console.out(text)
            return status
        } catch {
            console.error("tally: \(error)")
            return .ioError
        }
    }
}
