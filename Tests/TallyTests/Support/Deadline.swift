import Foundation

/// The result of work run on its own thread, set once.
final class ThreadResult<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<Value, any Error>?

    var value: Result<Value, any Error>? { lock.withLock { stored } }

    func set(_ result: Result<Value, any Error>) { lock.withLock { stored = result } }
}

/// Runs `body` on its own thread and waits for it at most `seconds`, so that
/// a test of something that must never block fails instead of hanging.
///
/// - Returns: what `body` returned or threw, or `nil` when it was still
///   running at the deadline (the thread is left behind, blocked).
func withinDeadline<Value>(_ seconds: Double, _ body: @escaping @Sendable () throws -> Value) -> Result<Value, any Error>? {
    let result = ThreadResult<Value>()
    let thread = Thread { result.set(Result { try body() }) }
    thread.stackSize = 8 << 20
    thread.start()
    let deadline = Date().addingTimeInterval(seconds)
    while !thread.isFinished, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
    return result.value
}

/// Makes a Unix socket file at `path` (bound, not listening).
///
/// - Returns: the socket's descriptor, to close, or -1.
func makeSocketFile(at path: String) -> Int32 {
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return -1 }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    let fits = withUnsafeMutableBytes(of: &address.sun_path) { buffer -> Bool in
        guard bytes.count < buffer.count else { return false }
        buffer.copyBytes(from: bytes)
        buffer[bytes.count] = 0
        return true
    }
    let bound = fits && withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    } == 0
    guard bound else {
        close(descriptor)
        return -1
    }
    return descriptor
}
