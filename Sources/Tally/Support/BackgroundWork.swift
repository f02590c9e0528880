import Foundation

/// Work run on another thread while the caller goes on with its own: a
/// close checks the closed inputs while it reads the new part, and writes
/// the issued document while it writes the rest (README, "Closing a month").
/// What the work returns or throws is kept for ``wait()``.
final class BackgroundWork<Value: Sendable, Failure: Error>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once before the group is left, read only after waiting on it.
    private var result: Result<Value, Failure>?

    /// Starts `work` on another thread.
    init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            do throws(Failure) {
                self.result = .success(try work())
            } catch {
                self.result = .failure(error)
            }
            self.group.leave()
        }
    }

    /// Waits until the work is done; may be called again.
    ///
    /// - Returns: what the work returned.
    /// - Throws: what the work threw.
    @discardableResult
    func wait() throws(Failure) -> Value {
        group.wait()
        return try result!.get()
    }
}
