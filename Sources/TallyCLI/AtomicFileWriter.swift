import Foundation

/// Writes a file so that readers see the old file or the whole new one, never
/// a part: the bytes go to a temporary file in the same folder, which is
/// flushed to disk and then renamed over the target (issues 3 and 5).
struct AtomicFileWriter {
    let path: String
    private let temporaryPath: String
    private let handle: FileHandle

    /// Starts writing `path`.
    ///
    /// - Throws: ``UsageError`` naming the path when its folder can't be written.
    init(path: String) throws(UsageError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporaryPath)
        else { throw UsageError(message: "\(path): cannot be written; check that its folder exists and is writable") }
        self.handle = handle
    }

    /// Appends `text` as UTF-8.
    func write(_ text: String) throws(OutputError) {
        try write(Data(text.utf8))
    }

    /// Appends `data`.
    func write(_ data: Data) throws(OutputError) {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw OutputError(message: "\(path): write failed: \(error.localizedDescription); the file was left as it was")
        }
    }

    /// Flushes to disk and renames the temporary file over `path`.
    func commit() throws(OutputError) {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            discard()
            throw OutputError(message: "\(path): write failed: \(error.localizedDescription); the file was left as it was")
        }
        guard rename(temporaryPath, path) == 0 else {
            discard()
            throw OutputError(message: "\(path): cannot be replaced: \(String(cString: strerror(errno)))")
        }
    }

    /// Removes the temporary file; `path` is left as it was.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
