import Tally

/// `tally ssl enable`, `update` and `disable`: check, then append the event
/// to the log (README, "For the ticket service").
struct SSLRecordCommand: Command {
    /// Which event the command records.
    enum Kind: String, Sendable {
        /// `ssl.enabled`.
        case enable
        /// `ssl.certificate_updated`.
        case update
        /// `ssl.disabled`.
        case disable
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    var name: String { "ssl \(kind.rawValue)" }

    var summary: String {
        switch kind {
        case .enable: "check, then append ssl.enabled to LOG"
        case .update: "check, then append ssl.certificate_updated to LOG (never changes the bill)"
        case .disable: "check, then append ssl.disabled to LOG (billing ends at TIME)"
        }
    }

    var synopsis: String {
        let app = kind == .enable ? "--app X" : "[--app X]"
        return "tally \(name) --account A \(app) --domain D [--at TIME] [--id ID] [--backdate] [options] LOG"
    }

    var help: String {
        let app = switch kind {
        case .enable: "the application (required)"
        case .update, .disable: "a guard: the edge must have been enabled for application X"
        }
        let event = switch kind {
        case .enable: "ssl.enabled: custom-domain SSL for domain D of application X, billed from TIME"
        case .update: "ssl.certificate_updated for domain D; it never changes the bill"
        case .disable: "ssl.disabled for domain D; the edge's billing ends at TIME"
        }
        return """
            Usage: \(synopsis)

            Checks the request against the log replayed up to TIME with the month-end
            run's rules, then appends one event to the single file LOG, under an
            exclusive lock held only for the append, flushed to disk:
              \(event).
            A request that breaks a rule is refused and nothing is written.

            Options:
            \(SSLCommand.ledgerOptionsHelp)
              --app X           \(app)
              --domain D        the custom domain (required)
              --id ID           the event's id (default: a fresh tally-<uuid>); with an id, a
                                retry that is already in LOG writes nothing and says so
              --backdate        TIME may be in a closed month (with --books): the backdating
                                is deliberate; the next invoice carries the adjustment
              --lock-timeout SECONDS
                                how long to wait for another writer's lock on LOG
                                (default 30; 0 tries once)
              --format FORMAT   text (default) or json
              -h, --help        show this help

            LOG must be a regular file. With --books, an event dated in a closed month
            is refused unless --backdate is given.

            Exit codes: 0 recorded (or already recorded), 64 usage error, 65 refused
            (nothing written), 66 LOG missing, unreadable or not a regular file, 74 LOG
            can't be written, 75 another writer held LOG's lock past --lock-timeout
            (retry).
            """
    }

    func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(arguments, options: ["--account", "--app", "--domain", "--at", "--id", "--format", "--lock-timeout",
                                                        "--books"],
                                   flags: ["--backdate"])
        let account = try LedgerQuery.account(parsed)
        let instant = try LedgerQuery.instant(parsed, context)
        let app: ApplicationName? = try LedgerQuery.optionalName("--app", parsed)
        let domain: DomainName = try LedgerQuery.name("--domain", parsed)
        let id: EventID? = try LedgerQuery.optionalName("--id", parsed)
        let format = try ReportCommand.format(parsed, for: RecordingReceipt.self)
        let lockTimeout = try Self.lockTimeout(parsed)
        guard parsed.positionals.count == 1, let path = parsed.positionals.first, path != "-" else {
            throw .wrongArguments(command: name, expected: "one event-log file to append to: give its path (not -) once")
        }
        let action: SSLAction
        switch kind {
        case .enable:
            guard let app else { throw .missingOption("--app", placeholder: "X") }
            action = .enable(application: app, domain: domain)
        case .update:
            action = .updateCertificate(domain: domain, application: app)
        case .disable:
            action = .disable(domain: domain, application: app)
        }
        let outcome: RecordingOutcome
        do {
            outcome = try EventLogAppender(path: path, lockTimeout: lockTimeout)
                .record(action, for: account, at: instant, id: id, books: parsed["--books"], backdate: parsed.has("--backdate"))
        } catch {
            context.console.error("tally: \(error)")
            switch error {
            case .refused, .idInUse, .wouldInvalidateLaterEvents, .incompleteLastLine, .closedMonth: return .dataError
            case .input: return .noInput
            case .io: return .ioError
            case .lockTimeout, .cancelled: return .temporaryFailure
            }
        }
        return context.emit(try ReportCommand.render(RecordingReceipt(outcome, log: path), as: format, context))
    }

    /// `--lock-timeout SECONDS`: whole seconds or a decimal (`0.5`), at most a
    /// day; else the appender's default, 30 seconds.
    static func lockTimeout(_ parsed: Arguments) throws(UsageError) -> Duration {
        guard let text = parsed["--lock-timeout"] else { return EventLogAppender.defaultLockTimeout }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits = { (part: Substring) in !part.isEmpty && part.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
        guard parts.allSatisfy(isDigits), parts.count < 2 || parts[1].count <= 3,
              let seconds = Int64(parts[0]), seconds <= 86_400
        else {
            throw .invalidValue(option: "--lock-timeout", value: text, expected: "a number of seconds from 0 to 86400, e.g. 30 or 0.5")
        }
        let milliseconds = parts.count == 2 ? Int64(parts[1] + String(repeating: "0", count: 3 - parts[1].count)) ?? 0 : 0
        return .seconds(seconds) + .milliseconds(milliseconds)
    }
}
