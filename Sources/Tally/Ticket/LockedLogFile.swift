import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An event-log file opened for appending (`O_APPEND`) and held under an
/// exclusive advisory lock (`flock(LOCK_EX)`) until it goes out of scope. It
/// must be a regular file, and the lock is waited for at most a given time
/// (README, "For the ticket service"). Every writer that appends through
/// Tally takes the lock before it replays the log and keeps it until its
/// line is on disk, so two processes can't both validate against the same
/// log and then both write.
/// `flock` locks belong to the open file description: two opens in one
/// process exclude each other too.
struct LockedLogFile: ~Copyable {
    let path: String
    private let descriptor: Int32

    /// Opens `path` for appending and waits for the exclusive lock, at most
    /// `lockTimeout`.
    ///
    /// The file is opened without blocking (`O_NONBLOCK`) and must be a
    /// regular file: a FIFO, a device or a socket would make the replay (or
    /// the open itself) wait forever. The lock is tried (`LOCK_NB`) every few
    /// milliseconds until it is free or the time is up.
    ///
    /// - Parameters:
    ///   - path: the event-log file.
    ///   - lockTimeout: how long to wait for another writer's lock; zero tries once.
    ///   - cancelled: asked between tries; when it says yes the wait ends
    ///     with ``RecordingError/cancelled`` (a task's cancellation).
    /// - Throws: ``RecordingError/input(_:)`` when the file does not exist or
    ///   is not a regular file; ``RecordingError/lockTimeout(path:waited:)``
    ///   when another writer held the lock all along;
    ///   ``RecordingError/io(path:problem:)`` when it can't be opened for
    ///   writing or locked.
    init(path: String, lockTimeout: Duration = EventLogAppender.defaultLockTimeout,
         cancelled: () -> Bool = { false }) throws(RecordingError) {
        self.path = path
        let opened = open(path, O_RDWR | O_APPEND | O_CLOEXEC | O_NONBLOCK)
        guard opened >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw .input(InputError(name: path, problem: "no such file; check the path"))
            case EISDIR: throw .input(InputError(name: path, problem: "is a directory, not an event-log file"))
            case ENXIO: throw .input(InputError(name: path, problem: Self.notRegular("a socket or a FIFO without a reader")))
            default: throw .io(path: path, problem: "cannot be opened for appending: \(Self.message(code))")
            }
        }
        var status = stat()
        guard fstat(opened, &status) == 0 else {
            let code = errno
            close(opened)
            throw .io(path: path, problem: "cannot be examined: \(Self.message(code))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(opened)
            throw .input(InputError(name: path, problem: Self.notRegular(Self.kind(of: status.st_mode))))
        }
        // A regular file never blocks; the flag is cleared all the same.
        _ = fcntl(opened, F_SETFL, fcntl(opened, F_GETFL) & ~O_NONBLOCK)

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: max(lockTimeout, .zero))
        var pause = Duration.milliseconds(2)
        while flock(opened, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(opened)
                throw .io(path: path, problem: "cannot be locked: \(Self.message(code))")
            }
            if code == EINTR { continue }
            if cancelled() {
                close(opened)
                throw .cancelled
            }
            let now = clock.now
            guard now < deadline else {
                close(opened)
                throw .lockTimeout(path: path, waited: lockTimeout)
            }
            let nap = min(pause, deadline - now)
            usleep(UInt32(clamping: nap.components.seconds * 1_000_000 + nap.components.attoseconds / 1_000_000_000_000))
            pause = min(pause * 2, .milliseconds(100))
        }
        descriptor = opened
    }

    /// Checks, without opening it, that `path` is an existing regular file:
    /// reading a FIFO or a device would wait forever.
    ///
    /// - Throws: ``RecordingError/input(_:)`` saying what the file is instead.
    static func checkedRegularFile(_ path: String) throws(RecordingError) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            if code == ENOENT { throw .input(InputError(name: path, problem: "no such file; check the path")) }
            throw .io(path: path, problem: "cannot be examined: \(message(code))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            if status.st_mode & S_IFMT == S_IFDIR { throw .input(InputError(name: path, problem: "is a directory, not an event-log file")) }
            throw .input(InputError(name: path, problem: notRegular(kind(of: status.st_mode))))
        }
        return path
    }

    /// The problem of a log that is not a regular file.
    private static func notRegular(_ kind: String) -> String {
        "is \(kind), not a regular file; the event log appended to must be a regular file: give the log's own path"
    }

    /// What kind of file `mode` describes, in words.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a directory"
        case S_IFLNK: "a symbolic link"
        default: "a special file"
        }
    }

    deinit {
        _ = flock(descriptor, LOCK_UN)
        _ = close(descriptor)
    }

    /// Whether the file is empty or its last byte is a newline.
    func endsWithNewline() throws(RecordingError) -> Bool {
        let size = try self.size()
        guard size > 0 else { return true }
        var last: UInt8 = 0
        guard pread(descriptor, &last, 1, off_t(size - 1)) == 1 else {
            throw .io(path: path, problem: "read failed: \(Self.message(errno))")
        }
        return last == UInt8(ascii: "\n")
    }

    /// Appends `bytes` with one `write()` and flushes them to disk (`fsync`)
    /// before returning. On failure the file is cut back to its old length.
    func append(_ bytes: [UInt8]) throws(RecordingError) {
        let sizeBefore = try size()
        var written: Int
        repeat {
            written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        } while written < 0 && errno == EINTR
        if written != bytes.count {
            let problem = written < 0 ? Self.message(errno) : "only \(written) of \(bytes.count) bytes written"
            _ = ftruncate(descriptor, off_t(sizeBefore))
            throw .io(path: path, problem: "write failed: \(problem)")
        }
        guard fsync(descriptor) == 0 else {
            let problem = Self.message(errno)
            _ = ftruncate(descriptor, off_t(sizeBefore))
            throw .io(path: path, problem: "flushing to disk failed: \(problem)")
        }
    }

    private func size() throws(RecordingError) -> Int64 {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .io(path: path, problem: "cannot be examined: \(Self.message(errno))")
        }
        return Int64(status.st_size)
    }

    private static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
