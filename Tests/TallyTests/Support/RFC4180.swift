/// A strict RFC 4180 reader for checking Tally's CSV: every record ends in
/// CRLF; a field is either plain (no `"`, `,`, CR or LF) or enclosed in
/// double quotes with inner quotes doubled; nothing may follow a closing
/// quote but a comma or CRLF; every record has as many fields as the header.
enum RFC4180 {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// The records of `text`, header first.
    static func parse(_ text: String) throws -> [[String]] {
        let bytes = Array(text.utf8)
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var index = 0
        func fail(_ problem: String) -> Malformed {
            Malformed(description: "record \(records.count + 1), byte \(index): \(problem)")
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while true {
                    guard index < bytes.count else { throw fail("unterminated quoted field") }
                    if bytes[index] == UInt8(ascii: "\"") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                            field.append(UInt8(ascii: "\""))
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    field.append(bytes[index])
                    index += 1
                }
            } else {
                while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != 13 {
                    guard bytes[index] != UInt8(ascii: "\""), bytes[index] != 10 else {
                        throw fail("a quote or a bare LF in an unquoted field")
                    }
                    field.append(bytes[index])
                    index += 1
                }
            }
            record.append(String(decoding: field, as: UTF8.self))
            field = []
            guard index < bytes.count else { throw fail("the last record does not end in CRLF") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                guard index < bytes.count else { throw fail("a comma at the end of the text") }
                continue
            }
            guard bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 else {
                throw fail("a field is followed by neither a comma nor CRLF")
            }
            index += 2
            if let header = records.first, header.count != record.count {
                throw fail("\(record.count) fields where the header has \(header.count)")
            }
            records.append(record)
            record = []
        }
        return records
    }
}
