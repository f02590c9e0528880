/// Why the books can't be used or written (SPEC §7, README "Closing a month").
public enum BooksError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The books were written by a newer Tally; they are never misread.
    case newerFormat(directory: String, found: String)
    /// A file of the books can't be read as what it should hold.
    case damaged(file: String, problem: String)
    /// The books' folder can't be created, read or written.
    case unusable(path: String, problem: String)
    /// Another close holds the books' lock.
    case locked(directory: String, seconds: Int)
    /// An input no longer begins with what a close read: missing, shortened,
    /// edited or replaced (SPEC §7.2). `month` is the close that read the
    /// part that differs; `offset` where it differs.
    case inputChanged(input: String, month: BillingPeriod, offset: Int64, problem: String)
    /// A run under the books' lock failed; carried out of the lock as it is.
    indirect case failedRun(BooksRunError)
    /// The inputs are not those of the last close in the same order,
    /// followed by new files (SPEC §7.2).
    case inputsDiffer(expected: [String], given: [String])

    /// The message, in words, with what to do.
    public var description: String {
        switch self {
        case let .newerFormat(directory, found):
            "\(directory): the books were written by a newer version of Tally (\(found)); use that version, this one reads format \(Books.formatVersion)"
        case let .damaged(file, problem):
            "\(file): damaged books: \(problem); restore the books from a backup"
        case let .unusable(path, problem):
            "\(path): \(problem)"
        case let .locked(directory, seconds):
            "\(directory): another close holds the books' lock (waited \(seconds) s); try again when it is done"
        case let .inputChanged(input, month, offset, problem):
            "\(input): \(problem) at byte \(offset), in the part read by the close of \(month); closed history can't be rewritten: restore the file, and correct it with new events"
        case let .failedRun(error):
            "\(error)"
        case let .inputsDiffer(expected, given):
            "the log must be the files of the last close, in the same order (\(expected.joined(separator: ", "))), followed by any new files; got \(given.joined(separator: ", "))"
        }
    }
}
