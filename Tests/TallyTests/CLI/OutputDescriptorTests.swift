import Foundation
import Testing
@testable import Tally
import TallyCommands

/// `--output /dev/stdout`, `/dev/fd/N` and `/proc/self/fd/N` write through
/// the descriptor already open, whatever it is open on, and never replace
/// the file it points to (README, "Reports for operators").
@Suite("Output to descriptors: standard output as it is, other descriptors written through")
struct OutputDescriptorTests {
    static let arguments = ["invoice", "--month", "2026-10", "--format", "json"]
    static var report: String { InProcess.run(arguments + [InProcess.sample]).standardOutput }

    /// A pipe's two descriptors, closed at the end unless closed before.
    final class OpenPipe {
        var reading: Int32 = -1
        var writing: Int32 = -1

        init() throws {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            reading = ends[0]
            writing = ends[1]
        }

        func closeWriting() {
            if writing >= 0 { close(writing) }
            writing = -1
        }

        /// What was written, once the writing end is closed.
        func readAll() -> String {
            closeWriting()
            return String(decoding: FileHandle(fileDescriptor: reading, closeOnDealloc: false).readDataToEndOfFile(), as: UTF8.self)
        }

        deinit {
            closeWriting()
            close(reading)
        }
    }

    @Test("--output naming standard output is --output -", arguments: ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "LINK"])
    func standardOutput(_ path: String) throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("out.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/stdout")
        let result = InProcess.run(Self.arguments + ["--output", path == "LINK" ? link : path, InProcess.sample])
        #expect(result.status == .success)
        #expect(result.standardError == "")
        #expect(result.standardOutput == Self.report)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/dev/stdout")
    }

    @Test("--rejects naming standard output is refused as --rejects - is")
    func rejectsToStandardOutput() {
        let result = InProcess.run(["invoice", "--month", "2026-10", "--rejects", "/dev/stdout", InProcess.sample])
        #expect(result.status == .usage)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "tally: --rejects \"/dev/stdout\": expected a file (standard output carries the report)\n"
            + "Usage: tally invoice --month YYYY-MM [options] [FILE ...]\nRun tally help invoice for every option.\n")
    }

    @Test("another descriptor open on a pipe is written through", arguments: ["/dev/fd/N", "/proc/self/fd/N"])
    func pipeDescriptor(_ template: String) throws {
        let pipe = try OpenPipe()
        let path = template.replacingOccurrences(of: "N", with: String(pipe.writing))
        let result = InProcess.run(Self.arguments + ["--output", path, InProcess.sample])
        #expect(result.status == .success)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "")
        #expect(pipe.readAll() == Self.report)
    }

    @Test("a pipe whose reader is gone: exit 74 and the system's reason")
    func brokenPipe() throws {
        // As tally's own tests do: a write to a closed pipe must fail, not end the test process.
        signal(SIGPIPE, SIG_IGN)
        let pipe = try OpenPipe()
        close(pipe.reading)
        pipe.reading = -1
        let path = "/dev/fd/\(pipe.writing)"
        let result = InProcess.run(Self.arguments + ["--output", path, InProcess.sample])
        #expect(result.status == .ioError)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "tally: \(path): write failed: Broken pipe\n")
    }

    @Test("a descriptor open on a deleted file is written through; no file named after it is made")
    func deletedFile() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let deleted = directory.appendingPathComponent("del.json").path
        let descriptor = open(deleted, O_RDWR | O_CREAT, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        unlink(deleted)
        let result = InProcess.run(Self.arguments + ["--output", "/dev/fd/\(descriptor)", InProcess.sample])
        #expect(result.status == .success)
        #expect(result.standardError == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        try handle.seek(toOffset: 0)
        #expect(String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self) == Self.report)
    }

    @Test("a descriptor not open, or open only for reading, is a usage error")
    func unusableDescriptor() throws {
        let closed = InProcess.run(Self.arguments + ["--output", "/dev/fd/999", InProcess.sample])
        #expect(closed.status == .usage)
        #expect(closed.standardError == "tally: --output /dev/fd/999: descriptor 999 is not open; give a file name\n")
        let reading = open("/dev/null", O_RDONLY)
        try #require(reading >= 0)
        defer { close(reading) }
        let readOnly = InProcess.run(Self.arguments + ["--output", "/dev/fd/\(reading)", InProcess.sample])
        #expect(readOnly.status == .usage)
        #expect(readOnly.standardError == "tally: --output /dev/fd/\(reading): descriptor \(reading) is open for reading only; "
            + "give a file name\n")
    }

    // MARK: The executable, its standard output a pipe or a file appended to

    @Test("tally --output /dev/stdout | cat: the pipe is written", arguments: ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
    func standardOutputPipe(_ path: String) throws {
        let pipe = Foundation.Pipe()
        let running = try TallyExecutable.start(Self.arguments + ["--output", path, InProcess.sample],
                                                standardOutput: pipe.fileHandleForWriting)
        try pipe.fileHandleForWriting.close()
        let received = pipe.fileHandleForReading.readDataToEndOfFile()
        let result = try running.wait(timeout: 60)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(String(decoding: received, as: UTF8.self) == Self.report)
    }

    @Test("tally --output /dev/stdout >> FILE appends, as >> FILE alone does")
    func standardOutputAppended() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("a.json").path
        try "PREV\n".write(toFile: file, atomically: true, encoding: .utf8)
        let descriptor = open(file, O_WRONLY | O_APPEND)
        try #require(descriptor >= 0)
        let appending = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let result = try TallyExecutable.start(Self.arguments + ["--output", "/dev/stdout", InProcess.sample], standardOutput: appending)
            .wait(timeout: 60)
        try appending.close()
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "PREV\n" + Self.report)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.json"])
    }

    @Test("tally --output /dev/stderr writes the report where the messages go")
    func standardError() throws {
        let result = try TallyExecutable.run(Self.arguments + ["--output", "/dev/stderr", InProcess.sample])
        #expect(result.status == 0)
        #expect(result.standardOutput == "")
        #expect(result.standardError == Self.report)
    }
}
