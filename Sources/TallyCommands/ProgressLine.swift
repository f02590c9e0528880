import Foundation
import Tally

/// The progress of a long read on standard error (README, "Command
/// reference"), updated in place and erased when the read ends:
///
///     tally: 1,234,567 lines, 150.2 of 310.5 MiB (48%), 612,345 lines/s, 0:02
///
/// Lines and bytes read, the share of the inputs' size when it is known (not
/// for standard input or a pipe), lines per second and the time elapsed. It
/// appears only once the run has taken ``delay`` (2 seconds by default,
/// `TALLY_PROGRESS_DELAY`), is redrawn at most every ``interval``, and is
/// ASCII, so it reads the same in every locale. A report costs a clock
/// reading when nothing is drawn: the pipeline reports every 65,536 lines.
final class ProgressLine: @unchecked Sendable {
    /// How long a run goes before progress shows, unless `TALLY_PROGRESS_DELAY` says otherwise.
    static let defaultDelay = Duration.seconds(2)
    /// The least time between two updates: at most four a second.
    static let interval = Duration.milliseconds(250)

    private let console: Console
    private let clock: @Sendable () -> Duration
    private let start: Duration
    /// How long the run goes before the line shows.
    let delay: Duration
    private let lock = NSLock()
    private var lastDrawn: Duration?

    /// A progress line on `console`'s standard error, timed by `clock` from now.
    init(console: Console, clock: @escaping @Sendable () -> Duration, delay: Duration = ProgressLine.defaultDelay) {
        self.console = console
        self.clock = clock
        self.delay = delay
        start = clock()
    }

    /// The progress line of a command, or `nil` when there is to be none:
    /// with `--quiet`, or when standard error is not a terminal.
    ///
    /// - Throws: ``UsageError/invalidEnvironment(variable:value:expected:)``
    ///   when `TALLY_PROGRESS_DELAY` is not a whole number of seconds.
    static func make(_ parsed: Arguments, _ context: CommandContext) throws(UsageError) -> ProgressLine? {
        var delay = defaultDelay
        if let text = context.environment["TALLY_PROGRESS_DELAY"], !text.isEmpty {
            guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let seconds = Int64(text) else {
                throw .invalidEnvironment(variable: "TALLY_PROGRESS_DELAY", value: text,
                                          expected: "a whole number of seconds before progress shows, e.g. 0 (default 2)")
            }
            delay = .seconds(seconds)
        }
        guard context.standardErrorIsTerminal, !parsed.has("--quiet") else { return nil }
        return ProgressLine(console: context.console, clock: context.monotonicClock, delay: delay)
    }

    /// What the pipeline calls with its progress (``BillingPipeline/progress``).
    var callback: @Sendable (ReadProgress) -> Void {
        { [self] progress in report(progress) }
    }

    /// Draws `progress` when the run has gone on long enough and the last
    /// update is old enough.
    func report(_ progress: ReadProgress) {
        let now = clock()
        let elapsed = now - start
        let draws = lock.withLock { () -> Bool in
            guard elapsed >= delay else { return false }
            if let lastDrawn, now - lastDrawn < Self.interval { return false }
            lastDrawn = now
            return true
        }
        if draws { console.showStatus(Self.text(progress, elapsed: elapsed)) }
    }

    /// Erases the line, if it was drawn; call when the read is over.
    func finish() {
        console.clearStatus()
    }

    /// `tally: 1,234,567 lines, 150.2 of 310.5 MiB (48%), 612,345 lines/s, 0:02`;
    /// without a known size, `tally: 1,234,567 lines, 150.2 MiB, 612,345 lines/s, 0:02`.
    static func text(_ progress: ReadProgress, elapsed: Duration) -> String {
        let milliseconds = max(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000, 1)
        let rate = Int64(progress.lines) * 1000 / milliseconds
        var text = "tally: \(Counted.count(progress.lines, "line")), "
        if let total = progress.totalBytes, total > 0, progress.bytes <= total {
            text += "\(mebibytes(progress.bytes)) of \(mebibytes(total)) MiB (\(progress.bytes * 100 / total)%), "
        } else {
            text += "\(mebibytes(progress.bytes)) MiB, "
        }
        return text + "\(Counted.grouped(rate)) lines/s, \(clockText(elapsed.components.seconds))"
    }

    /// Bytes in MiB to 0.1, rounded down: `150.2`, `1,529.3`.
    static func mebibytes(_ bytes: Int64) -> String {
        let tenths = max(bytes, 0) * 10 / (1 << 20)
        return "\(Counted.grouped(tenths / 10)).\(tenths % 10)"
    }

    /// Seconds as `0:02`, `12:34` or `1:02:03`.
    static func clockText(_ seconds: Int64) -> String {
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let hours = seconds / 3600
        let minutes = seconds / 60 % 60
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(seconds % 60))" : "\(minutes):\(two(seconds % 60))"
    }
}
