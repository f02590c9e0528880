/// Parses a line with the fast parser, or with Foundation's when the fast one
/// can't take it; the two agree on every line (`ReadAwkwardLineTests`). For the
/// paths off the hot one: reading a line again, value fingerprints (SPEC §2.1)
/// and settling late duplicates. The hot path, which also reports why a line
/// is rejected, is ``EventReader``'s own.
struct FallbackLineParser {
    private var fast = FastLineParser()
    private var full = FoundationLineParser()

    /// Calls `body` with the fields of `line` and the bytes their ranges point
    /// into.
    ///
    /// - Returns: `body`'s result, or `nil` when the line is not a JSON object.
    mutating func withFields<Result>(of line: UnsafeRawBufferPointer, fingerprinting: Bool = false,
                                     _ body: (ParsedFields, UnsafeRawBufferPointer) -> Result) -> Result? {
        if case .object = fast.parse(line, fingerprinting: fingerprinting) { return body(fast.fields, line) }
        guard case .object = full.parse(line) else { return nil }
        let fields = full.fields
        return full.scratch.withUnsafeBytes { body(fields, $0) }
    }
}
