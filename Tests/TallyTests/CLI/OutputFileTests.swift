import Foundation
import Testing
@testable import Tally
@testable import TallyCommands

/// `--output` and `--rejects` never destroy what they point at (README, "Reports for operators").
@Suite("Output files: links followed, special files written, input logs protected")
struct OutputFileTests {
    static let arguments = ["invoice", "--month", "2026-10"]

    func sampleCopy(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("log.jsonl").path
        try FileManager.default.copyItem(atPath: Fixtures.directory.appendingPathComponent("sample-events.jsonl").path, toPath: path)
        return path
    }

    @Test("a symbolic link is followed: its file is replaced, the link kept")
    func symbolicLink() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = try sampleCopy(in: directory)
        let target = directory.appendingPathComponent("target.txt").path
        let link = directory.appendingPathComponent("link.txt").path
        try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.txt")
        let result = try TallyExecutable.run(Self.arguments + ["--output", link, log])
        #expect(result.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.txt")
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("Invoices for 2026-10"))
    }

    @Test("a pipe is written to, not replaced")
    func pipe() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = try sampleCopy(in: directory)
        let fifo = directory.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let reader = Thread { received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data() }
        reader.start()
        let result = try TallyExecutable.run(Self.arguments + ["--output", fifo, log])
        // The reader ends when tally closes the pipe; wait at most a minute.
        for _ in 0..<6000 where !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        #expect(reader.isFinished)
        #expect(result.status == 0)
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("Invoices for 2026-10"))
        // Still the pipe, not a regular file renamed over it.
        let type = try FileManager.default.attributesOfItem(atPath: fifo)[.type] as? FileAttributeType
        #expect(type != .typeRegular)
    }

    @Test("an output that is an input log, or both outputs one file, is refused before anything runs", arguments: [
        (["--output", "LOG"], "--output LOG is the input log LOG; write the report to another file"),
        (["--rejects", "LOG"], "--rejects LOG is the input log LOG; write the report to another file"),
        (["--rejects", "OUT", "--output", "OUT"], "--output and --rejects name the same file OUT; give two files"),
    ])
    func protectedFiles(options: [String], message: String) throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = try sampleCopy(in: directory)
        let out = directory.appendingPathComponent("out.txt").path
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        let resolved = options.map { $0 == "LOG" ? log : $0 == "OUT" ? out : $0 }
        let result = try TallyExecutable.run(Self.arguments + resolved + [log])
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "tally: " + message.replacingOccurrences(of: "LOG", with: log)
            .replacingOccurrences(of: "OUT", with: out) + "\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: log)) == before)
    }

    @Test("a link to the input log is refused as --output, and the log kept")
    func linkToInput() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = try sampleCopy(in: directory)
        let link = directory.appendingPathComponent("report.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "log.jsonl")
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        let result = try TallyExecutable.run(Self.arguments + ["--output", link, log])
        #expect(result.status == 64)
        #expect(result.standardError == "tally: --output \(link) is the input log \(log); write the report to another file\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: log)) == before)
    }

    @Test("a replaced report keeps the permissions of the file it replaces")
    func permissionsKept() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = try sampleCopy(in: directory)
        let out = directory.appendingPathComponent("out.txt").path
        try "old\n".write(toFile: out, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: out)
        let result = try TallyExecutable.run(Self.arguments + ["--output", out, log])
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("Invoices for 2026-10"))
        let permissions = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
    }

    // MARK: The books are not an output (README, "Closing a month")

    /// Cases of an output inside the books: the command, the output option
    /// and its path, the `--books` given (`BOOKS` is the books folder, `DIR`
    /// the workspace), and the message.
    static let intoBooks: [([String], String, String, String, String)] = [
        (["invoice", "--month", "2026-11", "--format", "json"], "--output", "BOOKS/2026-10/invoices.json", "BOOKS", "inside the books folder BOOKS"),
        (["invoice", "--month", "2026-11"], "--rejects", "BOOKS/2026-10/close.json", "BOOKS", "inside the books folder BOOKS"),
        (["summary", "--month", "2026-11"], "--output", "DIR/link.json", "BOOKS", "inside the books folder BOOKS"),
        (["usage", "--account", "acct_blog", "--month", "2026-11"], "--output", "BOOKS/../books/new.txt", "DIR/books-link",
         "inside the books folder DIR/books-link"),
        (["explain", "--account", "acct_blog", "--month", "2026-11"], "--output", "BOOKS", "BOOKS", "the books folder BOOKS"),
        (["close", "--month", "2026-11", "--at", "2026-12-02T00:00:00Z"], "--output", "DIR/books-link/2026-11.txt", "BOOKS",
         "inside the books folder BOOKS"),
    ]

    @Test("an --output or --rejects inside the books (or the books folder), by real path, is refused before anything runs",
          arguments: intoBooks)
    func outputInBooks(command: [String], option: String, path: String, books: String, message: String) throws {
        let workspace = try BooksCloseTests.Workspace()
        defer { workspace.remove() }
        #expect(BooksCloseTests.close("2026-10", workspace).status == .success)
        let folder = workspace.folder.path
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.json", withDestinationPath: "books/2026-10/invoices.json")
        try FileManager.default.createSymbolicLink(atPath: folder + "/books-link", withDestinationPath: "books")
        let before = workspace.snapshot()
        func resolved(_ text: String) -> String {
            text.replacingOccurrences(of: "BOOKS", with: workspace.books).replacingOccurrences(of: "DIR", with: folder)
        }
        let result = InProcess.run(command + ["--books", resolved(books), option, resolved(path), workspace.log])
        #expect(result.status == .usage)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "tally: \(option) \(resolved(path)) is \(resolved(message)), which only Tally writes; "
            + "write the report elsewhere\n")
        #expect(workspace.snapshot() == before)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.json") == "books/2026-10/invoices.json")
    }

    @Test("the first close refuses an --output inside the books it would make")
    func outputInBooksBeforeFirstClose() throws {
        let workspace = try BooksCloseTests.Workspace()
        defer { workspace.remove() }
        let output = workspace.books + "/report.txt"
        let result = BooksCloseTests.close("2026-10", workspace, extra: ["--output", output])
        #expect(result.status == .usage)
        #expect(result.standardError == "tally: --output \(output) is inside the books folder \(workspace.books), which only Tally writes; "
            + "write the report elsewhere\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.books))
    }

    @Test("an --output beside the books is written as usual")
    func outputBesideBooks() throws {
        let workspace = try BooksCloseTests.Workspace()
        defer { workspace.remove() }
        #expect(BooksCloseTests.close("2026-10", workspace).status == .success)
        let output = workspace.folder.path + "/books.json"
        let result = InProcess.run(["invoice", "--month", "2026-10", "--format", "json", "--books", workspace.books, "--output", output,
                                    workspace.log])
        #expect(result.status == .success)
        #expect(try String(contentsOfFile: output, encoding: .utf8)
            == String(contentsOfFile: workspace.books + "/2026-10/invoices.json", encoding: .utf8))
    }

    // MARK: Checked before the run (README, "Reports for operators")

    static let everyCommand: [[String]] = [
        ["invoice", "--month", "2026-10", "--rejects", "DIR/rejects.jsonl"],
        ["summary", "--month", "2026-10"],
        ["usage", "--account", "acct_blog", "--month", "2026-10"],
        ["explain", "--account", "acct_blog", "--month", "2026-10"],
        ["close", "--month", "2026-10", "--books", "DIR/books", "--at", "2026-11-02T00:00:00Z"],
    ]

    @Test("an --output that can't be written stops every command before the log is read, a valid --rejects kept",
          arguments: everyCommand)
    func outputCheckedFirst(command: [String]) throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = try sampleCopy(in: directory)
        // A rejected line: a run would name it on standard error.
        let handle = try #require(FileHandle(forWritingAtPath: log))
        handle.seekToEndOfFile()
        handle.write(Data("not json\n".utf8))
        try handle.close()
        try "old\n".write(toFile: directory.path + "/rejects.jsonl", atomically: true, encoding: .utf8)
        let output = directory.path + "/missing/report.txt"
        let arguments = command.map { $0.replacingOccurrences(of: "DIR", with: directory.path) }
        let result = InProcess.run(arguments + ["--output", output, log])
        #expect(result.status == .usage)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "tally: --output \(output): cannot be written: No such file or directory; "
            + "check that its folder exists and is writable\n")
        #expect(try String(contentsOfFile: directory.path + "/rejects.jsonl", encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["log.jsonl", "rejects.jsonl"])
    }

    @Test("a --rejects that can't be written leaves no temporary file of --output behind")
    func rejectsCheckedFirst() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = try sampleCopy(in: directory)
        let rejects = log + "/rejects.jsonl"
        let result = InProcess.run(Self.arguments + ["--output", directory.path + "/out.txt", "--rejects", rejects, log])
        #expect(result.status == .usage)
        #expect(result.standardError == "tally: --rejects \(rejects): cannot be written: Not a directory; "
            + "check that its folder exists and is writable\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["log.jsonl"])
    }

    // MARK: Names and reasons

    @Test("a file name of 250 characters is written: the temporary name is cut to fit 255 bytes")
    func longName() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = try sampleCopy(in: directory)
        let name = String(repeating: "i", count: 245) + ".json"
        let result = InProcess.run(Self.arguments + ["--format", "json", "--output", directory.path + "/" + name, log])
        #expect(result.status == .success)
        #expect(result.standardError == "")
        #expect(try String(contentsOfFile: directory.path + "/" + name, encoding: .utf8)
            == InProcess.run(Self.arguments + ["--format", "json", log]).standardOutput)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [name, "log.jsonl"])
        // A name over 255 bytes can't be a file's name at all.
        let tooLong = directory.path + "/" + String(repeating: "i", count: 256)
        let refused = InProcess.run(Self.arguments + ["--output", tooLong, log])
        #expect(refused.status == .usage)
        #expect(refused.standardError == "tally: --output \(tooLong): cannot be written: File name too long; give a shorter name\n")
    }

    @Test("the temporary name is .NAME.tmp-PID-UUID, NAME cut at a character when the whole would pass 255 bytes",
          arguments: [("out.txt", 1), (String(repeating: "é", count: 127), 2), (String(repeating: "i", count: 255), 1)])
    func temporaryName(name: String, bytesPerCharacter: Int) {
        let temporary = AtomicFileWriter.temporaryName(for: name)
        let suffix = ".tmp-\(getpid())-"
        // The dot, NAME, the suffix and a UUID of 36 characters.
        let room = 255 - 1 - suffix.utf8.count - 36
        let kept = String(name.prefix(min(name.count, room / bytesPerCharacter)))
        #expect(temporary.hasPrefix("." + kept + suffix))
        #expect(temporary.utf8.count == 1 + kept.utf8.count + suffix.utf8.count + 36)
        #expect(temporary.utf8.count <= 255)
        #expect(name == "out.txt" ? kept == name : kept.utf8.count > room - bytesPerCharacter)
    }

    @Test("a file that can't be created: the operator's mistake is a usage error, the system's failure exit 74, with its reason",
          arguments: [(ENOSPC, "No space left on device"), (EDQUOT, "Disk quota exceeded"), (EIO, "Input/output error"),
                      (EROFS, "Read-only file system"), (EACCES, "Permission denied"), (ENOENT, "No such file or directory"),
                      (ENOTDIR, "Not a directory"), (EISDIR, "Is a directory")])
    func creationFailure(code: Int32, reason: String) {
        let error = AtomicFileWriter.openingError(code, option: "--output", path: "out.json", advice: "check that its folder exists and is writable")
        if [ENOSPC, EDQUOT, EIO, EROFS].contains(code) {
            #expect(error == .failure(OutputError(message: "--output out.json: cannot be written: \(reason); nothing was read or written")))
        } else {
            #expect(error == .mistake(.unusableOutput(option: "--output", path: "out.json",
                                                      problem: "cannot be written: \(reason); check that its folder exists and is writable")))
        }
    }

    @Test("a write that fails gives the system's reason: /dev/full, written directly, exits 74")
    func fullDevice() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = try sampleCopy(in: directory)
        let result = InProcess.run(Self.arguments + ["--format", "json", "--output", "/dev/full", log])
        #expect(result.status == .ioError)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "tally: /dev/full: write failed: No space left on device\n")
    }
}
