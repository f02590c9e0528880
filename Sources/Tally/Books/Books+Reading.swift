import Foundation

extension Books {
    /// The snapshot `month`'s close kept (README, "Closing a month").
    ///
    /// - Parameter indexingAccounts: also list each account's applications and edges.
    /// - Throws: ``BooksError/damaged(file:problem:)``.
    func snapshot(of month: BillingPeriod, indexingAccounts: Bool) throws(BooksError) -> Snapshot {
        let data = try contents(of: Self.snapshotName, month: month)
        do {
            return try Snapshot(decoding: [UInt8](data), indexingAccounts: indexingAccounts)
        } catch {
            throw .damaged(file: file(Self.snapshotName, of: month), problem: "unreadable \(error.what)")
        }
    }

    /// The ids of every close up to `month`'s: its filter and the closes' lists.
    ///
    /// - Throws: ``BooksError/damaged(file:problem:)``.
    func closedIDs(through month: BillingPeriod) throws(BooksError) -> ClosedIDs {
        let filterData = try contents(of: Self.filterName, month: month)
        var reader = BinaryReader([UInt8](filterData))
        let filter: IDFilter
        do throws(BinaryReader.Damaged) {
            for byte in Self.filterMagic where try reader.read(UInt8.self) != byte {
                throw BinaryReader.Damaged(what: "the header")
            }
            let count = Int(try reader.read(UInt64.self))
            var words: [UInt64] = []
            for _ in 0..<(try reader.readCount(minimumSize: 8)) { words.append(try reader.read()) }
            guard words.count % 8 == 0, !words.isEmpty else { throw BinaryReader.Damaged(what: "the filter's size") }
            filter = IDFilter(words: words, count: count)
        } catch {
            throw .damaged(file: file(Self.filterName, of: month), problem: "unreadable \(error.what)")
        }
        var lists: [Data] = []
        for close in closes {
            guard let period = close.period, period <= month else { break }
            let path = file(Self.idsName, of: period)
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
                guard data.count % RegisteredID.size == 0 else { throw CocoaError(.fileReadCorruptFile) }
                lists.append(data)
            } catch {
                throw .damaged(file: path, problem: "unreadable id list")
            }
        }
        return ClosedIDs(filter: filter, lists: lists)
    }

    /// The run `month`'s close issued, every field of every line.
    ///
    /// - Throws: ``BooksError/damaged(file:problem:)``.
    public func issuedRun(of month: BillingPeriod) throws(BooksError) -> InvoiceRun {
        let data = try contents(of: Self.runName, month: month)
        do {
            return try JSONDecoder().decode(InvoiceRun.self, from: data)
        } catch {
            throw .damaged(file: file(Self.runName, of: month), problem: "not an issued run: \(error.localizedDescription)")
        }
    }

    /// The SPEC §6 document `month`'s close issued, byte for byte as printed then.
    ///
    /// - Throws: ``BooksError/damaged(file:problem:)``.
    public func issuedDocument(of month: BillingPeriod) throws(BooksError) -> String {
        String(decoding: try contents(of: Self.invoicesName, month: month), as: UTF8.self)
    }

    static let filterMagic = Array("TALLYIDF".utf8)

    /// The bytes of `filter`'s file.
    static func encoded(_ filter: IDFilter) -> [UInt8] {
        var writer = BinaryWriter(reservingCapacity: filter.words.count * 8 + 32)
        for byte in filterMagic { writer.write(byte) }
        writer.write(UInt64(filter.count))
        writer.write(UInt64(filter.words.count))
        for word in filter.words { writer.write(word) }
        return writer.bytes
    }
}
