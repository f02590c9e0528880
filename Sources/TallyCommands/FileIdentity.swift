import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which file a path or descriptor is: its device and inode, after following
/// symbolic links. Two names of one file (a link, `/dev/stdin`, a hard link)
/// have one identity, so `tally` can refuse an `--output` that would
/// overwrite an input log (README, "Command reference").
public struct FileIdentity: Sendable, Hashable {
    /// The device that holds the file (`st_dev`).
    public var device: UInt64
    /// The file's number on that device (`st_ino`).
    public var inode: UInt64
    /// Whether the file is a character device (a terminal, `/dev/null`),
    /// which reading and writing at once can't damage.
    public var isCharacterDevice: Bool

    /// Makes an identity.
    ///
    /// - Parameters:
    ///   - device: `st_dev`.
    ///   - inode: `st_ino`.
    ///   - isCharacterDevice: whether the file is a character device.
    public init(device: UInt64, inode: UInt64, isCharacterDevice: Bool = false) {
        self.device = device
        self.inode = inode
        self.isCharacterDevice = isCharacterDevice
    }

    /// The identity of the file at `path`, links followed (`stat`).
    ///
    /// - Returns: `nil` when no file is there (yet), or it can't be examined.
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// The identity of the file open as `descriptor` (`fstat`), e.g. standard
    /// input's, `0`.
    ///
    /// - Returns: `nil` when the descriptor is not open.
    public init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        self.init(status)
    }

    private init(_ status: stat) {
        self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino),
                  isCharacterDevice: status.st_mode & S_IFMT == S_IFCHR)
    }
}
