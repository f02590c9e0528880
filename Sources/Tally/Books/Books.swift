import Foundation

/// The books (SPEC §7.1): a folder where Tally keeps the months it has
/// issued, one sub-folder a month (`2026-10/`), each holding the issued
/// document and what later runs need to carry on from it. Only Tally writes
/// there. Layout and guarantees: README, "Closing a month".
public struct Books: Sendable {
    /// The version of the books' layout this Tally writes and reads; books of
    /// a newer version are refused, never misread.
    public static let formatVersion = 1

    /// The books' folder.
    public let directory: String
    /// The closes, earliest first.
    let closes: [CloseRecord]

    /// The months closed, earliest first.
    public var closedMonths: [BillingPeriod] { closes.compactMap(\.period) }
    /// The last month closed, if any.
    public var lastClosedMonth: BillingPeriod? { closedMonths.last }
    /// The first month closed, if any: months before it are never issued.
    public var firstClosedMonth: BillingPeriod? { closedMonths.first }

    /// The file naming the format, at the top of the folder.
    static let markerName = "tally-books"
    static let closeName = "close.json"
    static let invoicesName = "invoices.json"
    static let runName = "run.json"
    static let snapshotName = "state.bin"
    static let idsName = "ids.bin"
    static let filterName = "ids.filter"

    /// Opens the books in `directory`. A folder that does not exist yet holds
    /// no close (the first close makes it).
    ///
    /// - Throws: ``BooksError/newerFormat(directory:found:)`` for books of a
    ///   newer Tally; ``BooksError/damaged(file:problem:)`` for a close that
    ///   can't be read; ``BooksError/unusable(path:problem:)`` when the folder
    ///   can't be listed or is a file.
    public static func open(_ directory: String) throws(BooksError) -> Books {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            return Books(directory: directory, closes: [])
        }
        guard isDirectory.boolValue else {
            throw .unusable(path: directory, problem: "is a file, not the books' folder; give a folder with --books")
        }
        let marker = (directory as NSString).appendingPathComponent(markerName)
        if let text = FileManager.default.contents(atPath: marker).map({ String(decoding: $0, as: UTF8.self) }) {
            let words = text.split(whereSeparator: \.isWhitespace)
            guard words.count == 2, words[0] == "tally-books", let version = Int(words[1]) else {
                throw .damaged(file: marker, problem: "expected \"tally-books \(formatVersion)\"")
            }
            guard version <= formatVersion else { throw .newerFormat(directory: directory, found: "format \(version)") }
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unusable(path: directory, problem: "cannot be listed: \(error.localizedDescription)")
        }
        var closes: [CloseRecord] = []
        for name in names.sorted() where BillingPeriod(name) != nil {
            let file = ((directory as NSString).appendingPathComponent(name) as NSString).appendingPathComponent(closeName)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw .damaged(file: file, problem: "missing or unreadable")
            }
            let record: CloseRecord
            do {
                record = try JSONDecoder().decode(CloseRecord.self, from: data)
            } catch {
                throw .damaged(file: file, problem: "not a close record: \(error.localizedDescription)")
            }
            guard record.format <= formatVersion else { throw .newerFormat(directory: directory, found: "\(name) in format \(record.format)") }
            guard record.month == name else { throw .damaged(file: file, problem: "it records month \(record.month), not \(name)") }
            closes.append(record)
        }
        for (earlier, later) in zip(closes, closes.dropFirst()) where later.period != earlier.period?.next {
            throw .damaged(file: (directory as NSString).appendingPathComponent(later.month),
                           problem: "closed after \(earlier.month) with a month missing between")
        }
        return Books(directory: directory, closes: closes)
    }

    /// The books as they were before `month` was closed: its earlier closes.
    func before(_ month: BillingPeriod) -> Books {
        Books(directory: directory, closes: closes.filter { $0.period.map { $0 < month } ?? false })
    }

    /// The folder of `month`'s close.
    func folder(of month: BillingPeriod) -> String {
        (directory as NSString).appendingPathComponent(month.description)
    }

    /// A file of `month`'s close.
    func file(_ name: String, of month: BillingPeriod) -> String {
        (folder(of: month) as NSString).appendingPathComponent(name)
    }

    /// The record of `month`'s close, if it is closed.
    func close(of month: BillingPeriod) -> CloseRecord? {
        closes.first { $0.period == month }
    }

    /// Reads a file of `month`'s close whole.
    ///
    /// - Throws: ``BooksError/damaged(file:problem:)`` when it is missing.
    func contents(of name: String, month: BillingPeriod) throws(BooksError) -> Data {
        let path = file(name, of: month)
        guard let data = FileManager.default.contents(atPath: path) else { throw .damaged(file: path, problem: "missing or unreadable") }
        return data
    }
}
