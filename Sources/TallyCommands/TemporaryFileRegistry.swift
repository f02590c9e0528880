#if canImport(Glibc)
import Glibc
#endif

/// The temporary files `tally` is writing (`--output`, `--rejects`), to be
/// deleted if the process is interrupted: installed by the executable, a
/// handler for SIGINT, SIGTERM and SIGHUP deletes every registered file, then
/// lets the signal end the process as it would have (README, "Command
/// reference": no temporary file is left behind). Error paths delete their
/// own files; this covers the signals.
///
/// The handler only calls `unlink`, `signal` and `raise`, which are safe in a
/// signal handler: paths are kept as C strings in a fixed table, changed with
/// the signals blocked.
public enum TemporaryFileRegistry {
    /// How many files can be registered at once; `tally` writes at most two.
    static let capacity = 16

    /// The registered paths (C strings owned by the table), `nil` for a free slot.
    nonisolated(unsafe) fileprivate static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()

    /// The signals that delete the registered files.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handler for SIGINT, SIGTERM and SIGHUP (a signal the
    /// process was started ignoring stays ignored), and unblocks them: a
    /// launcher may pass on a signal mask that blocks them, and a blocked
    /// SIGTERM would neither end the process nor clean up. Call once, from
    /// the executable, before running a command.
    public static func installSignalHandlers() {
        _ = slots   // initialised now, never inside the handler
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in signals {
            let previous = Glibc.signal(signal, handleSignal)
            if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                _ = Glibc.signal(signal, SIG_IGN)
            }
            sigaddset(&handled, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    }

    /// Registers `path` to be deleted if a signal ends the process.
    ///
    /// - Returns: the slot to pass to ``unregister(_:)``, or `nil` when the
    ///   table is full (the file is then only deleted on error paths).
    static func register(_ path: String) -> Int? {
        withSignalsBlocked {
            for index in 0..<capacity where slots[index] == nil {
                slots[index] = strdup(path)
                return index
            }
            return nil
        }
    }

    /// Forgets a registered path (the file was renamed into place or deleted).
    static func unregister(_ slot: Int?) {
        guard let slot, slot >= 0, slot < capacity else { return }
        withSignalsBlocked {
            let path = slots[slot]
            slots[slot] = nil
            free(path)
        }
    }

    /// The registered paths, for tests.
    static var registeredPaths: [String] {
        withSignalsBlocked { (0..<capacity).compactMap { slots[$0].map { String(cString: $0) } } }
    }

    /// Runs `body` with SIGINT, SIGTERM and SIGHUP blocked on this thread, so
    /// the handler never sees the table half changed.
    private static func withSignalsBlocked<Result>(_ body: () -> Result) -> Result {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in signals { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return body()
    }
}

/// Deletes the registered files, then ends the process with the signal's
/// default action (the exit status shows the signal, as without a handler).
private func handleSignal(_ signal: Int32) {
    for index in 0..<TemporaryFileRegistry.capacity {
        if let path = TemporaryFileRegistry.slots[index] { _ = unlink(path) }
    }
    _ = Glibc.signal(signal, SIG_DFL)
    _ = raise(signal)
}
