import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where an `--output` or `--rejects` path leads once its symbolic links are
/// followed as the shell's `>` follows them (README, "Reports for
/// operators"): standard output, another descriptor `tally` already has
/// open, or a file.
///
/// `/dev/stdout`, `/dev/fd/N` and `/proc/self/fd/N` are links whose targets
/// name what the descriptor is open on (`pipe:[1458943]`, `socket:[…]`,
/// `/tmp/a.json (deleted)`), not a path to follow; they are recognised by
/// their folder, whose real path is this process's `/proc/PID/fd`.
enum OutputDestination: Equatable {
    /// `-`, `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`: written as
    /// standard output is, whatever it is open on.
    case standardOutput
    /// `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N` for another descriptor:
    /// written through that descriptor, never replaced.
    case descriptor(Int32)
    /// The file the path names, links followed; it may not exist yet.
    case file(String)

    /// Where `path` leads.
    ///
    /// - Returns: the destination, or `nil` after 40 links (a loop, as `ELOOP`).
    static func resolve(_ path: String) -> OutputDestination? {
        if path == "-" { return .standardOutput }
        var current = path
        for _ in 0..<40 {
            if let descriptor = ownDescriptor(current) {
                return descriptor == STDOUT_FILENO ? .standardOutput : .descriptor(descriptor)
            }
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return .file(current) }
            // Another process's descriptor: its link is followed only when it
            // names a file that is still there.
            if realPath(folder(of: current))?.hasPrefix("/proc/") == true,
               !destination.hasPrefix("/") || destination.hasSuffix(" (deleted)") {
                return .file(current)
            }
            current = destination.hasPrefix("/") ? destination : folder(of: current) + "/" + destination
        }
        return nil
    }

    /// The descriptor `path` names when it is one of this process's
    /// (`/dev/fd/N`, `/proc/self/fd/N`, `/proc/thread-self/fd/N`, by the real
    /// path of its folder), else `nil`.
    static func ownDescriptor(_ path: String) -> Int32? {
        let name = path.split(separator: "/").last ?? ""
        guard !name.isEmpty, name.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let descriptor = Int32(name), let folder = realPath(folder(of: path)) else { return nil }
        let process = "/proc/\(getpid())/"
        let parts = folder.dropFirst(process.count).split(separator: "/")
        guard folder.hasPrefix(process), parts.last == "fd" else { return nil }
        return parts.count == 1 || (parts.count == 3 && parts[0] == "task") ? descriptor : nil
    }

    /// The folder of `path` as written: `.` for a bare name, `/` at the root.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` made absolute with every link and `.`/`..` resolved as far as
    /// it exists (`realpath`), the part that does not exist yet appended as
    /// written, so that two names of one place compare equal (the books,
    /// README "Closing a month").
    static func realLocation(of path: String) -> String {
        if let resolved = realPath(path) { return resolved }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = absolute.split(separator: "/").map(String.init)
        var missing: [String] = []
        while let last = existing.popLast() {
            missing.insert(last, at: 0)
            guard let folder = realPath("/" + existing.joined(separator: "/")) else { continue }
            var parts = folder.split(separator: "/").map(String.init)
            for part in missing where part != "." {
                if part == ".." { _ = parts.popLast() } else { parts.append(part) }
            }
            return "/" + parts.joined(separator: "/")
        }
        return absolute
    }

    /// `realpath(3)` of `path`, or `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
