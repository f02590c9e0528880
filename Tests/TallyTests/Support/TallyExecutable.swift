import Foundation

/// Runs the built `tally` executable, as a user would.
enum TallyExecutable {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
        /// Whether a signal ended the process; `status` is then the signal's number.
        var killedBySignal = false
    }

    /// The `tally` binary next to the test bundle (`swift test` builds it), or
    /// `$TALLY_EXECUTABLE` (e.g. an older build, to see a test fail before a fix).
    static var url: URL {
        if let override = ProcessInfo.processInfo.environment["TALLY_EXECUTABLE"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            bundleDirectory.appendingPathComponent("tally"),
            Fixtures.root.appendingPathComponent(".build/debug/tally"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs `tally arguments…` (or `executable`) from the repository root (so
    /// `Rates/` is found), feeding `input` on standard input.
    static func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:],
                    currentDirectory: URL = Fixtures.root, executable: URL = url) throws -> Result {
        let running = try start(arguments, environment: environment, currentDirectory: currentDirectory, executable: executable)
        if let input { try? running.standardInput?.write(contentsOf: input) }
        try running.standardInput?.close()
        return try running.wait()
    }

    /// A `tally` process started by ``start(_:standardInput:standardOutput:environment:currentDirectory:)``.
    final class Running {
        let process: Process
        /// The writing end of standard input, when the caller gave none.
        let standardInput: FileHandle?
        private let scratch: URL
        private let outputURL: URL?
        private let errorURL: URL
        private let handles: [FileHandle]

        init(process: Process, standardInput: FileHandle?, scratch: URL, outputURL: URL?, errorURL: URL, handles: [FileHandle]) {
            self.process = process
            self.standardInput = standardInput
            self.scratch = scratch
            self.outputURL = outputURL
            self.errorURL = errorURL
            self.handles = handles
        }

        /// Sends `signal` to the process.
        func send(_ signal: Int32) {
            kill(process.processIdentifier, signal)
        }

        /// Whether the process has not ended.
        var isRunning: Bool { process.isRunning }

        /// Waits for the process to end, at most `timeout` seconds (then kills it).
        func wait(timeout: TimeInterval = 120) throws -> Result {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            if process.isRunning {
                send(SIGKILL)
                process.waitUntilExit()
            }
            process.waitUntilExit()
            try? standardInput?.close()
            for handle in handles { try? handle.close() }
            defer { try? FileManager.default.removeItem(at: scratch) }
            let outputData = try outputURL.map { try Data(contentsOf: $0) } ?? Data()
            let errorData = try Data(contentsOf: errorURL)
            return Result(status: process.terminationStatus,
                          standardOutput: String(decoding: outputData, as: UTF8.self),
                          standardError: String(decoding: errorData, as: UTF8.self),
                          killedBySignal: process.terminationReason == .uncaughtSignal)
        }
    }

    /// Starts `tally arguments…` from `currentDirectory` without waiting.
    ///
    /// - Parameters:
    ///   - standardInput: what the process reads; `nil` gives it a pipe whose
    ///     writing end is ``Running/standardInput``, open until closed.
    ///   - standardOutput: where the report goes; `nil` keeps it for the result.
    static func start(_ arguments: [String], standardInput: FileHandle? = nil, standardOutput: FileHandle? = nil,
                      environment: [String: String] = [:], currentDirectory: URL = Fixtures.root,
                      executable: URL = url) throws -> Running {
        // A process that ends before reading all its input must not kill the tests with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = currentDirectory
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "TALLY_RATES")
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        // Standard output and error go to files, so neither can fill a pipe and block the process.
        let scratch = Fixtures.temporaryDirectory()
        let errorURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        var handles = [errorHandle]
        var outputURL: URL?
        if let standardOutput {
            process.standardOutput = standardOutput
        } else {
            let url = scratch.appendingPathComponent("stdout")
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            handles.append(handle)
            process.standardOutput = handle
            outputURL = url
        }
        process.standardError = errorHandle
        var writingEnd: FileHandle?
        if let standardInput {
            process.standardInput = standardInput
        } else {
            let pipe = Pipe()
            process.standardInput = pipe
            writingEnd = pipe.fileHandleForWriting
        }
        try process.run()
        return Running(process: process, standardInput: writingEnd, scratch: scratch, outputURL: outputURL,
                       errorURL: errorURL, handles: handles)
    }
}
