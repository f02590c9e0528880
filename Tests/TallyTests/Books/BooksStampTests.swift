import Foundation
import Testing
@testable import Tally

/// A close records each settled file's stamp (device, inode, size, change
/// time); the next run does not hash a file whose stamp is unchanged, and
/// hashes again any file that changed in any way (README, "Closing a month").
@Suite("Books: a file's stamp spares hashing it again, and any change brings the hashing back")
struct BooksStampTests {
    @Test("a settled file is not hashed again while its stamp holds; written to, it is")
    func stamps() throws {
        let workspace = try BooksCloseTests.Workspace()
        defer { workspace.remove() }
        // A file that changed less than FileStamp.settling seconds ago would get no stamp.
        Thread.sleep(forTimeInterval: Double(FileStamp.settling) + 1.1)
        #expect(BooksCloseTests.close("2026-10", workspace).status == .success)
        let recordPath = workspace.books + "/2026-10/close.json"
        let record = try JSONDecoder().decode(CloseRecord.self, from: Data(contentsOf: URL(fileURLWithPath: recordPath)))
        let stamp = try #require(record.inputs.first?.stamp)
        #expect(stamp == FileStamp(path: workspace.log))

        // Make the recorded hashes wrong: while the stamp holds, nothing is hashed, so nothing is noticed.
        var text = try String(contentsOfFile: recordPath, encoding: .utf8)
        let hash = String(record.inputs[0].blockHashes[0], radix: 16)
        text = text.replacingOccurrences(of: "\"\(hash)\"", with: "\"\(String(record.inputs[0].blockHashes[0] ^ 1, radix: 16))\"")
        try text.write(toFile: recordPath, atomically: false, encoding: .utf8)
        let trusted = InProcess.run(["invoice", "--month", "2026-11", "--books", workspace.books, workspace.log])
        #expect(trusted.status == .success, "\(trusted.standardError)")

        // Any write to the file changes its stamp, even of the same byte: it is hashed again, and differs from the
        // (altered) record.
        let handle = try #require(FileHandle(forUpdatingAtPath: workspace.log))
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: Data("{".utf8))
        try handle.close()
        #expect(FileStamp(path: workspace.log) != stamp)
        let checked = InProcess.run(["invoice", "--month", "2026-11", "--books", workspace.books, workspace.log])
        #expect(checked.status == .dataError)
        #expect(checked.standardError.hasPrefix("tally: \(workspace.log): differs from what was read, in the 65,536-byte block starting at byte 0, in the part read by the close of 2026-10"))
    }

    @Test("a file that changed a moment ago gets no stamp: the next run hashes it")
    func unsettled() throws {
        let workspace = try BooksCloseTests.Workspace()
        defer { workspace.remove() }
        #expect(BooksCloseTests.close("2026-10", workspace).status == .success)
        let record = try JSONDecoder().decode(CloseRecord.self,
                                              from: Data(contentsOf: URL(fileURLWithPath: workspace.books + "/2026-10/close.json")))
        #expect(record.inputs.map(\.stamp) == [nil])
    }
}
