import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private copy of an input that can't be read twice — standard input, a
/// pipe, a FIFO, `/dev/stdin`, a process substitution — made as it streams
/// by, so that any of its lines can be read again (a duplicate's first line,
/// a rejected event's line, a read that must start over in time order).
///
/// The copy is a file without a name: opened with `O_TMPFILE` where the
/// system has it, else created and unlinked at once. Only its descriptor is
/// kept, and lines are read back with `pread`, so nothing is left in
/// `$TMPDIR` however the run ends (an error, SIGTERM, SIGKILL): the system
/// frees the space when the descriptor is closed. At most ``limit`` bytes are
/// copied (README, "Bad input").
final class InputSpool: @unchecked Sendable {
    /// The input's name, for messages.
    let name: String
    /// The most bytes copied; one more stops the run.
    let limit: Int64
    private let lock = NSLock()
    /// The copy's descriptor; -1 once closed.
    private var descriptor: Int32
    /// Bytes copied so far.
    private var size: Int64 = 0

    /// Opens an empty, nameless copy in `directory`.
    ///
    /// - Parameters:
    ///   - name: the input's name, for messages.
    ///   - limit: the most bytes to copy.
    ///   - directory: where the copy's space is taken (default `$TMPDIR`, else `/tmp`).
    /// - Throws: ``InputError`` when no copy can be made there.
    init(name: String, limit: Int64, directory: String = InputSpool.temporaryDirectory) throws(InputError) {
        self.name = name
        self.limit = limit
        let opened = Self.openNameless(in: directory)
        guard opened.descriptor >= 0 else {
            throw InputError(name: name, problem: "cannot make a temporary copy in \(directory) (\(String(cString: strerror(opened.error)))); nothing was billed: check that the folder exists and is writable, or set TMPDIR")
        }
        descriptor = opened.descriptor
    }

    deinit {
        if descriptor >= 0 { closeDescriptor(descriptor) }
    }

    /// `$TMPDIR` when set, else `/tmp`.
    static var temporaryDirectory: String {
        let variable = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        return variable.isEmpty ? "/tmp" : variable
    }

    /// A file open for reading and writing that no path names, or -1 and the error.
    private static func openNameless(in directory: String) -> (descriptor: Int32, error: Int32) {
        #if os(Linux)
        // O_TMPFILE is `__O_TMPFILE | O_DIRECTORY`; Glibc's module does not export the macro.
        let temporaryFile: Int32 = 0o2000_0000 | O_DIRECTORY
        let nameless = open(directory, O_RDWR | O_CLOEXEC | temporaryFile, 0o600)
        if nameless >= 0 { return (nameless, 0) }
        // Not every file system has O_TMPFILE: fall back to a name removed at once.
        let code = errno
        guard code == EISDIR || code == EOPNOTSUPP || code == EINVAL else { return (-1, code) }
        #endif
        var template = Array((directory + "/tally-spool-XXXXXX").utf8CString)
        let named = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard named >= 0 else { return (-1, errno) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        _ = fcntl(named, F_SETFD, FD_CLOEXEC)
        return (named, 0)
    }

    /// Appends `chunk` to the copy.
    ///
    /// - Throws: ``InputError`` when the copy would pass ``limit`` (naming the
    ///   limit and how to raise it) or can't be written (a full disk).
    func append(_ chunk: Data) throws(InputError) {
        lock.lock()
        defer { lock.unlock() }
        guard Int64(chunk.count) <= limit - size else {
            throw InputError(name: name, problem: Self.limitProblem(limit))
        }
        guard descriptor >= 0 else {
            throw InputError(name: name, problem: "its temporary copy was closed while it was read; nothing was billed, run again")
        }
        var failure: Int32 = 0
        chunk.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = pwrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset, off_t(size) + off_t(offset))
                if written <= 0 {
                    if written < 0, errno == EINTR { continue }
                    failure = written < 0 ? errno : ENOSPC
                    return
                }
                offset += written
            }
        }
        guard failure == 0 else {
            throw InputError(name: name, problem: "its temporary copy could not be written (\(String(cString: strerror(failure)))); nothing was billed: free space in \(Self.temporaryDirectory) or set TMPDIR to a larger disk")
        }
        size += Int64(chunk.count)
    }

    /// What to say when an input is larger than the limit.
    static func limitProblem(_ limit: Int64) -> String {
        "is larger than the spool limit of \(NumberText.grouped(Int(clamping: limit))) bytes: standard input and other inputs that are not regular files are copied aside as they are read, and at most that much; nothing was billed: give the log as a regular file, or raise the limit (for tally, TALLY_SPOOL_LIMIT=BYTES)"
    }

    /// Reads up to `count` bytes at `offset` of the copy.
    ///
    /// - Returns: the bytes (fewer at the end), or `nil` once the copy is closed or unreadable.
    func bytes(at offset: Int64, count: Int) -> [UInt8]? {
        lock.withLock {
            guard descriptor >= 0, offset >= 0, count >= 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            guard read >= 0 else { return nil }
            bytes.removeLast(count - read)
            return bytes
        }
    }

    /// A reader of the whole copy from its start, as it is now.
    func lineReader() -> LineReader {
        var position: Int64 = 0
        return LineReader { () throws(InputError) -> Data? in
            guard let chunk = self.bytes(at: position, count: LineReader.chunkSize) else {
                throw InputError(name: self.name, problem: "its temporary copy can no longer be read; nothing was billed, run again")
            }
            position += Int64(chunk.count)
            return Data(chunk)
        }
    }

    /// Closes the copy; the system frees its space. Later reads return `nil`.
    func close() {
        lock.withLock {
            if descriptor >= 0 { closeDescriptor(descriptor) }
            descriptor = -1
        }
    }
}

/// Closes a descriptor (outside ``InputSpool``, whose own `close()` hides the C function).
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
