import Foundation
import Testing
@testable import Tally

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
}
