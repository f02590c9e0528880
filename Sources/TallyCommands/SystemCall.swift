#if canImport(Glibc)
import Glibc
#endif

/// The two system calls every output of `tally` shares: writing all of a
/// buffer to a descriptor, and the system's words for what went wrong, so
/// that standard output, `--output` and `--rejects` give the same reasons
/// ("No space left on device", "Broken pipe"; README, "Exit codes").
enum SystemCall {
    /// The system's reason for `code` (`strerror`), e.g. "No space left on device".
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Writes all of `bytes` to `descriptor` with `write(2)`, again after an
    /// interrupted call (`EINTR`) or a short write.
    ///
    /// - Returns: 0, or the `errno` of the write that failed.
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }
}
