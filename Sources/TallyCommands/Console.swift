import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a command's output goes: standard output carries only the report,
/// standard error everything else. The process's own streams for `tally`;
/// memory for tests, which run commands in process.
public final class Console: @unchecked Sendable {
    private enum Stream {
        case descriptor(Int32)
        case memory
    }

    private let output: Stream
    private let error: Stream
    private let lock = NSLock()
    private var capturedOutput = Data()
    private var capturedError = Data()
    /// Error lines not yet written: a log of a million bad lines should not
    /// cost a million system calls.
    private var pendingError = Data()
    private var asciiOnly = false
    /// Characters of the status line shown on standard error (see
    /// ``showStatus(_:)``); 0 when none is shown.
    private var statusWidth = 0

    private init(output: Stream, error: Stream) {
        self.output = output
        self.error = error
    }

    /// The process's standard output and standard error.
    public static func standardStreams() -> Console {
        Console(output: .descriptor(STDOUT_FILENO), error: .descriptor(STDERR_FILENO))
    }

    /// A console that keeps what is written, for tests: read it back with
    /// ``standardOutput`` and ``standardError``.
    public static func capturing() -> Console {
        Console(output: .memory, error: .memory)
    }

    /// What was written to standard output (capturing consoles only).
    public var standardOutput: String {
        lock.withLock { String(decoding: capturedOutput, as: UTF8.self) }
    }

    /// What was written to standard error (capturing consoles only).
    public var standardError: String {
        flushErrors()
        return lock.withLock { String(decoding: capturedError, as: UTF8.self) }
    }

    /// Writes `text` to standard output.
    ///
    /// - Throws: ``OutputError`` when standard output can't take it (a full
    ///   disk, `/dev/full`, a closed pipe): the command exits 74.
    public func out(_ text: String) throws(OutputError) {
        flushErrors()
        clearStatus()
        try write(Data(text.utf8), toOutput: true)
    }

    /// Writes `bytes` (UTF-8 text, or a piece of it) to standard output.
    ///
    /// - Throws: ``OutputError`` as ``out(_:)``.
    public func out(bytes: UnsafeRawBufferPointer) throws(OutputError) {
        flushErrors()
        clearStatus()
        try write(Data(bytes), toOutput: true)
    }

    /// Shows `text` (one line of ASCII, no line feed) as the status line of
    /// standard error, replacing the one shown: a carriage return, the
    /// text, and spaces over what is left of a longer line before it. Lines
    /// waiting to be written are written first. Anything else written to
    /// either stream erases the status line first (see ``clearStatus()``);
    /// the next status shows it again.
    public func showStatus(_ text: String) {
        flushErrors()
        let line = lock.withLock { () -> String in
            let padding = String(repeating: " ", count: max(statusWidth - text.count, 0))
            statusWidth = text.count
            return "\r" + text + padding
        }
        try? write(Data(line.utf8), toOutput: false)
    }

    /// Erases the status line, if one is shown: a carriage return, spaces
    /// over it, and a carriage return, which leaves the cursor where the
    /// line began.
    public func clearStatus() {
        let erasure = lock.withLock { () -> String? in
            guard statusWidth > 0 else { return nil }
            defer { statusWidth = 0 }
            return "\r" + String(repeating: " ", count: statusWidth) + "\r"
        }
        if let erasure { try? write(Data(erasure.utf8), toOutput: false) }
    }

    /// Whether messages on standard error are written in ASCII, the
    /// typographic characters replaced (`–` with `-`, `…` with `...`): set by
    /// the command line when the locale is not UTF-8.
    public var writesASCIIMessages: Bool {
        get { lock.withLock { asciiOnly } }
        set { lock.withLock { asciiOnly = newValue } }
    }

    /// Writes `text` to standard error, adding a newline when it has none.
    /// Failures are ignored: there is nowhere left to report them.
    public func error(_ text: String) {
        let text = writesASCIIMessages ? ASCIIText.fallback(text) : text
        lock.withLock {
            pendingError.append(contentsOf: text.utf8)
            if !text.hasSuffix("\n") { pendingError.append(0x0A) }
        }
        flushErrors()
    }

    /// Adds a line to standard error, written 64 KiB at a time; call
    /// ``flushErrors()`` when a batch ends.
    public func errorLine(_ text: String) {
        let full = lock.withLock { () -> Bool in
            let text = asciiOnly ? ASCIIText.fallback(text) : text
            pendingError.append(contentsOf: text.utf8)
            pendingError.append(0x0A)
            return pendingError.count >= 1 << 16
        }
        if full { flushErrors() }
    }

    /// Writes the lines ``errorLine(_:)`` keeps, after erasing the status line.
    public func flushErrors() {
        let pending = lock.withLock { () -> Data in
            defer { pendingError.removeAll(keepingCapacity: true) }
            return pendingError
        }
        guard !pending.isEmpty else { return }
        clearStatus()
        try? write(pending, toOutput: false)
    }

    private func write(_ data: Data, toOutput: Bool) throws(OutputError) {
        let name = toOutput ? "standard output" : "standard error"
        switch toOutput ? output : error {
        case .memory:
            lock.withLock {
                if toOutput { capturedOutput.append(data) } else { capturedError.append(data) }
            }
        case let .descriptor(descriptor):
            let failure = data.withUnsafeBytes { SystemCall.write($0, to: descriptor) }
            if failure != 0 {
                throw OutputError(message: "\(name): write failed: \(SystemCall.reason(failure))")
            }
        }
    }
}
