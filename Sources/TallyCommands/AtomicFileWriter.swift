import Foundation

/// Writes a report or rejects file so that readers see the old file or the
/// whole new one, never a part: the bytes go to a temporary file beside the
/// target, which is flushed to disk and then renamed over it (README, "Bad
/// input").
///
/// A symbolic link is followed, as the shell's `>` follows it: the file it
/// points to is replaced (or created, when the link dangles), the link kept.
/// A target that exists but is not a regular file (a terminal, a pipe,
/// `/dev/stdout`) can't be replaced; it is written to directly.
///
/// The temporary file never stays behind: a writer neither committed nor
/// discarded deletes it when it goes away (every error path), and it is
/// registered with ``TemporaryFileRegistry`` so that SIGINT, SIGTERM or
/// SIGHUP delete it too (README, "Command reference").
final class AtomicFileWriter {
    /// The path as given, for messages.
    let path: String
    /// Where the bytes go first: a temporary file, or the target itself when
    /// it is not a regular file.
    private let writingPath: String
    /// The regular file renamed over at the end, or `nil` when writing directly.
    private let finalPath: String?
    private let handle: FileHandle
    /// The temporary file's slot in ``TemporaryFileRegistry``.
    private var registration: Int?
    /// Whether the file was committed or discarded.
    private var finished = false

    /// Starts writing `path`, given as `option` (for messages).
    ///
    /// - Throws: ``UsageError/unusableOutput(option:path:problem:)`` when the
    ///   path (or its folder) can't be written, or it is a loop of links.
    init(path: String, option: String) throws(UsageError) {
        self.path = path
        guard let target = Self.followingLinks(path) else {
            throw .unusableOutput(option: option, path: path, problem: "is a loop of symbolic links; give a file name")
        }
        let pointsElsewhere = target != path ? " (it links to \(target))" : ""
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue {
            throw .unusableOutput(option: option, path: path, problem: "is a folder\(pointsElsewhere); give a file name")
        }
        let type = exists ? (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType : nil
        if exists, type != .typeRegular {
            guard let handle = FileHandle(forWritingAtPath: target) else {
                throw .unusableOutput(option: option, path: path, problem: "cannot be written; check its permissions")
            }
            writingPath = target
            finalPath = nil
            self.handle = handle
            return
        }
        let targetURL = URL(fileURLWithPath: target)
        let temporary = targetURL.deletingLastPathComponent()
            .appendingPathComponent(".\(targetURL.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        // Registered before it exists, so that no signal can leave it behind.
        let registration = TemporaryFileRegistry.register(temporary)
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary)
        else {
            try? FileManager.default.removeItem(atPath: temporary)
            TemporaryFileRegistry.unregister(registration)
            throw .unusableOutput(option: option, path: path,
                                  problem: "cannot be written\(pointsElsewhere); check that its folder exists and is writable")
        }
        // The new file keeps the permissions of the one it replaces.
        if exists, let permissions = (try? FileManager.default.attributesOfItem(atPath: target))?[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary)
        }
        writingPath = temporary
        finalPath = target
        self.handle = handle
        self.registration = registration
    }

    deinit {
        if !finished { discard() }
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
    ///
    /// - Throws: ``OutputError`` when flushing or renaming fails; the
    ///   temporary file is deleted and the target left as it was.
    func commit() throws(OutputError) {
        guard let finalPath else {
            try? handle.close()
            finished = true
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
            let problem = String(cString: strerror(errno))
            discard()
            throw OutputError(message: "\(path): cannot be replaced: \(problem); the file was left as it was")
        }
        finished = true
        TemporaryFileRegistry.unregister(registration)
        registration = nil
    }

    /// Removes the temporary file; the target is left as it was.
    func discard() {
        guard !finished else { return }
        finished = true
        try? handle.close()
        if finalPath != nil { _ = unlink(writingPath) }
        TemporaryFileRegistry.unregister(registration)
        registration = nil
    }

    /// `path` with symbolic links followed to the file they name, as `>`
    /// follows them: a link to a file that does not exist gives that file's
    /// path. Links in the folders above are left as they are (renaming within
    /// the folder works through them).
    ///
    /// - Returns: the path, or `nil` after 40 links (a loop, as `ELOOP`).
    static func followingLinks(_ path: String) -> String? {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/") ? destination
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        return nil
    }
}
