import Foundation

/// The event reader's hot path: parses the common line, a flat JSON object of
/// plain ASCII strings (no escapes), integers, booleans and null, straight
/// from the bytes. Anything else (escapes, non-ASCII, nested values, numbers
/// with fraction or exponent, repeated keys, invalid JSON) is `.unsupported`
/// and goes to ``FoundationLineParser``, which decides it.
///
/// Why not Foundation for every line: `JSONSerialization` parses about 0.27
/// million event lines a second on this machine, this parser about 10 million
/// (`tally-bench`, README "Performance"); the reader is the month-end run's bottleneck.
struct FastLineParser {
    /// The fields of the last line parsed; strings point into that line.
    private(set) var fields = ParsedFields()
    /// Keys Tally does not read, kept to spot a repeated one: compared one
    /// by one while there are few (the common line has none or one).
    private var otherKeys: [(start: Int, end: Int)] = []
    /// The hashes of the keys Tally does not read, once a line has more than
    /// ``keysComparedOneByOne`` of them: unknown fields are ignored (SPEC §2),
    /// so a line of thousands of them must cost time linear in its length,
    /// not quadratic (README, "Bad input").
    private var otherKeyHashes = Set<UInt64>()
    /// How many unknown keys are compared one by one before hashing takes over.
    static let keysComparedOneByOne = 16

    init() {
        otherKeys.reserveCapacity(8)
    }

    /// Parses `line`; with `fingerprinting`, also computes the object's value
    /// fingerprint (``ValueFingerprint``) into `fields.fingerprint`, which only
    /// the duplicate check asks for.
    mutating func parse(_ line: UnsafeRawBufferPointer, fingerprinting: Bool = false) -> LineParse {
        fields.reset()
        otherKeys.removeAll(keepingCapacity: true)
        if !otherKeyHashes.isEmpty { otherKeyHashes.removeAll(keepingCapacity: true) }
        guard let base = line.baseAddress else { return .unsupported }
        var cursor = Cursor(bytes: base.assumingMemoryBound(to: UInt8.self), count: line.count)
        var seenFields: UInt16 = 0
        var memberSum: UInt64 = 0

        cursor.skipWhiteSpace()
        guard cursor.take(UInt8(ascii: "{")) else { return .unsupported }
        cursor.skipWhiteSpace()
        if !cursor.take(UInt8(ascii: "}")) {
            while true {
                guard cursor.peek == 0x22, let key = cursor.plainString() else { return .unsupported }
                let field = Self.knownField(base + key.start, count: key.end - key.start)
                if let field {
                    let bit: UInt16 = 1 << field.slot
                    guard seenFields & bit == 0 else { return .unsupported }
                    seenFields |= bit
                } else if otherKeys.count < Self.keysComparedOneByOne {
                    let length = key.end - key.start
                    for other in otherKeys where other.end - other.start == length
                        && memcmp(base + other.start, base + key.start, length) == 0 {
                        return .unsupported
                    }
                    otherKeys.append(key)
                } else {
                    if otherKeyHashes.isEmpty {
                        for other in otherKeys { otherKeyHashes.insert(Self.keyHash(base, other)) }
                    }
                    // A repeated key, or two keys with one hash: Foundation's parser decides.
                    guard otherKeyHashes.insert(Self.keyHash(base, key)).inserted else { return .unsupported }
                }
                cursor.skipWhiteSpace()
                guard cursor.take(UInt8(ascii: ":")) else { return .unsupported }
                cursor.skipWhiteSpace()

                let value: ParsedFields.Value
                switch cursor.peek {
                case 0x22:
                    guard let string = cursor.plainString() else { return .unsupported }
                    value = .string(start: string.start, end: string.end)
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard let integer = cursor.integer() else { return .unsupported }
                    value = .integer(integer)
                case UInt8(ascii: "t"):
                    guard cursor.literal("true") else { return .unsupported }
                    value = .bool(true)
                case UInt8(ascii: "f"):
                    guard cursor.literal("false") else { return .unsupported }
                    value = .bool(false)
                case UInt8(ascii: "n"):
                    guard cursor.literal("null") else { return .unsupported }
                    value = .null
                default:
                    return .unsupported
                }
                if let field { fields[field] = value }
                if fingerprinting {
                    let valueHash: UInt64
                    switch value {
                    case let .string(start, end): valueHash = ValueFingerprint.string(UnsafeRawBufferPointer(rebasing: line[start..<end]))
                    case let .integer(integer): valueHash = ValueFingerprint.integer(integer)
                    case let .bool(flag): valueHash = ValueFingerprint.bool(flag)
                    default: valueHash = ValueFingerprint.null
                    }
                    memberSum &+= ValueFingerprint.member(key: UnsafeRawBufferPointer(rebasing: line[key.start..<key.end]),
                                                          value: valueHash)
                }

                cursor.skipWhiteSpace()
                if cursor.take(UInt8(ascii: ",")) {
                    cursor.skipWhiteSpace()
                    continue
                }
                guard cursor.take(UInt8(ascii: "}")) else { return .unsupported }
                break
            }
        }
        cursor.skipWhiteSpace()
        guard cursor.index == cursor.count else { return .unsupported }
        if fingerprinting { fields.fingerprint = ValueFingerprint.object(memberSum: memberSum) }
        return .object
    }

    /// The hash of an unknown key's bytes, to spot a repeated one.
    private static func keyHash(_ base: UnsafeRawPointer, _ key: (start: Int, end: Int)) -> UInt64 {
        ByteHash.hash(base + key.start, count: key.end - key.start, seed: 0x0DD_1CE5)
    }

    /// A position in a line being parsed. A plain struct held in a local
    /// variable, so Swift checks exclusive access at compile time instead of
    /// at run time (a closure capturing the index cost a third of the run).
    private struct Cursor {
        let bytes: UnsafePointer<UInt8>
        let count: Int
        var index = 0

        init(bytes: UnsafePointer<UInt8>, count: Int) {
            self.bytes = bytes
            self.count = count
        }

        /// The byte at the cursor, or 0 at the end.
        @inline(__always) var peek: UInt8 { index < count ? bytes[index] : 0 }

        @inline(__always) mutating func take(_ byte: UInt8) -> Bool {
            guard index < count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        @inline(__always) mutating func skipWhiteSpace() {
            while index < count {
                let byte = bytes[index]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
                index += 1
            }
        }

        /// A plain string whose opening quote is at the cursor: printable
        /// ASCII without `\`; its content's range. Scans eight bytes at a time.
        @inline(__always) mutating func plainString() -> (start: Int, end: Int)? {
            index += 1
            let start = index
            while index + 8 <= count {
                let stops = Self.stops(UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
                if stops != 0 {
                    index += stops.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
            while index < count {
                let byte = bytes[index]
                if byte == 0x22 {
                    index += 1
                    return (start, index - 1)
                }
                if byte &- 0x20 >= 0x5F || byte == 0x5C { return nil }   // control, DEL, non-ASCII, backslash
                index += 1
            }
            return nil
        }

        /// A mask with the high bit set in the lowest byte of `word` (in memory
        /// order) that ends a plain string: `"`, `\`, a control character, DEL
        /// or a non-ASCII byte. Bits above the first such byte may be set too.
        @inline(__always) static func stops(_ word: UInt64) -> UInt64 {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
            let quote = zeroBytes(word ^ (ones &* 0x22))
            let backslash = zeroBytes(word ^ (ones &* 0x5C))
            let delete = zeroBytes(word ^ (ones &* 0x7F))
            let control = (word &- ones &* 0x20) & ~word & highs
            return quote | backslash | delete | control | (word & highs)
        }

        @inline(__always) mutating func literal(_ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard index + length <= count, memcmp(bytes + index, word.utf8Start, length) == 0 else { return false }
            index += length
            return true
        }

        /// A JSON integer (`-?(0|[1-9][0-9]*)`) of at most 18 digits, followed by
        /// something that is not part of a number; `nil` otherwise (Foundation
        /// then decides).
        @inline(__always) mutating func integer() -> Int64? {
            let negative = bytes[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            let start = index
            var magnitude: Int64 = 0
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                guard index - start < 18 else { return nil }
                magnitude = magnitude &* 10 &+ Int64(digit)
                index += 1
            }
            let digits = index - start
            guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
            if index < count {
                let next = bytes[index]
                guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E") else { return nil }
            }
            return negative ? -magnitude : magnitude
        }
    }

    /// The field a key names, when Tally reads it; compares whole words.
    @inline(__always)
    static func knownField(_ key: UnsafeRawPointer, count: Int) -> EventField? {
        @inline(__always) func word<T: FixedWidthInteger>(_ offset: Int, _ type: T.Type) -> T {
            key.loadUnaligned(fromByteOffset: offset, as: T.self)
        }
        switch count {
        case 2:
            return word(0, UInt16.self) == KnownKeys.id ? .id : nil
        case 3:
            return word(0, UInt16.self) == KnownKeys.app01 && key.load(fromByteOffset: 2, as: UInt8.self) == 0x70 ? .app : nil
        case 4:
            let value = word(0, UInt32.self)
            return value == KnownKeys.time ? .time : value == KnownKeys.type ? .type : nil
        case 6:
            let head = word(0, UInt32.self)
            let tail = word(4, UInt16.self)
            if head == KnownKeys.domain0, tail == KnownKeys.domain4 { return .domain }
            return head == KnownKeys.flavor0 && tail == KnownKeys.flavor4 ? .flavor : nil
        case 7:
            let head = word(0, UInt32.self)
            let tail = word(3, UInt32.self)
            if head == KnownKeys.account0, tail == KnownKeys.account3 { return .account }
            return head == KnownKeys.service0 && tail == KnownKeys.service3 ? .service : nil
        case 9:
            let head = word(0, UInt64.self)
            let tail = word(1, UInt64.self)
            if head == KnownKeys.instances0, tail == KnownKeys.instances1 { return .instances }
            return head == KnownKeys.memory0 && tail == KnownKeys.memory1 ? .memoryMB : nil
        case 12:
            return word(0, UInt64.self) == KnownKeys.serviceType0 && word(4, UInt64.self) == KnownKeys.serviceType4 ? .serviceType : nil
        default:
            return nil
        }
    }

    /// The known keys' bytes as little-endian words, for ``knownField(_:count:)``;
    /// literals, since lazily initialised statics cost a check on every use (a
    /// test compares them with the keys' bytes).
    enum KnownKeys {
        /// "id"[0..<2]
        static let id: UInt16 = 0x6469
        /// "app"[0..<2]
        static let app01: UInt16 = 0x7061
        /// "time"[0..<4]
        static let time: UInt32 = 0x656D6974
        /// "type"[0..<4]
        static let type: UInt32 = 0x65707974
        /// "domain"[0..<4]
        static let domain0: UInt32 = 0x616D6F64
        /// "domain"[4..<6]
        static let domain4: UInt16 = 0x6E69
        /// "flavor"[0..<4]
        static let flavor0: UInt32 = 0x76616C66
        /// "flavor"[4..<6]
        static let flavor4: UInt16 = 0x726F
        /// "account"[0..<4]
        static let account0: UInt32 = 0x6F636361
        /// "account"[3..<7]
        static let account3: UInt32 = 0x746E756F
        /// "service"[0..<4]
        static let service0: UInt32 = 0x76726573
        /// "service"[3..<7]
        static let service3: UInt32 = 0x65636976
        /// "instances"[0..<8]
        static let instances0: UInt64 = 0x65636E6174736E69
        /// "instances"[1..<9]
        static let instances1: UInt64 = 0x7365636E6174736E
        /// "memory_mb"[0..<8]
        static let memory0: UInt64 = 0x6D5F79726F6D656D
        /// "memory_mb"[1..<9]
        static let memory1: UInt64 = 0x626D5F79726F6D65
        /// "service_type"[0..<8]
        static let serviceType0: UInt64 = 0x5F65636976726573
        /// "service_type"[4..<12]
        static let serviceType4: UInt64 = 0x657079745F656369
    }
}
