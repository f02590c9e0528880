import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Everything one close writes into the books (README, "Closing a month").
struct ClosePackage {
    var record: CloseRecord
    /// The SPEC §6 document, as printed.
    var document: String
    /// The whole run, for reprinting in every format and for later adjustments.
    var run: InvoiceRun
    var snapshot: Snapshot
    /// The ids first read by this close, with their first lines.
    var ids: [RegisteredID]
    /// Every closed id so far, this close's included.
    var filter: IDFilter
}

extension Books {
    /// Writes `package` as the close of its month, atomically: into a
    /// temporary folder beside the others, each file flushed to disk, the
    /// folder flushed, then renamed into place and the books' folder flushed,
    /// so a crash at any point leaves the month closed with everything or
    /// the books as they were (SPEC §7.2). `step` is told of each step done
    /// (for tests that stop a close between two writes).
    ///
    /// - Returns: `false`, writing nothing, when the month was closed meanwhile.
    /// - Throws: ``BooksError/unusable(path:problem:)`` when a write fails; the
    ///   temporary folder is then removed.
    func write(_ package: ClosePackage, step: (String) -> Void = { _ in }) throws(BooksError) -> Bool {
        guard let month = package.record.period else { throw .unusable(path: directory, problem: "no month to close") }
        try Self.makeFolder(directory)
        let marker = (directory as NSString).appendingPathComponent(Self.markerName)
        if !FileManager.default.fileExists(atPath: marker) {
            let temporary = marker + ".tmp-\(getpid())"
            try Self.writeFile(temporary, Array("tally-books \(Self.formatVersion)\n".utf8))
            guard rename(temporary, marker) == 0 else { throw .unusable(path: marker, problem: Self.errorText()) }
        }
        let folder = self.folder(of: month)
        let temporary = (directory as NSString).appendingPathComponent(".close-\(month)-\(getpid())-\(UUID().uuidString)")
        var renamed = false
        defer { if !renamed { try? FileManager.default.removeItem(atPath: temporary) } }
        try Self.makeFolder(temporary)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let record: Data
        let run: Data
        do {
            record = try encoder.encode(package.record)
            run = try encoder.encode(package.run)
        } catch {
            throw .unusable(path: temporary, problem: "the close could not be written as JSON: \(error)")
        }
        let files: [(String, [UInt8])] = [
            (Self.invoicesName, Array(package.document.utf8)),
            (Self.runName, [UInt8](run)),
            (Self.snapshotName, package.snapshot.encoded()),
            (Self.idsName, ClosedIDs.list(package.ids)),
            (Self.filterName, Self.encoded(package.filter)),
            // The record last: a folder without it is no close.
            (Self.closeName, [UInt8](record) + [0x0A]),
        ]
        for (name, bytes) in files {
            try Self.writeFile((temporary as NSString).appendingPathComponent(name), bytes)
            step("wrote \(name)")
        }
        try Self.flush(folder: temporary)
        step("flushed")
        guard rename(temporary, folder) == 0 else {
            if errno == EEXIST || errno == ENOTEMPTY { return false }
            throw .unusable(path: folder, problem: "cannot be made: \(Self.errorText())")
        }
        renamed = true
        step("renamed")
        try Self.flush(folder: directory)
        return true
    }

    /// Runs `body` holding the books' lock (a file `.lock` in the folder,
    /// `flock`), waiting at most `timeout` for another close to finish.
    ///
    /// - Throws: ``BooksError/locked(directory:seconds:)`` after the timeout;
    ///   what `body` throws.
    func withLock<Result>(timeout: Duration = .seconds(30),
                          _ body: () throws(BooksError) -> Result) throws(BooksError) -> Result {
        try Self.makeFolder(directory)
        let path = (directory as NSString).appendingPathComponent(".lock")
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unusable(path: path, problem: "cannot be opened: \(Self.errorText())") }
        defer { Glibc.close(descriptor) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw .unusable(path: path, problem: "cannot be locked: \(Self.errorText())")
            }
            guard clock.now < deadline else { throw .locked(directory: directory, seconds: Int(timeout.components.seconds)) }
            usleep(20_000)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    private static func makeFolder(_ path: String) throws(BooksError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .unusable(path: path, problem: "cannot be made: \(error.localizedDescription)")
        }
    }

    /// Writes `bytes` to a new file and flushes it to disk.
    private static func writeFile(_ path: String, _ bytes: [UInt8]) throws(BooksError) {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unusable(path: path, problem: "cannot be made: \(errorText())") }
        defer { Glibc.close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw .unusable(path: path, problem: "write failed: \(errorText())") }
            offset += written
        }
        guard fsync(descriptor) == 0 else { throw .unusable(path: path, problem: "flushing failed: \(errorText())") }
    }

    private static func flush(folder path: String) throws(BooksError) {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unusable(path: path, problem: "cannot be opened: \(errorText())") }
        defer { Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .unusable(path: path, problem: "flushing failed: \(errorText())") }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
