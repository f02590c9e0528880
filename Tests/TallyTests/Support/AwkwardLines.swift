import Foundation
@testable import Tally

/// Seeded event lines in every awkward form the fast reader's differential test
/// (README, "Performance") asks for: escapes and `\u` sequences (surrogate
/// pairs included), white space everywhere, any key order, unknown fields
/// holding arrays and objects, repeated keys, numbers in every JSON form,
/// invalid UTF-8, cut lines, broken JSON, and ids used again (equal or not). As
/// bytes, since some are not UTF-8.
///
/// Each line is plain but for one odd feature, so that every feature meets
/// the fast parser too, not only Foundation.
struct AwkwardLines {
    enum Feature: CaseIterable {
        case plain, spacing, keyOrder, escapes, surrogatePairs, rawUnicode, controlEscapes, nestedUnknown
        case repeatedKey, oddKnownNumber, oddUnknownNumber, invalidUTF8, cut, brokenJSON, missingField, oddNames
    }

    private var random: SplitMix64
    private var previous: [[UInt8]] = []
    private var feature = Feature.plain

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    private mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
    private mutating func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }

    private mutating func space() -> String {
        feature == .spacing ? pick(["", " ", "\t", "  ", "\r", " \t "]) : ""
    }

    /// `text` as a JSON string; with the escape features, some characters escaped.
    private mutating func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            let escape = (feature == .escapes || feature == .surrogatePairs) && chance(30)
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "/" where escape: output += "\\/"
            case _ where scalar.value < 0x20: output += String(format: "\\u%04x", scalar.value)
            case _ where escape && scalar.value > 0xFFFF:
                let value = scalar.value - 0x10000
                output += String(format: chance(50) ? "\\u%04x\\u%04x" : "\\u%04X\\u%04X", 0xD800 + (value >> 10), 0xDC00 + (value & 0x3FF))
            case _ where escape: output += String(format: chance(50) ? "\\u%04x" : "\\u%04X", scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// A number in one of JSON's forms, or a form JSON does not allow.
    private mutating func oddNumber(_ value: Int) -> String {
        pick(["\(value).0", "\(value)e0", "\(Double(value) / 10)e1", "\(value)E+0", "-0", "0", "1e400", "9007199254740993",
              "99999999999999999999999", "-1000000000000000000", "0\(value)", "+\(value)", "\(value).", ".5", "-\(value)",
              "\(value)000000000000000000", "1.5e-3", "\"\(value)\"", "true", "null", "[\(value)]", "{}"])
    }

    private mutating func unknownValue(depth: Int) -> String {
        switch feature {
        case .nestedUnknown:
            switch random.next() % (depth < 3 ? 6 : 3) {
            case 0: return quoted(pick(["plain", "x y"]))
            case 1: return "\(Int(random.next() % 1000))"
            case 2: return pick(["true", "false", "null"])
            case 3: return "[]"
            case 4: return "[" + (0..<Int(random.next() % 4)).map { _ in unknownValue(depth: depth + 1) }.joined(separator: ",") + "]"
            default: return "{" + (0..<Int(random.next() % 4)).map { "\"k\($0)\":" + unknownValue(depth: depth + 1) }.joined(separator: ",") + "}"
            }
        case .oddUnknownNumber: return oddNumber(Int(random.next() % 5000))
        case .surrogatePairs: return quoted(pick(["😀 emoji", "𝄞 clef", "a😀b"]))
        case .rawUnicode: return quoted(pick(["é ü ß", "日本語", "Ωmega"]))
        case .controlEscapes: return quoted(pick(["\u{1}", "tab\there", "new\nline", "\u{7F}del"]))
        default: return pick(["\"plain\"", "42", "-7", "true", "false", "null", "\"\""])
        }
    }

    /// The next line.
    mutating func next(index: Int) -> [UInt8] {
        if !previous.isEmpty, chance(10) {
            // An id used again: the same line, or another event under it.
            let earlier = pick(previous)
            if chance(50) { return earlier }
            return Array(String(decoding: earlier, as: UTF8.self)
                .replacingOccurrences(of: "\"type\"", with: "\"note\":1,\"type\"").utf8)
        }
        feature = chance(30) ? .plain : pick(Feature.allCases)
        let type = pick(EventType.allCases)
        // With odd names, one of the named fields breaks its rule.
        let oddField = feature == .oddNames ? pick(["time", "type", "account", "flavor", "domain"]) : ""
        var members: [(key: String, value: String)] = [
            ("id", quoted("aw-\(index)")),
            ("time", quoted(oddField == "time" ? pick(["2026-10-10 12:00:00Z", "yesterday", "2026-02-30T00:00:00Z"])
                                               : pick(["2026-10-01T00:00:00Z", "2026-10-03T16:05:00.250+02:00", "2026-10-05t01:02:03z"]))),
            ("type", quoted(oddField == "type" ? pick(["Service.Deployed", "service.moved"]) : type.rawValue)),
            ("account", quoted(oddField == "account" ? pick(["bad account", "x/y", ""]) : pick(["acct_1", "acct.2", "a-b_c", "X"]))),
        ]
        for field in type.requiredFields {
            let count = field == .instances ? 1 + Int(random.next() % 1000) : 32 * (1 + Int(random.next() % 2048))
            switch field {
            case .app, .service: members.append((field.rawValue, quoted(pick(["shop", "www", "w-2.x_"]))))
            case .serviceType: members.append((field.rawValue, quoted(pick(["python", "mysql", "redis"]))))
            case .flavor: members.append((field.rawValue, quoted(oddField == "flavor" ? "Live" : pick(["sandbox", "live", "enterprise"]))))
            case .instances, .memoryMB:
                members.append((field.rawValue, feature == .oddKnownNumber && chance(60) ? oddNumber(count) : "\(count)"))
            case .domain: members.append((field.rawValue, quoted(oddField == "domain" ? "-bad.org" : pick(["www.example.org", "*.Example.ORG", "a-b.c"]))))
            default: break
            }
        }
        if type == .serviceScaled {
            members.append(("instances", feature == .oddKnownNumber ? oddNumber(2) : "\(1 + random.next() % 1000)"))
        }
        for extra in 0..<Int(random.next() % 3) + (feature == .plain ? 0 : 1) {
            members.append(("x\(extra)", unknownValue(depth: 0)))
        }
        if feature == .keyOrder { members.shuffle(using: &random) }
        if feature == .repeatedKey, let repeated = members.randomElement(using: &random) {
            members.insert(chance(50) ? repeated : (repeated.key, "\"other\""), at: Int(random.next() % UInt64(members.count + 1)))
        }
        if feature == .missingField { members.remove(at: Int(random.next() % UInt64(members.count))) }

        var text = "{" + space()
        for (position, member) in members.enumerated() {
            if position > 0 { text += space() + "," + space() }
            text += quoted(member.key) + space() + ":" + space() + member.value
        }
        text += space() + "}"
        if feature == .brokenJSON {
            text = pick([text.replacingOccurrences(of: "}", with: ",}"), text.replacingOccurrences(of: "\"", with: "'"),
                         String(text.dropLast()), text.replacingOccurrences(of: ":", with: " "), text + "}", "[" + text + "]"])
        }
        var bytes = Array(text.utf8)
        if feature == .invalidUTF8, let quote = bytes.lastIndex(of: 0x22) { bytes.insert(pick([0xFF, 0xC3, 0xED, 0x80]), at: quote) }
        if feature == .cut { bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count)))) }
        previous.append(bytes)
        return bytes
    }
}
