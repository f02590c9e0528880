import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An event-log file opened for appending (`O_APPEND`) and held under an
/// exclusive advisory lock (`flock(LOCK_EX)`) until it goes out of scope
/// (issue 4). Every writer that appends through Tally takes the lock before
/// it replays the log and keeps it until its line is on disk, so two
/// processes can't both validate against the same log and then both write.
/// `flock` locks belong to the open file description: two opens in one
/// process exclude each other too.
struct LockedLogFile: ~Copyable {
    let path: String
    private let descriptor: Int32

    /// Opens `path` for appending and waits for the exclusive lock.
    ///
    /// - Throws: ``RecordingError/input(_:)`` when the file does not exist or
    ///   is a directory; ``RecordingError/io(path:problem:)`` when it can't be
    ///   opened for writing or locked.
    init(path: String) throws(RecordingError) {
        self.path = path
        let opened = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        guard opened >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw .input(InputError(name: path, problem: "no such file; check the path"))
            case EISDIR: throw .input(InputError(name: path, problem: "is a directory, not an event-log file"))
            default: throw .io(path: path, problem: "cannot be opened for appending: \(Self.message(code))")
            }
        }
        var result: Int32
        repeat {
            result = flock(opened, LOCK_EX)
        } while result != 0 && errno == EINTR
        guard result == 0 else {
            let code = errno
            close(opened)
            throw .io(path: path, problem: "cannot be locked: \(Self.message(code))")
        }
        descriptor = opened
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
