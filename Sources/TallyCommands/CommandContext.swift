import Foundation
import Tally
#if canImport(Glibc)
import Glibc
#endif

/// What a command gets from the process around it: its console, its
/// environment, standard input, the clock and whether the streams are
/// terminals. The executable passes the process's own; tests pass their own,
/// so a command runs the same either way.
public struct CommandContext: Sendable {
    /// Standard output (reports only) and standard error (everything else).
    public var console: Console
    /// Environment variables (`TALLY_RATES`, `TALLY_SPOOL_LIMIT`,
    /// `TALLY_PROGRESS_DELAY`, `LC_ALL`, `LC_CTYPE`, `LANG`).
    public var environment: [String: String]
    /// What a FILE of `-`, or no FILE, reads.
    public var standardInput: EventInput
    /// Which file standard input is (`fstat` of descriptor 0), so that an
    /// `--output` or `--rejects` that is that file is refused before it is
    /// overwritten; `nil` when unknown (closed, or a test's text).
    public var standardInputIdentity: FileIdentity?
    /// Now, for `--at` and `tally close` when not given (UTC, whole seconds).
    public var now: @Sendable () -> Timestamp
    /// Whether standard input is a terminal (then `tally invoice` without
    /// FILE says it is reading it).
    public var standardInputIsTerminal: Bool
    /// Whether standard error is a terminal (then long runs show progress).
    public var standardErrorIsTerminal: Bool
    /// A monotonic clock: the time since an arbitrary start, for how long a
    /// run has taken (the progress line). ``continuousClock`` by default;
    /// tests pass one they move themselves.
    public var monotonicClock: @Sendable () -> Duration

    /// The time since the first call, on `ContinuousClock` (never goes back).
    public static let continuousClock: @Sendable () -> Duration = {
        let origin = ContinuousClock.now
        return { ContinuousClock.now - origin }
    }()

    /// Makes a context.
    ///
    /// - Parameters:
    ///   - console: where output goes.
    ///   - environment: the variables commands read (`TALLY_RATES`,
    ///     `TALLY_SPOOL_LIMIT`, the locale's).
    ///   - standardInput: what `-`, or no FILE, reads.
    ///   - standardInputIdentity: which file standard input is, if known.
    ///   - now: the clock, UTC, whole seconds.
    ///   - standardInputIsTerminal: whether standard input is a terminal.
    ///   - standardErrorIsTerminal: whether standard error is a terminal.
    ///   - monotonicClock: time since an arbitrary start, for durations.
    public init(console: Console, environment: [String: String], standardInput: EventInput = .standardInput,
                standardInputIdentity: FileIdentity? = nil,
                now: @escaping @Sendable () -> Timestamp, standardInputIsTerminal: Bool = false,
                standardErrorIsTerminal: Bool = false,
                monotonicClock: @escaping @Sendable () -> Duration = CommandContext.continuousClock) {
        self.console = console
        self.environment = environment
        self.standardInput = standardInput
        self.standardInputIdentity = standardInputIdentity
        self.now = now
        self.standardInputIsTerminal = standardInputIsTerminal
        self.standardErrorIsTerminal = standardErrorIsTerminal
        self.monotonicClock = monotonicClock
    }

    /// Whether the locale's character set is UTF-8: the first of `LC_ALL`,
    /// `LC_CTYPE` and `LANG` that is set and not empty decides (POSIX
    /// precedence); it is UTF-8 when it names `UTF-8` or `utf8`, in any case.
    /// None set means the C locale, which is not. Otherwise messages and text
    /// reports are written in ASCII (README, "Command reference").
    public var isUTF8Locale: Bool {
        guard let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty })
        else { return false }
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }

    /// The running process's streams (and which file standard input is),
    /// environment and clock.
    public static func process() -> CommandContext {
        CommandContext(console: .standardStreams(), environment: ProcessInfo.processInfo.environment,
                       standardInputIdentity: FileIdentity(descriptor: STDIN_FILENO), now: { Timestamp(Date()) },
                       standardInputIsTerminal: isatty(STDIN_FILENO) == 1, standardErrorIsTerminal: isatty(STDERR_FILENO) == 1)
    }
}
