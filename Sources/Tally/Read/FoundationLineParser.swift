import Foundation

/// The full parser: Foundation's `JSONSerialization`, for every line the fast
/// parser leaves (escapes, non-ASCII text, nested values of ignored fields,
/// numbers with fraction or exponent, anything malformed). It decides the same
/// way ``FastLineParser`` would on the lines both handle; a differential test
/// holds them to that.
///
/// On top of Foundation it checks what Foundation does not: that the line is
/// UTF-8, that it is an object, and that no key appears twice (Foundation
/// keeps the last silently, which would make a billing event ambiguous).
struct FoundationLineParser {
    /// The fields of the last line parsed; strings point into ``scratch``.
    private(set) var fields = ParsedFields()
    /// Decoded text of the fields Tally reads.
    private(set) var scratch: [UInt8] = []

    /// Parses `line`. With `allowingRepeatedKeys`, a key given twice keeps its
    /// last value instead of rejecting the line (to read what such a line
    /// still tells unambiguously).
    mutating func parse(_ line: UnsafeRawBufferPointer, allowingRepeatedKeys: Bool = false) -> LineParse {
        fields.reset()
        scratch.removeAll(keepingCapacity: true)
        guard String(validating: line, as: UTF8.self) != nil else { return .rejected(.invalidUTF8) }

        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            return .rejected(.invalidJSON(detail: detail))
        }
        if let comma = Self.trailingCommaOffset(in: line) {
            return .rejected(.invalidJSON(detail: "Trailing comma around character \(comma)."))
        }
        guard let object = parsed as? [String: Any] else {
            return .rejected(.notAnObject(found: Self.typeName(of: parsed)))
        }
        if !allowingRepeatedKeys, let repeated = Self.repeatedTopLevelKey(in: line, distinctCount: object.count) {
            return .rejected(.duplicateKey(repeated))
        }

        // The fingerprint is read from the text itself, so numbers compare by
        // their exact decimal value (SPEC §2.1); Foundation's values are the
        // fallback should its parser accept text the scan does not.
        if let fingerprint = ValueFingerprint.ofJSONText(line) {
            fields.fingerprint = fingerprint
        } else {
            var memberSum: UInt64 = 0
            for (key, value) in object {
                var keyText = key
                let valueHash = Self.fingerprint(of: value)
                keyText.withUTF8 { memberSum &+= ValueFingerprint.member(key: UnsafeRawBufferPointer($0), value: valueHash) }
            }
            fields.fingerprint = ValueFingerprint.object(memberSum: memberSum)
        }
        // Looked up by name: a line of many unknown keys costs nothing more here.
        for field in EventField.allCases {
            if let value = object[field.rawValue] { fields[field] = classify(value) }
        }
        return .object
    }

    /// A read field's value, strings and odd numbers copied into ``scratch``.
    private mutating func classify(_ value: Any) -> ParsedFields.Value {
        if let string = value as? String {
            let start = scratch.count
            scratch.append(contentsOf: string.utf8)
            return .string(start: start, end: scratch.count)
        }
        if let number = value as? NSNumber {
            switch FoundationJSONNumber(number) {
            case let .bool(flag): return .bool(flag)
            case let .integer(integer): return .integer(integer)
            case let .other(text):
                let start = scratch.count
                scratch.append(contentsOf: text.utf8)
                return .number(start: start, end: scratch.count)
            }
        }
        if value is NSNull { return .null }
        if value is [Any] { return .array }
        return .object
    }

    /// The value's fingerprint, equal for values equal in JSON.
    private static func fingerprint(of value: Any) -> UInt64 {
        if var string = value as? String {
            return string.withUTF8 { ValueFingerprint.string(UnsafeRawBufferPointer($0)) }
        }
        if let number = value as? NSNumber {
            switch FoundationJSONNumber(number) {
            case let .bool(flag): return ValueFingerprint.bool(flag)
            case let .integer(integer): return ValueFingerprint.integer(integer)
            case .other:
                let double = number.doubleValue
                if !(number is NSDecimalNumber), double.rounded() == double, abs(double) < 9.2e18 {
                    return ValueFingerprint.integer(Int64(double))
                }
                var text = number is NSDecimalNumber ? number.stringValue : "\(double)"
                return text.withUTF8 { ValueFingerprint.number(UnsafeRawBufferPointer($0)) }
            }
        }
        if value is NSNull { return ValueFingerprint.null }
        if let array = value as? [Any] { return ValueFingerprint.array(array.map(fingerprint(of:))) }
        if let object = value as? [String: Any] {
            var sum: UInt64 = 0
            for (key, member) in object {
                var key = key
                let memberHash = fingerprint(of: member)
                key.withUTF8 { sum &+= ValueFingerprint.member(key: UnsafeRawBufferPointer($0), value: memberHash) }
            }
            return ValueFingerprint.object(memberSum: sum)
        }
        return 0
    }

    private static func typeName(of value: Any) -> String {
        if value is String { return "a string" }
        if let number = value as? NSNumber {
            if case .bool = FoundationJSONNumber(number) { return "a boolean" }
            return "a number"
        }
        if value is NSNull { return "null" }
        if value is [Any] { return "an array" }
        return "a value"
    }

    /// The first top-level key that appears a second time, when the object's
    /// text has more members than Foundation's dictionary kept.
    /// `line` must be valid JSON whose top level is an object.
    static func repeatedTopLevelKey(in line: UnsafeRawBufferPointer, distinctCount: Int) -> String? {
        var keys: [Range<Int>] = []
        var depth = 0
        var expectingKey = false
        var index = 0
        while index < line.count {
            switch line[index] {
            case UInt8(ascii: "\""):
                let start = index + 1
                index += 1
                while index < line.count, line[index] != UInt8(ascii: "\"") {
                    index += line[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                if depth == 1, expectingKey {
                    keys.append(start..<min(index, line.count))
                    expectingKey = false
                }
            case UInt8(ascii: "{"):
                depth += 1
                if depth == 1 { expectingKey = true }
            case UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 1 { expectingKey = true }
            default:
                break
            }
            index += 1
        }
        guard keys.count > distinctCount else { return nil }
        var seen = Set<String>()
        for range in keys {
            let raw = UnsafeRawBufferPointer(rebasing: line[range])
            let key: String
            if raw.contains(UInt8(ascii: "\\")) {
                let quoted = Data("[\"".utf8) + Data(raw) + Data("\"]".utf8)
                key = ((try? JSONSerialization.jsonObject(with: quoted)) as? [String])?.first ?? String(decoding: raw, as: UTF8.self)
            } else {
                key = String(decoding: raw, as: UTF8.self)
            }
            if !seen.insert(key).inserted { return key }
        }
        return nil
    }
}
