import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        let filter = try self.filter(of: month)
        var lists: [IDList] = []
        for close in closes {
            guard let period = close.period, period <= month else { break }
            lists.append(try IDList(path: file(Self.idsName, of: period)))
        }
        return ClosedIDs(filter: filter, lists: lists)
    }

    /// The filter of every id closed up to `month`'s close, its words read
    /// straight into place (it is the largest file a run reads from the books).
    ///
    /// - Throws: ``BooksError/damaged(file:problem:)``.
    func filter(of month: BillingPeriod) throws(BooksError) -> IDFilter {
        let path = file(Self.filterName, of: month)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .damaged(file: path, problem: "missing or unreadable") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 24)) ?? Data()
        guard header.count == 24, header.prefix(8).elementsEqual(Self.filterMagic) else {
            throw .damaged(file: path, problem: "unreadable the header")
        }
        let count = header.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        let wordCount = header.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 16, as: UInt64.self)) }
        let size = (try? handle.seekToEnd()) ?? 0
        guard wordCount > 0, wordCount % 8 == 0, size == 24 + wordCount * 8, count <= UInt64(Int.max) else {
            throw .damaged(file: path, problem: "unreadable the filter's size")
        }
        var complete = true
        let words = [UInt64](unsafeUninitializedCapacity: Int(wordCount)) { buffer, initialized in
            let bytes = UnsafeMutableRawBufferPointer(buffer)
            // Every id read asks one random block of it: large pages spare the processor a page-table walk at most
            // of them (the kernel may decline; nothing else changes).
            let page = 2 << 20
            let first = (Int(bitPattern: bytes.baseAddress) + page - 1) / page * page
            let end = (Int(bitPattern: bytes.baseAddress) + bytes.count) / page * page
            if end > first { _ = madvise(UnsafeMutableRawPointer(bitPattern: first), end - first, MADV_HUGEPAGE) }
            var filled = 0
            while filled < bytes.count {
                let read = pread(handle.fileDescriptor, bytes.baseAddress! + filled, bytes.count - filled, off_t(24 + filled))
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { break }
                filled += read
            }
            complete = filled == bytes.count
            if !complete { bytes.initializeMemory(as: UInt8.self, repeating: 0) }
            initialized = buffer.count
        }
        guard complete else { throw .damaged(file: path, problem: "unreadable the filter's words") }
        // The file is little-endian, as the processors Tally runs on.
        return IDFilter(words: words, count: Int(count))
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
        // Read straight into the text: the document of a large month is tens of megabytes.
        let path = file(Self.invoicesName, of: month)
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        var status = stat()
        guard descriptor >= 0, fstat(descriptor, &status) == 0 else {
            if descriptor >= 0 { Glibc.close(descriptor) }
            throw .damaged(file: path, problem: "missing or unreadable")
        }
        defer { Glibc.close(descriptor) }
        var complete = true
        let document = String(unsafeUninitializedCapacity: Int(status.st_size)) { buffer in
            var filled = 0
            while filled < buffer.count {
                let read = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(filled))
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { break }
                filled += read
            }
            complete = filled == buffer.count
            return filled
        }
        guard complete else { throw .damaged(file: path, problem: "unreadable") }
        return document
    }

    static let filterMagic = Array("TALLYIDF".utf8)

    /// The bytes of `filter`'s file, with `added` inserted.
    static func encoded(_ filter: IDFilter, adding added: [RegisteredID] = []) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(filter, adding: added.sorted(by: RegisteredID.precedes)) { bytes += $0 }
        return bytes
    }

    /// `filter`'s file, with `added` (sorted by hash) set in it, sent to
    /// `send` in pieces of a megabyte: an id's bits lie in one block of
    /// eight words, and blocks follow the order of the hashes, so each
    /// piece takes the next ids.
    static func encode(_ filter: IDFilter, adding added: [RegisteredID], _ send: ([UInt8]) -> Void) {
        var header = filterMagic
        for value in [UInt64(filter.count + added.count), UInt64(filter.words.count)] {
            withUnsafeBytes(of: value.littleEndian) { header += $0 }
        }
        send(header)
        let wordsPerPiece = 1 << 17
        var next = 0
        var piece = [UInt64](repeating: 0, count: 0)
        for start in stride(from: 0, to: filter.words.count, by: wordsPerPiece) {
            let end = min(filter.words.count, start + wordsPerPiece)
            piece.removeAll(keepingCapacity: true)
            piece += filter.words[start..<end]
            while next < added.count {
                var inPiece = true
                filter.forEachBit(of: added[next].hash) { word, bit in
                    if word >= end { inPiece = false } else { piece[word - start] |= 1 << UInt64(bit) }
                }
                guard inPiece else { break }
                next += 1
            }
            send(piece.withUnsafeBytes { Array($0) })
        }
    }
}
