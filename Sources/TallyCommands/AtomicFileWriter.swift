import Foundation

/// Writes a report or rejects file so that readers see the old file or the
/// whole new one, never a part: the bytes go to a temporary file beside the
/// target, which is flushed to disk and then renamed over it (issues 3 and 5).
///
/// A symbolic link is followed: the file it points to is replaced, the link
/// kept. A target that exists but is not a regular file (a terminal, a pipe,
/// `/dev/stdout`) can't be replaced; it is written to directly.
struct AtomicFileWriter {
    /// The path as given, for messages.
    let path: String
    /// Where the bytes go first: a temporary file, or the target itself when
    /// it is not a regular file.
    private let writingPath: String
    /// The regular file renamed over at the end, or `nil` when writing directly.
    private let finalPath: String?
    private let handle: FileHandle

    /// Starts writing `path`, given as `option` (for messages).
    ///
    /// - Throws: ``UsageError/unusableOutput(option:path:problem:)`` when the
    ///   path (or its folder) can't be written.
    init(path: String, option: String) throws(UsageError) {
        self.path = path
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue {
            throw .unusableOutput(option: option, path: path, problem: "is a folder; give a file name")
        }
        let type = exists ? (try? FileManager.default.attributesOfItem(atPath: target.path))?[.type] as? FileAttributeType : nil
        if exists, type != .typeRegular {
            guard let handle = FileHandle(forWritingAtPath: target.path) else {
                throw .unusableOutput(option: option, path: path, problem: "cannot be written; check its permissions")
            }
            writingPath = target.path
            finalPath = nil
            self.handle = handle
            return
        }
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary)
        else { throw .unusableOutput(option: option, path: path, problem: "cannot be written; check that its folder exists and is writable") }
        // The new file keeps the permissions of the one it replaces.
        if exists, let permissions = (try? FileManager.default.attributesOfItem(atPath: target.path))?[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary)
        }
        writingPath = temporary
        finalPath = target.path
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
            throw OutputError(message: "\(path): write failed: \(error.localizedDescription)" + (finalPath == nil ? "" : "; the file was left as it was"))
        }
    }

    /// Flushes to disk and renames the temporary file over the target.
    func commit() throws(OutputError) {
        guard let finalPath else {
            try? handle.close()
            return
        }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            discard()
            throw OutputError(message: "\(path): write failed: \(error.localizedDescription); the file was left as it was")
        }
        guard rename(writingPath, finalPath) == 0 else {
            discard()
            throw OutputError(message: "\(path): cannot be replaced: \(String(cString: strerror(errno)))")
        }
    }

    /// Removes the temporary file; the target is left as it was.
    func discard() {
        try? handle.close()
        if finalPath != nil { try? FileManager.default.removeItem(atPath: writingPath) }
    }

    /// Whether two paths name the same existing file (after links).
    static func sameFile(_ first: String, _ second: String) -> Bool {
        let manager = FileManager.default
        // `attributesOfItem` describes a link itself, not what it points to.
        let first = URL(fileURLWithPath: first).resolvingSymlinksInPath().path
        let second = URL(fileURLWithPath: second).resolvingSymlinksInPath().path
        guard let one = try? manager.attributesOfItem(atPath: first), let two = try? manager.attributesOfItem(atPath: second),
              let oneNumber = one[.systemFileNumber] as? UInt64, let twoNumber = two[.systemFileNumber] as? UInt64
        else { return false }
        return oneNumber == twoNumber && (one[.systemNumber] as? UInt64) == (two[.systemNumber] as? UInt64)
    }
}
