import Foundation

/// Runs the built `tally` executable, as a user would.
enum TallyExecutable {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `tally` binary next to the test bundle (`swift test` builds it).
    static var url: URL {
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
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let outputHandle = try FileHandle(forWritingTo: outputURL)
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        let standardInput = Pipe()
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(input) }
        try standardInput.fileHandleForWriting.close()
        process.waitUntilExit()
        try outputHandle.close()
        try errorHandle.close()
        let outputData = try Data(contentsOf: outputURL)
        let errorData = try Data(contentsOf: errorURL)
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: outputData, as: UTF8.self),
                      standardError: String(decoding: errorData, as: UTF8.self))
    }
}
