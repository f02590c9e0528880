import Foundation

/// One input of an event log (SPEC §2: a log may span several files, read in
/// the order given).
public struct EventInput: Sendable, Hashable {
    enum Origin: Sendable, Hashable {
        case file(path: String)
        case standardInput
        case bytes([UInt8])
    }

    let origin: Origin
    /// The name used in messages: the path as given, `-`, or a caller's label.
    public let name: String
    /// The most bytes Tally copies aside of this input when it is not a
    /// regular file (standard input, a pipe, a FIFO), so that its lines can be
    /// read again; one byte more stops the run with an ``InputError``
    /// (README, "Bad input"). Regular files and text are never copied.
    public internal(set) var spoolLimit: Int64 = EventInput.defaultSpoolLimit

    /// The default ``spoolLimit``: 4 GiB, in bytes.
    public static let defaultSpoolLimit: Int64 = 4 << 30

    /// This input with another ``spoolLimit``.
    ///
    /// - Parameter bytes: the most bytes to copy aside, ≥ 0.
    /// - Returns: the same input, copied aside up to `bytes`.
    public func limitingSpool(to bytes: Int64) -> EventInput {
        var input = self
        input.spoolLimit = max(0, bytes)
        return input
    }

    /// The file's path, for an input that is a file.
    var path: String? {
        if case let .file(path) = origin { return path }
        return nil
    }

    /// Whether the input is standard input.
    var isStandardInput: Bool { origin == .standardInput }

    /// A file, read as a stream. `-` means standard input.
    ///
    /// - Parameter path: the path as given; messages show it unchanged.
    public static func file(_ path: String) -> EventInput {
        path == "-" ? .standardInput : EventInput(origin: .file(path: path), name: path)
    }

    /// Standard input, read as a stream; messages call it `-`.
    public static var standardInput: EventInput {
        EventInput(origin: .standardInput, name: "-")
    }

    /// Event-log text held in memory, e.g. a test's or a ticket's events.
    ///
    /// - Parameters:
    ///   - text: JSON Lines (SPEC §2).
    ///   - name: the name messages use for it.
    public static func text(_ text: String, name: String) -> EventInput {
        EventInput(origin: .bytes(Array(text.utf8)), name: name)
    }

    /// Events held in memory, written as the JSON Lines Tally would append
    /// (``Event/jsonLine``), and read back through the same rules as a file.
    ///
    /// - Parameters:
    ///   - events: the events, in input order.
    ///   - name: the name messages use for them.
    public static func events(_ events: [Event], name: String) -> EventInput {
        .text(events.map { $0.jsonLine + "\n" }.joined(), name: name)
    }
}

/// An input that can't be read at all: missing, a directory, or unreadable.
/// The CLI maps it to exit code 66.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input's name as given.
    public let name: String
    /// What went wrong, in words.
    public let problem: String

    /// The message, in words, for people and logs.
    public var description: String { "\(name): \(problem)" }
}
