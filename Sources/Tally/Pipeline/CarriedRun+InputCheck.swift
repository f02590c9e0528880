import Foundation

extension BillingPipeline {
    /// Checks that `inputs` are at least the last close's files (SPEC §7.2:
    /// the files of the last close, in the same order, then any new files).
    ///
    /// - Throws: ``BooksRunError/books(_:)`` with ``BooksError/inputsDiffer(expected:given:)``;
    ///   ``BooksRunError/standardInput`` for standard input in a closed file's place.
    func checkInputOrder(_ inputs: [EventInput], books: Books) throws(BooksRunError) {
        guard let last = books.closes.last else { return }
        guard inputs.count >= last.inputs.count else {
            throw .books(.inputsDiffer(expected: last.inputs.map(\.name), given: inputs.map(\.name)))
        }
        for index in last.inputs.indices where inputs[index].path == nil { throw .standardInput }
    }

    /// Checks that each of the last close's files still begins with what
    /// the closes read of it (SPEC §7.2), by its block hashes.
    ///
    /// - Throws: ``BooksRunError/books(_:)`` with ``BooksError/inputChanged(input:month:offset:problem:)``
    ///   naming the file, the month whose close read the part that differs, and where.
    func verifyClosedParts(of inputs: [EventInput], books: Books) throws(BooksRunError) {
        guard let last = books.closes.last else { return }
        for (index, closed) in last.inputs.enumerated() {
            guard index < inputs.count, let path = inputs[index].path else { throw .standardInput }
            do throws(BooksError) {
                try ClosedInputCheck.verify(path, name: inputs[index].name, index: index, closes: books.closes)
            } catch {
                if case let .inputChanged(_, month, offset, problem) = error, problem == "is missing", inputs[index].name != closed.name {
                    throw .books(.inputChanged(input: inputs[index].name, month: month, offset: offset,
                                               problem: "is missing (the close read \(closed.name) here)"))
                }
                throw .books(error)
            }
        }
    }

    /// Checks that `inputs` are the last close's files, in order, each still
    /// beginning with what was read then (SPEC §7.2), then any new files.
    ///
    /// - Throws: ``BooksRunError``, as ``checkInputOrder(_:books:)`` and ``verifyClosedParts(of:books:)``.
    func checkInputs(_ inputs: [EventInput], books: Books) throws(BooksRunError) {
        try checkInputOrder(inputs, books: books)
        try verifyClosedParts(of: inputs, books: books)
    }
}

/// The check of the closed inputs (SPEC §7.2), run on a second thread while
/// the replay reads what is new: hashing the closed part of a 13-month log
/// took a tenth of a close done in turn (README, "Closing a month").
final class ClosedInputsCheck: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once before the group is left, read only after waiting on it.
    private var failure: BooksRunError?

    /// Starts `check` on another thread.
    init(_ check: @escaping @Sendable () throws(BooksRunError) -> Void) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            do throws(BooksRunError) {
                try check()
            } catch {
                self.failure = error
            }
            self.group.leave()
        }
    }

    /// Waits until the check is done.
    ///
    /// - Throws: what the check found.
    func wait() throws(BooksRunError) {
        group.wait()
        if let failure { throw failure }
    }
}
