/// Where a line of the event log came from: its file and 1-based line number.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file as given on the command line, or `-` for standard input.
    public let file: String
    /// The line number, counting from 1 and counting blank lines too.
    public let line: Int

    /// Makes a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `FILE:LINE`, the form editors and terminals recognise.
    public var description: String { "\(file):\(line)" }

    /// Orders locations by file name, then line.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line) < (rhs.file, rhs.line)
    }
}

/// Where an event's line sits in its input, compact enough to keep one per
/// event: the input's index in the run, the line number, and the byte range,
/// so the line can be read again for a report without being kept in memory.
struct LineLocation: Hashable, Sendable {
    var source: UInt16
    var line: Int32
    var offset: Int64
    var length: Int32
}
