extension ValueFingerprint {
    /// The fingerprint of the JSON value written in `text`, computed from its
    /// bytes: strings by their decoded UTF-8 (escapes resolved), numbers by
    /// their exact decimal value (SPEC §2.1 compares duplicates as values, so
    /// `12345678901234567890` and `12345678901234567891` differ, while `64`,
    /// `64.0` and `6.4e1` are equal), objects by the sum of their members.
    /// Equal to what ``FastLineParser`` computes for the lines it takes.
    ///
    /// Foundation's values can't give this: a number comes out of
    /// `JSONSerialization` as a `Double` (53 bits) or a decimal of 38 digits.
    ///
    /// - Parameter text: one JSON value, white space around it allowed.
    /// - Returns: the fingerprint, or `nil` when `text` is not exactly one
    ///   JSON value (RFC 8259) nested at most 512 levels deep.
    static func ofJSONText(_ text: UnsafeRawBufferPointer) -> UInt64? {
        var scanner = JSONFingerprintScanner(text)
        scanner.skipWhiteSpace()
        guard let value = scanner.value(depth: 0) else { return nil }
        scanner.skipWhiteSpace()
        return scanner.index == text.count ? value : nil
    }
}

/// Reads JSON text once, left to right, hashing as it goes (see
/// ``ValueFingerprint/ofJSONText(_:)``). Time and memory are linear in the
/// text's length.
private struct JSONFingerprintScanner {
    let bytes: UnsafeRawBufferPointer
    var index = 0
    /// Decoded string bytes, reused.
    private var decoded: [UInt8] = []
    /// A number's significant digits, reused.
    private var digits: [UInt8] = []

    /// Deeper than Foundation's limit, which the line passed already.
    static let maximumDepth = 512

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    private var peek: UInt8 { index < bytes.count ? bytes[index] : 0 }

    mutating func skipWhiteSpace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
            index += 1
        }
    }

    private mutating func literal(_ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, bytes[index..<index + utf8.count].elementsEqual(utf8) else { return false }
        index += utf8.count
        return true
    }

    mutating func value(depth: Int) -> UInt64? {
        switch peek {
        case UInt8(ascii: "{"):
            return object(depth: depth + 1)
        case UInt8(ascii: "["):
            return array(depth: depth + 1)
        case UInt8(ascii: "\""):
            guard string() else { return nil }
            return decoded.withUnsafeBytes { ValueFingerprint.string($0) }
        case UInt8(ascii: "t"):
            return literal("true") ? ValueFingerprint.bool(true) : nil
        case UInt8(ascii: "f"):
            return literal("false") ? ValueFingerprint.bool(false) : nil
        case UInt8(ascii: "n"):
            return literal("null") ? ValueFingerprint.null : nil
        default:
            return number()
        }
    }

    private mutating func object(depth: Int) -> UInt64? {
        guard depth <= Self.maximumDepth else { return nil }
        index += 1
        var sum: UInt64 = 0
        skipWhiteSpace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return ValueFingerprint.object(memberSum: sum)
        }
        while true {
            guard peek == UInt8(ascii: "\""), string() else { return nil }
            let keyHash = decoded.withUnsafeBytes { ValueFingerprint.hash($0, seed: ValueFingerprint.objectTag) }
            skipWhiteSpace()
            guard peek == UInt8(ascii: ":") else { return nil }
            index += 1
            skipWhiteSpace()
            guard let member = value(depth: depth) else { return nil }
            sum &+= ValueFingerprint.mix(keyHash, member)
            skipWhiteSpace()
            switch peek {
            case UInt8(ascii: ","):
                index += 1
                skipWhiteSpace()
            case UInt8(ascii: "}"):
                index += 1
                return ValueFingerprint.object(memberSum: sum)
            default:
                return nil
            }
        }
    }

    private mutating func array(depth: Int) -> UInt64? {
        guard depth <= Self.maximumDepth else { return nil }
        index += 1
        var elements: [UInt64] = []
        skipWhiteSpace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return ValueFingerprint.array(elements)
        }
        while true {
            guard let element = value(depth: depth) else { return nil }
            elements.append(element)
            skipWhiteSpace()
            switch peek {
            case UInt8(ascii: ","):
                index += 1
                skipWhiteSpace()
            case UInt8(ascii: "]"):
                index += 1
                return ValueFingerprint.array(elements)
            default:
                return nil
            }
        }
    }

    /// Decodes the string whose opening quote is at the cursor into ``decoded``.
    private mutating func string() -> Bool {
        decoded.removeAll(keepingCapacity: true)
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return true
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { return false }
                let escape = bytes[index + 1]
                index += 2
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    guard let unit = hexUnit() else { return false }
                    appendScalar(unit)
                default:
                    return false
                }
            case 0x00..<0x20:
                return false
            default:
                decoded.append(byte)
                index += 1
            }
        }
        return false
    }

    /// The UTF-16 unit of a `\u` escape (after `\u`), joining a surrogate
    /// pair into one scalar; a lone surrogate stands for U+FFFD.
    private mutating func hexUnit() -> UInt32? {
        guard let unit = fourHexDigits() else { return nil }
        guard (0xD800..<0xDC00).contains(unit) else {
            return (0xDC00..<0xE000).contains(unit) ? 0xFFFD : unit
        }
        let save = index
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            index += 2
            if let low = fourHexDigits(), (0xDC00..<0xE000).contains(low) {
                return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
        }
        index = save
        return 0xFFFD
    }

    private mutating func fourHexDigits() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func appendScalar(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            decoded.append(UInt8(scalar))
        case 0x80..<0x800:
            decoded.append(UInt8(0xC0 | scalar >> 6))
            decoded.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            decoded.append(UInt8(0xE0 | scalar >> 12))
            decoded.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            decoded.append(UInt8(0x80 | scalar & 0x3F))
        default:
            decoded.append(UInt8(0xF0 | scalar >> 18))
            decoded.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            decoded.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            decoded.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// A JSON number (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`) at the
    /// cursor, hashed by its exact value: an integer in Int64 range as
    /// ``ValueFingerprint/integer(_:)`` (as the fast parser reads it), any other
    /// value as its canonical decimal text `[-]DIGITSeEXPONENT` (no leading or
    /// trailing zeros).
    mutating func number() -> UInt64? {
        let negative = peek == UInt8(ascii: "-")
        if negative { index += 1 }
        digits.removeAll(keepingCapacity: true)
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        // The integer part: 0, or digits without a leading zero.
        let integerStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        let integerCount = index - integerStart
        guard integerCount > 0, integerCount == 1 || bytes[integerStart] != UInt8(ascii: "0") else { return nil }
        for position in integerStart..<index where !(digits.isEmpty && bytes[position] == UInt8(ascii: "0")) {
            digits.append(bytes[position])
        }
        // The fraction's digits join the significant ones, each lowering the exponent.
        var exponent = 0
        if peek == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, isDigit(bytes[index]) {
                if !(digits.isEmpty && bytes[index] == UInt8(ascii: "0")) { digits.append(bytes[index]) }
                exponent -= 1
                index += 1
            }
            guard index > fractionStart else { return nil }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") {
                exponentNegative = peek == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            var written = 0
            while index < bytes.count, isDigit(bytes[index]) {
                // Saturates far beyond any exponent a number can be compared by.
                written = min(written * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1 << 50)
                index += 1
            }
            guard index > exponentStart else { return nil }
            exponent += exponentNegative ? -written : written
        }
        // Zero, however written (`0`, `-0`, `0.0e5`), is the integer 0.
        guard !digits.isEmpty else { return ValueFingerprint.integer(0) }
        while digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        if exponent >= 0, digits.count + exponent <= 19 {
            var magnitude: UInt64 = 0
            var fits = true
            for digit in digits + [UInt8](repeating: UInt8(ascii: "0"), count: exponent) {
                let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, carry) = times.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
                guard !overflow, !carry else {
                    fits = false
                    break
                }
                magnitude = sum
            }
            if fits, magnitude <= UInt64(Int64.max) {
                return ValueFingerprint.integer(negative ? -Int64(magnitude) : Int64(magnitude))
            }
            if fits, negative, magnitude == UInt64(Int64.max) + 1 {
                return ValueFingerprint.integer(Int64.min)
            }
        }
        let canonical = (negative ? "-" : "") + String(decoding: digits, as: UTF8.self) + "e" + String(exponent)
        return Array(canonical.utf8).withUnsafeBytes { ValueFingerprint.number($0) }
    }
}
