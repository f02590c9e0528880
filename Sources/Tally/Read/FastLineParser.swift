/// The event reader's hot path: parses the common line, a flat JSON object of
/// plain ASCII strings (no escapes), integers, booleans and null, straight
/// from the bytes. Anything else (escapes, non-ASCII, nested values, numbers
/// with fraction or exponent, repeated keys, invalid JSON) is `.unsupported`
/// and goes to ``FoundationLineParser``, which decides it.
///
/// Why not Foundation for every line: `JSONSerialization` parses about 0.27
/// million event lines a second on this machine, a byte scanner about 5 million
/// (issue 6); the reader is the month-end run's bottleneck.
struct FastLineParser {
    /// The fields of the last line parsed; strings point into that line.
    private(set) var fields = ParsedFields()
    private var keys: [(start: Int, end: Int)] = []

    init() {
        keys.reserveCapacity(16)
    }

    mutating func parse(_ line: UnsafeRawBufferPointer) -> LineParse {
        fields.reset()
        keys.removeAll(keepingCapacity: true)
        let count = line.count
        var index = 0

        @inline(__always) func skipWhiteSpace() {
            while index < count {
                let byte = line[index]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
                index += 1
            }
        }
        /// Scans a plain string whose opening quote is at `index`; returns its content range.
        @inline(__always) func plainString() -> (start: Int, end: Int)? {
            index += 1
            let start = index
            while index < count {
                let byte = line[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return (start, index - 1)
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return nil }
                index += 1
            }
            return nil
        }
        @inline(__always) func literal(_ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard index + length <= count else { return false }
            let pointer = word.utf8Start
            for offset in 0..<length where line[index + offset] != pointer[offset] { return false }
            index += length
            return true
        }

        skipWhiteSpace()
        guard index < count, line[index] == UInt8(ascii: "{") else { return .unsupported }
        index += 1
        skipWhiteSpace()
        var memberSum: UInt64 = 0
        if index < count, line[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                guard index < count, line[index] == UInt8(ascii: "\""), let key = plainString() else { return .unsupported }
                let keyBytes = UnsafeRawBufferPointer(rebasing: line[key.start..<key.end])
                for earlier in keys where earlier.end - earlier.start == keyBytes.count {
                    if UnsafeRawBufferPointer(rebasing: line[earlier.start..<earlier.end]).elementsEqual(keyBytes) {
                        return .unsupported
                    }
                }
                keys.append(key)
                skipWhiteSpace()
                guard index < count, line[index] == UInt8(ascii: ":") else { return .unsupported }
                index += 1
                skipWhiteSpace()
                guard index < count else { return .unsupported }

                let value: ParsedFields.Value
                let valueHash: UInt64
                switch line[index] {
                case UInt8(ascii: "\""):
                    guard let string = plainString() else { return .unsupported }
                    value = .string(start: string.start, end: string.end)
                    valueHash = ValueFingerprint.string(UnsafeRawBufferPointer(rebasing: line[string.start..<string.end]))
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard let integer = Self.integer(line, &index) else { return .unsupported }
                    value = .integer(integer)
                    valueHash = ValueFingerprint.integer(integer)
                case UInt8(ascii: "t"):
                    guard literal("true") else { return .unsupported }
                    value = .bool(true)
                    valueHash = ValueFingerprint.bool(true)
                case UInt8(ascii: "f"):
                    guard literal("false") else { return .unsupported }
                    value = .bool(false)
                    valueHash = ValueFingerprint.bool(false)
                case UInt8(ascii: "n"):
                    guard literal("null") else { return .unsupported }
                    value = .null
                    valueHash = ValueFingerprint.null
                default:
                    return .unsupported
                }
                if let field = Self.knownField(keyBytes) { fields[field] = value }
                memberSum &+= ValueFingerprint.member(key: keyBytes, value: valueHash)

                skipWhiteSpace()
                guard index < count else { return .unsupported }
                if line[index] == UInt8(ascii: ",") {
                    index += 1
                    skipWhiteSpace()
                    continue
                }
                guard line[index] == UInt8(ascii: "}") else { return .unsupported }
                index += 1
                break
            }
        }
        skipWhiteSpace()
        guard index == count else { return .unsupported }
        fields.fingerprint = ValueFingerprint.object(memberSum: memberSum)
        return .object
    }

    /// A JSON integer (`-?(0|[1-9][0-9]*)`) in Int64 range, followed by
    /// something that is not part of a number; `nil` otherwise.
    @inline(__always)
    private static func integer(_ line: UnsafeRawBufferPointer, _ index: inout Int) -> Int64? {
        let count = line.count
        var negative = false
        if line[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var magnitude: UInt64 = 0
        while index < count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index]) {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(line[index] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || line[start] != UInt8(ascii: "0") else { return nil }
        if index < count {
            let next = line[index]
            guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E") else { return nil }
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// The field a key names, when Tally reads it.
    @inline(__always)
    static func knownField(_ key: UnsafeRawBufferPointer) -> EventField? {
        @inline(__always) func matches(_ word: StaticString) -> Bool {
            let pointer = word.utf8Start
            for offset in 0..<key.count where key[offset] != pointer[offset] { return false }
            return true
        }
        switch key.count {
        case 2: return matches("id") ? .id : nil
        case 3: return matches("app") ? .app : nil
        case 4:
            if matches("time") { return .time }
            return matches("type") ? .type : nil
        case 6:
            if matches("domain") { return .domain }
            return matches("flavor") ? .flavor : nil
        case 7:
            if matches("account") { return .account }
            return matches("service") ? .service : nil
        case 9:
            if matches("instances") { return .instances }
            return matches("memory_mb") ? .memoryMB : nil
        case 12: return matches("service_type") ? .serviceType : nil
        default: return nil
        }
    }
}
