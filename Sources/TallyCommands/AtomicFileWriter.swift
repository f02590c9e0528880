import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a report or rejects file so that readers see the old file or the
/// whole new one, never a part: the bytes go to a temporary file beside the
/// target, which is flushed to disk and then renamed over it (README, "Bad
/// input" and "Reports for operators").
///
/// A symbolic link is followed, as the shell's `>` follows it: the file it
/// points to is replaced (or created, when the link dangles), the link kept.
/// A target that exists but is not a regular file (a terminal, a FIFO, a
/// device) can't be replaced; it is written to directly. A descriptor
/// `tally` already has open (`/dev/stderr`, `/dev/fd/N`) is written through
/// as it is; standard output (`/dev/stdout`) gets no writer at all (see
/// ``open(_:option:)``).
///
/// Every write is `write(2)` on the descriptor, and every failure gives the
/// system's reason (`strerror`). The temporary file never stays behind: a
/// writer neither committed nor discarded deletes it when it goes away (every
/// error path), and it is registered with ``TemporaryFileRegistry`` so that
/// SIGINT, SIGTERM or SIGHUP delete it too (README, "Command reference").
final class AtomicFileWriter {
    /// Why a file can't be opened for writing: the operator's mistake (exit
    /// 64), or a failure of the system that is nobody's mistake (exit 74).
    enum OpeningError: Error, Equatable {
        case mistake(UsageError)
        case failure(OutputError)
    }

    /// The path as given, for messages.
    let path: String
    private let descriptor: Int32
    /// The temporary file written, or `nil` when writing directly.
    private let temporaryPath: String?
    /// The regular file renamed over at the end, or `nil` when writing directly.
    private let finalPath: String?
    /// The temporary file's slot in ``TemporaryFileRegistry``.
    private var registration: Int?
    /// Whether the descriptor was closed.
    private var isClosed = false
    /// Whether the file was committed or discarded.
    private var finished = false

    /// The `errno` values that mean the path given can't be written where it
    /// is (a missing folder, no permission, a name too long): usage errors.
    /// Anything else (a full disk, a quota, an I/O error, a read-only file
    /// system) is a failure to write, exit 74.
    static let operatorMistakes: Set<Int32> = [EACCES, EPERM, ENOENT, ENOTDIR, EISDIR, ELOOP, ENAMETOOLONG, ENXIO, ENODEV]

    private init(path: String, descriptor: Int32, temporaryPath: String? = nil, finalPath: String? = nil, registration: Int? = nil) {
        self.path = path
        self.descriptor = descriptor
        self.temporaryPath = temporaryPath
        self.finalPath = finalPath
        self.registration = registration
    }

    /// Opens `path`, given as `option` (for messages), before anything is
    /// read: the temporary file beside a regular file is created now.
    ///
    /// - Returns: the writer, or `nil` when `path` is standard output (`-`,
    ///   `/dev/stdout`, `/dev/fd/1`), which is written as it is.
    /// - Throws: ``OpeningError/mistake(_:)`` when the path (or its folder)
    ///   can't be written, is a folder or a loop of links, or names a
    ///   descriptor not open for writing; ``OpeningError/failure(_:)`` when
    ///   the system fails to create the file (a full disk), with its reason.
    static func open(_ path: String, option: String) throws(OpeningError) -> AtomicFileWriter? {
        guard let destination = OutputDestination.resolve(path) else {
            throw .mistake(.unusableOutput(option: option, path: path, problem: "is a loop of symbolic links; give a file name"))
        }
        switch destination {
        case .standardOutput:
            return nil
        case let .descriptor(number):
            let flags = fcntl(number, F_GETFL)
            guard flags >= 0 else {
                throw .mistake(.unusableOutput(option: option, path: path, problem: "descriptor \(number) is not open; give a file name"))
            }
            guard flags & O_ACCMODE != O_RDONLY else {
                throw .mistake(.unusableOutput(option: option, path: path,
                                               problem: "descriptor \(number) is open for reading only; give a file name"))
            }
            let copy = fcntl(number, F_DUPFD_CLOEXEC, 0)
            guard copy >= 0 else { throw openingError(errno, option: option, path: path, advice: "give a file name") }
            return AtomicFileWriter(path: path, descriptor: copy)
        case let .file(target):
            return try open(path, option: option, target: target)
        }
    }

    /// Opens `target`, the file `path` leads to: directly when it is not a
    /// regular file, else through a temporary file beside it.
    private static func open(_ path: String, option: String, target: String) throws(OpeningError) -> AtomicFileWriter {
        let linked = target != path ? " (it links to \(target))" : ""
        var status = stat()
        let exists = stat(target, &status) == 0
        if exists, status.st_mode & S_IFMT == S_IFDIR {
            throw .mistake(.unusableOutput(option: option, path: path, problem: "is a folder\(linked); give a file name"))
        }
        if exists, status.st_mode & S_IFMT != S_IFREG {
            // A terminal, a FIFO, a device: it can't be replaced.
            let descriptor = openRetrying(target, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw openingError(errno, option: option, path: path, linked: linked, advice: "check its permissions")
            }
            return AtomicFileWriter(path: path, descriptor: descriptor)
        }
        let name = String(target[(target.lastIndex(of: "/").map(target.index(after:)) ?? target.startIndex)...])
        guard name.utf8.count <= nameLimit else {
            throw openingError(ENAMETOOLONG, option: option, path: path, linked: linked, advice: "give a shorter name")
        }
        let temporary = (target.contains("/") ? OutputDestination.folder(of: target) + "/" : "") + temporaryName(for: name)
        // Registered before it exists, so that no signal can leave it behind.
        let registration = TemporaryFileRegistry.register(temporary)
        let descriptor = openRetrying(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            let code = errno
            TemporaryFileRegistry.unregister(registration)
            throw openingError(code, option: option, path: path, linked: linked, advice: "check that its folder exists and is writable")
        }
        // The new file keeps the permissions of the one it replaces.
        if exists { _ = fchmod(descriptor, status.st_mode & 0o7777) }
        return AtomicFileWriter(path: path, descriptor: descriptor, temporaryPath: temporary, finalPath: target,
                                registration: registration)
    }

    /// The longest name a folder takes (`NAME_MAX` on Linux), in bytes.
    static let nameLimit = 255

    /// The temporary file's name for a file named `name`:
    /// `.NAME.tmp-PID-UUID`, the name cut (at a character) so that the whole
    /// fits in ``nameLimit`` bytes; the process id and UUID keep it unique.
    static func temporaryName(for name: String) -> String {
        let suffix = ".tmp-\(getpid())-\(UUID().uuidString)"
        var base = Substring(name)
        while 1 + base.utf8.count + suffix.utf8.count > nameLimit { base = base.dropLast() }
        return "." + base + suffix
    }

    /// `open(2)`, again when a signal interrupts it (opening a FIFO waits
    /// for a reader).
    private static func openRetrying(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        while true {
            let descriptor = Glibc.open(path, flags, mode)
            if descriptor >= 0 || errno != EINTR { return descriptor }
        }
    }

    /// The error for `open` failing with `code`: the operator's mistake
    /// (``operatorMistakes``) with `advice`, else a failure to write. Both
    /// give the system's reason.
    static func openingError(_ code: Int32, option: String, path: String, linked: String = "",
                                     advice: String) -> OpeningError {
        let problem = "cannot be written\(linked): \(SystemCall.reason(code))"
        guard operatorMistakes.contains(code) else {
            return .failure(OutputError(message: "\(option) \(UsageError.shown(path)): \(problem); nothing was read or written"))
        }
        return .mistake(.unusableOutput(option: option, path: path, problem: "\(problem); \(advice)"))
    }

    deinit {
        if !finished { discard() }
    }

    /// Appends `text` as UTF-8.
    func write(_ text: String) throws(OutputError) {
        var text = text
        try check(text.withUTF8 { SystemCall.write(UnsafeRawBufferPointer($0), to: descriptor) })
    }

    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        try check(SystemCall.write(bytes, to: descriptor))
    }

    /// Throws the write failure `code` names, if any.
    private func check(_ code: Int32) throws(OutputError) {
        guard code != 0 else { return }
        throw OutputError(message: "\(path): write failed: \(SystemCall.reason(code))"
            + (finalPath == nil ? "" : "; the file was left as it was"))
    }

    /// Flushes to disk and renames the temporary file over the target; a
    /// file written directly is closed.
    ///
    /// - Throws: ``OutputError`` when flushing, closing or renaming fails;
    ///   the temporary file is deleted and the target left as it was.
    func commit() throws(OutputError) {
        guard let temporaryPath, let finalPath else {
            finished = true
            try check(closeDescriptor())
            return
        }
        let flushed = fsync(descriptor) == 0 ? 0 : errno
        let closed = closeDescriptor()
        if flushed != 0 || closed != 0 {
            discard()
            try check(flushed != 0 ? flushed : closed)
        }
        guard rename(temporaryPath, finalPath) == 0 else {
            let problem = SystemCall.reason(errno)
            discard()
            throw OutputError(message: "\(path): cannot be replaced: \(problem); the file was left as it was")
        }
        finished = true
        TemporaryFileRegistry.unregister(registration)
        registration = nil
    }

    /// Closes the descriptor once.
    ///
    /// - Returns: 0, or the `errno` of `close(2)` (a late write error).
    private func closeDescriptor() -> Int32 {
        guard !isClosed else { return 0 }
        isClosed = true
        return Glibc.close(descriptor) == 0 ? 0 : errno
    }

    /// Removes the temporary file; the target is left as it was.
    func discard() {
        guard !finished else { return }
        finished = true
        _ = closeDescriptor()
        if let temporaryPath { _ = unlink(temporaryPath) }
        TemporaryFileRegistry.unregister(registration)
        registration = nil
    }
}
