extension FoundationLineParser {
    /// The byte offset of the first comma that is followed, after white
    /// space, by `}` or `]`, outside strings; `nil` when there is none.
    ///
    /// JSON (RFC 8259) has no trailing commas, but `JSONSerialization` in
    /// swift-corelibs-foundation accepts them (`{"a":1,}`, `[1,]`), so a line
    /// that is not JSON would otherwise pass as an event (SPEC §2: a line
    /// that is not a JSON object is rejected).
    static func trailingCommaOffset(in line: UnsafeRawBufferPointer) -> Int? {
        var pendingComma: Int?
        var index = 0
        while index < line.count {
            switch line[index] {
            case UInt8(ascii: "\""):
                pendingComma = nil
                index += 1
                while index < line.count, line[index] != UInt8(ascii: "\"") {
                    index += line[index] == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: ","):
                pendingComma = index
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if let pendingComma { return pendingComma }
            case 0x20, 0x09, 0x0A, 0x0D:
                break
            default:
                pendingComma = nil
            }
            index += 1
        }
        return nil
    }
}
