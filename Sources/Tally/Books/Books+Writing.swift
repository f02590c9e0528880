import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Everything one close writes into the books (README, "Closing a month").
struct ClosePackage {
    var record: CloseRecord
    /// The whole run, for reprinting in every format and for later
    /// adjustments; its SPEC §6 document is written as it is printed.
    var run: InvoiceRun
    var snapshot: Snapshot
    /// The ids first read by this close, with their first lines, sorted as the list is.
    var ids: [RegisteredID]
    /// Every id of the closes before; ``ids`` are set in it as it is written.
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
    func write(_ package: consuming ClosePackage, step: (String) -> Void = { _ in }) throws(BooksError) -> Bool {
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
        do {
            record = try encoder.encode(package.record)
        } catch {
            throw .unusable(path: temporary, problem: "the close could not be written as JSON: \(error)")
        }
        /// Writes one file of the close; each file's bytes are made just before and freed after.
        func put(_ name: String, _ bytes: UnsafeRawBufferPointer) throws(BooksError) {
            try Self.writeFile((temporary as NSString).appendingPathComponent(name), bytes)
            step("wrote \(name)")
        }
        func put(_ name: String, _ bytes: [UInt8]) throws(BooksError) {
            let written: Result<Void, BooksError> = bytes.withUnsafeBytes { buffer in
                do throws(BooksError) { try put(name, buffer) } catch { return .failure(error) }
                return .success(())
            }
            try written.get()
        }
        // The largest files are written in pieces, never held whole; the document on a second thread.
        let run = package.run
        let documentPath = (temporary as NSString).appendingPathComponent(Self.invoicesName)
        let document = BackgroundWork { () throws(BooksError) -> Void in
            try Self.writeFile(documentPath) { (send) throws(BooksError) in InvoiceRunJSONWriter.write(run, in: send) }
        }
        let runWritten: Result<Void, BooksError> = Result { () throws(BooksError) in
            try Self.writeFile((temporary as NSString).appendingPathComponent(Self.runName)) { (send) throws(BooksError) in
                do {
                    try run.booksJSON(send)
                } catch {
                    throw .unusable(path: temporary, problem: "the close could not be written as JSON: \(error)")
                }
            }
        }
        try document.wait()
        step("wrote \(Self.invoicesName)")
        try runWritten.get()
        step("wrote \(Self.runName)")
        try put(Self.snapshotName, package.snapshot.encoded())
        try put(Self.idsName, ClosedIDs.list(package.ids))
        try Self.writeFile((temporary as NSString).appendingPathComponent(Self.filterName)) { (send) throws(BooksError) in
            Self.encode(package.filter, adding: package.ids, send)
        }
        step("wrote \(Self.filterName)")
        // The record last: a folder without it is no close.
        try put(Self.closeName, [UInt8](record) + [0x0A])
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

    /// Writes the pieces `produce` sends to a new file, in order, and flushes it to disk.
    private static func writeFile(_ path: String,
                                  producing produce: (_ send: ([UInt8]) -> Void) throws(BooksError) -> Void) throws(BooksError) {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unusable(path: path, problem: "cannot be made: \(errorText())") }
        defer { Glibc.close(descriptor) }
        var failure: BooksError?
        try produce { piece in
            guard failure == nil else { return }
            piece.withUnsafeBytes { bytes in
                do throws(BooksError) { try writeAll(descriptor, bytes, path: path) } catch { failure = error }
            }
        }
        if let failure { throw failure }
        guard fsync(descriptor) == 0 else { throw .unusable(path: path, problem: "flushing failed: \(errorText())") }
    }

    /// Writes `bytes` to a new file and flushes it to disk.
    private static func writeFile(_ path: String, _ bytes: [UInt8]) throws(BooksError) {
        let written: Result<Void, BooksError> = bytes.withUnsafeBytes { buffer in
            do throws(BooksError) { try writeFile(path, buffer) } catch { return .failure(error) }
            return .success(())
        }
        try written.get()
    }

    /// Writes `bytes` to a new file and flushes it to disk.
    private static func writeFile(_ path: String, _ bytes: UnsafeRawBufferPointer) throws(BooksError) {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unusable(path: path, problem: "cannot be made: \(errorText())") }
        defer { Glibc.close(descriptor) }
        try writeAll(descriptor, bytes, path: path)
        guard fsync(descriptor) == 0 else { throw .unusable(path: path, problem: "flushing failed: \(errorText())") }
    }

    /// Writes all of `bytes` to `descriptor`, the file at `path`.
    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(BooksError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw .unusable(path: path, problem: "write failed: \(errorText())") }
            offset += written
        }
    }

    private static func flush(folder path: String) throws(BooksError) {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unusable(path: path, problem: "cannot be opened: \(errorText())") }
        defer { Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .unusable(path: path, problem: "flushing failed: \(errorText())") }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
