#if canImport(Glibc)
import Glibc
#endif

/// What a file's metadata says about its content (README, "Closing a
/// month"): its device and inode, its size, and when it last changed
/// (`st_ctime`: a write, a truncation, a rename over it or a change of
/// owner sets it to the clock, and no call sets it back). A file whose stamp
/// is the one a close recorded has not changed since, so the next run does
/// not hash what that close read of it again, as `git` trusts its index.
struct FileStamp: Codable, Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    /// Bytes.
    var size: Int64
    /// When it last changed: seconds and nanoseconds since the epoch.
    var changed: Int64
    var changedNanoseconds: Int64

    enum CodingKeys: String, CodingKey {
        case device, inode, size
        case changed = "changed_s"
        case changedNanoseconds = "changed_ns"
    }

    /// A change this recent may be followed by another in the same tick of
    /// the clock that stamps files, which would leave the stamp as it is: such
    /// a file is hashed again by the next run (`git`'s "racily clean" files).
    static let settling: Int64 = 2

    /// The stamp of the regular file at `path`, or `nil` when it can't be read.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        changed = Int64(status.st_ctim.tv_sec)
        changedNanoseconds = Int64(status.st_ctim.tv_nsec)
    }

    /// Whether the file last changed long enough ago (``settling``) for its
    /// stamp to be trusted later.
    var isSettled: Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return changed + Self.settling < Int64(now.tv_sec)
    }
}
