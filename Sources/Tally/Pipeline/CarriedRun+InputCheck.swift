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
    /// the closes read of it (SPEC §7.2), by its block hashes (not again for
    /// a file whose stamp is the one the last close recorded).
    ///
    /// - Returns: the stamps of the files checked, by input index, for the
    ///   files that did not change while they were checked.
    /// - Throws: ``BooksRunError/books(_:)`` with ``BooksError/inputChanged(input:month:offset:problem:)``
    ///   naming the file, the month whose close read the part that differs, and where.
    @discardableResult
    func verifyClosedParts(of inputs: [EventInput], books: Books, trustingStamps: Bool = true) throws(BooksRunError)
        -> [Int: FileStamp] {
        guard let last = books.closes.last else { return [:] }
        var stamps: [Int: FileStamp] = [:]
        for (index, closed) in last.inputs.enumerated() {
            guard index < inputs.count, let path = inputs[index].path else { throw .standardInput }
            do throws(BooksError) {
                stamps[index] = try ClosedInputCheck.verify(path, name: inputs[index].name, index: index, closes: books.closes,
                                                            trustingStamps: trustingStamps)
            } catch {
                if case let .inputChanged(_, month, offset, problem) = error, problem == "is missing", inputs[index].name != closed.name {
                    throw .books(.inputChanged(input: inputs[index].name, month: month, offset: offset,
                                               problem: "is missing (the close read \(closed.name) here)"))
                }
                throw .books(error)
            }
        }
        return stamps
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
