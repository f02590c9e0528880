/// How far a read has come, for showing progress on long runs (README,
/// "Command reference"): reported every ``interval`` lines and at the end of
/// each input.
public struct ReadProgress: Sendable, Hashable {
    /// Lines read so far (blank lines not counted), every input together.
    public var lines: Int
    /// Bytes read so far, every input together.
    public var bytes: Int64
    /// The inputs' total size in bytes, when known (files and text; not
    /// standard input or a pipe).
    public var totalBytes: Int64?

    /// Lines between two reports.
    public static let interval = 1 << 16

    /// Makes a report.
    public init(lines: Int, bytes: Int64, totalBytes: Int64?) {
        self.lines = lines
        self.bytes = bytes
        self.totalBytes = totalBytes
    }
}
