/// Pretty-printed JSON being written into a fixed buffer, laid out as
/// Foundation's `JSONEncoder` lays it out (`[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`): two spaces of indentation a level, `" : "`
/// between a key and its value. A write that does not fit sets
/// ``overflowed`` and writes nothing more; the caller tries again larger.
struct JSONOutput {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// Bytes written.
    private(set) var count = 0
    /// Whether a write did not fit.
    private(set) var overflowed = false
    /// Levels of indentation open.
    private(set) var depth: Int

    /// Output into `buffer`, `depth` levels deep (a document written in
    /// pieces goes on at the depth where the last piece stopped).
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>, depth: Int = 0) {
        base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: 1)!
        capacity = buffer.baseAddress == nil ? 0 : buffer.count
        self.depth = depth
    }

    /// Whether `size` more bytes fit; when not, the output is spoilt.
    @inline(__always)
    private mutating func reserve(_ size: Int) -> Bool {
        if count + size <= capacity, !overflowed { return true }
        overflowed = true
        return false
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        guard reserve(1) else { return }
        base[count] = byte
        count += 1
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard reserve(bytes.count), let source = bytes.baseAddress else { return }
        (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    private mutating func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    mutating func indentation() {
        var remaining = depth * 2
        while remaining > 0 {
            let run = min(remaining, Self.spaces.count)
            Self.spaces.withUnsafeBytes { append(UnsafeRawBufferPointer(rebasing: $0[0..<run])) }
            remaining -= run
        }
    }

    /// `{` or `[` and a new line, one level deeper.
    mutating func open(_ bracket: Unicode.Scalar) {
        append(UInt8(ascii: bracket))
        append(0x0A)
        depth += 1
    }

    /// The closing bracket on its own line (after an empty line when the
    /// container is empty, as `JSONEncoder` writes it), then `,` unless last.
    mutating func close(_ bracket: Unicode.Scalar, last: Bool, empty: Bool = false) {
        depth -= 1
        if empty { append(0x0A) }
        indentation()
        append(UInt8(ascii: bracket))
        endOfMember(last: last)
    }

    /// A new line, after `,` unless the member is the last.
    mutating func endOfMember(last: Bool) {
        if !last { append(0x2C) }
        append(0x0A)
    }

    /// The indentation, the key quoted, and `" : "`.
    mutating func key(_ name: StaticString) {
        indentation()
        append(0x22)
        append(name)
        append("\" : ")
    }

    mutating func member(_ name: StaticString, string value: String, last: Bool = false) {
        key(name)
        quoted(value)
        endOfMember(last: last)
    }

    mutating func member(_ name: StaticString, integer value: Int64, last: Bool = false) {
        key(name)
        if value < 0 { append(UInt8(ascii: "-")) }
        digits(value.magnitude, atLeast: 1)
        endOfMember(last: last)
    }

    /// An amount as ``Money/description`` writes it: the currency's
    /// minor-unit digits exactly, no grouping, quoted.
    mutating func member(_ name: StaticString, money: Money, last: Bool = false) {
        key(name)
        append(0x22)
        if money.minorUnits < 0 { append(UInt8(ascii: "-")) }
        let exponent = money.currency.minorUnitExponent
        var scale: UInt64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let magnitude = money.minorUnits.magnitude
        digits(magnitude / scale, atLeast: 1)
        if exponent > 0 {
            append(UInt8(ascii: "."))
            digits(magnitude % scale, atLeast: exponent)
        }
        append(0x22)
        endOfMember(last: last)
    }

    /// MB-seconds as ``NumberText/mbHours(_:grouping:)`` writes them without
    /// grouping (three decimals, half-even, the sign kept), quoted, then `,`.
    mutating func mbHours(_ mbSeconds: Int64) {
        let thousandths = UInt64(RoundingMode.halfEven.divide(Int128(mbSeconds.magnitude) * 1000, by: 3600))
        append(0x22)
        if mbSeconds < 0 { append(UInt8(ascii: "-")) }
        digits(thousandths / 1000, atLeast: 1)
        append(UInt8(ascii: "."))
        digits(thousandths % 1000, atLeast: 3)
        append(0x22)
        endOfMember(last: false)
    }

    /// A line id as ``LineItem/lineID(onInvoice:)`` writes it (`li-` and 16
    /// lower-case hex digits), quoted, then `,`.
    mutating func lineID(_ hash: UInt64) {
        guard reserve(21) else { return }
        let hex: StaticString = "0123456789abcdef"
        base[count] = 0x22
        base[count + 1] = UInt8(ascii: "l")
        base[count + 2] = UInt8(ascii: "i")
        base[count + 3] = UInt8(ascii: "-")
        for index in 0..<16 {
            base[count + 4 + index] = hex.utf8Start[Int(hash >> UInt64(60 - 4 * index) & 0xF)]
        }
        base[count + 20] = 0x22
        count += 21
        endOfMember(last: false)
    }

    /// The decimal digits of `value`, zero-padded to `atLeast` digits.
    private mutating func digits(_ value: UInt64, atLeast minimum: Int) {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { scratch in
            var value = value
            var start = scratch.count
            repeat {
                start -= 1
                scratch[start] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0 || scratch.count - start < minimum
            append(UnsafeRawBufferPointer(rebasing: scratch[start...]))
        }
    }

    /// `bytes`, known to need no escape, quoted.
    mutating func quoted(bytes: [UInt8]) {
        append(0x22)
        bytes.withUnsafeBytes { append($0) }
        append(0x22)
    }

    /// `text` as a JSON string: `"` and `\` escaped, control characters as
    /// `\n`, `\t`, … or `\u00XX`; `/` and non-ASCII as they are.
    mutating func quoted(_ text: String) {
        append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            // Names and figures need no escape (SPEC §2's rules): copy them whole.
            if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                append(UnsafeRawBufferPointer(utf8))
                return
            }
            for byte in utf8 { escaped(byte) }
        }
        append(0x22)
    }

    private mutating func escaped(_ byte: UInt8) {
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case 0..<0x20:
            let hex: StaticString = "0123456789abcdef"
            append("\\u00")
            append(hex.utf8Start[Int(byte >> 4)])
            append(hex.utf8Start[Int(byte & 0xF)])
        default: append(byte)
        }
    }
}
