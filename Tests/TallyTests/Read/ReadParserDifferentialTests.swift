import Foundation
import Testing
@testable import Tally

/// The fast parser against Foundation: on every line the fast parser takes,
/// Foundation must find the same fields and the same value fingerprint; on
/// every log, `EventReader(foundationOnly: true)` must give the same records,
/// rejections and counts as the default reader (README, "Performance": the fast parser
/// falls back to Foundation for lines it does not handle).
@Suite("Read: fast parser and Foundation agree")
struct ReadParserDifferentialTests {
    /// Every line of the Read suites' tables.
    static var corpus: [String] {
        var lines: [String] = []
        lines += ReadNameFieldTests.idCases.map { EventLine.make("ssl.disabled", "id", $0.json) }
        for field in ["account", "app", "service", "service_type"] {
            lines += ReadNameFieldTests.identifierValues.map { EventLine.make("service.deployed", field, $0.json) }
        }
        lines += ReadNameFieldTests.typeCases.map { EventLine.make("application.created", "type", $0.json) }
        lines += ReadNameFieldTests.flavorCases.map { EventLine.make("application.flavor_changed", "flavor", $0.json) }
        let times = ReadTimeFieldTests.accepted + ReadTimeFieldTests.refused + ReadTimeFieldTests.acrossBoundaries.map(\.text)
        lines += times.map { EventLine.make("ssl.disabled", "time", EventLine.quoted($0)) }
        let domains = ReadDomainFieldTests.accepted.map(\.written) + ReadDomainFieldTests.refused
        lines += domains.map { EventLine.make("domain.added", "domain", EventLine.quoted($0)) }
        for type in ["service.deployed", "service.scaled"] {
            lines += ReadNumberFieldTests.instancesCases.map { EventLine.make(type, "instances", $0.json) }
            lines += ReadNumberFieldTests.memoryCases.map { EventLine.make(type, "memory_mb", $0.json) }
        }
        lines += ReadIgnoredFieldTests.unlistedCases.map { EventLine.make($0.type, $0.members) }
        lines += ReadIgnoredFieldTests.extraMembers.map { String(EventLine.make("service.deployed").dropLast()) + "," + $0 + "}" }
        lines += ReadLineTests.notObjects.map(\.line) + ReadLineTests.invalidJSON + ReadLineTests.trailingCommas.map(\.line)
        lines += ReadLineTests.repeatedKeys.map { String(EventLine.make("application.destroyed").dropLast()) + "," + $0.members + "}" }
        lines += ReadDuplicateTests.sameObject + ReadDuplicateTests.differentObject
        lines += EventType.allCases.map { EventLine.make($0.rawValue) }
        return lines
    }

    /// A parser's fields in words, strings resolved from `storage`.
    static func describe(_ fields: ParsedFields, storage: UnsafeRawBufferPointer) -> [String] {
        func text(_ start: Int, _ end: Int) -> String { String(decoding: storage[start..<end], as: UTF8.self) }
        return EventField.allCases.map { field in
            switch fields[field] {
            case .absent: "\(field) absent"
            case let .string(start, end): "\(field) string \(text(start, end))"
            case let .integer(value): "\(field) integer \(value)"
            case let .number(start, end): "\(field) number \(text(start, end))"
            case let .bool(value): "\(field) bool \(value)"
            case .null: "\(field) null"
            case .array: "\(field) array"
            case .object: "\(field) object"
            }
        }
    }

    /// Whether the fast parser took `line`; if it did, records an issue when Foundation disagrees.
    @discardableResult
    static func compareParsers(_ line: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBytes { raw in
            var fast = FastLineParser()
            guard case .object = fast.parse(raw, fingerprinting: true) else { return false }
            var full = FoundationLineParser()
            guard case .object = full.parse(raw) else {
                Issue.record("the fast parser took a line Foundation refuses: \(line)", sourceLocation: sourceLocation)
                return true
            }
            let fastFields = describe(fast.fields, storage: raw)
            let fullFields = full.scratch.withUnsafeBytes { describe(full.fields, storage: $0) }
            #expect(fastFields == fullFields, "\(line)", sourceLocation: sourceLocation)
            #expect(fast.fields.fingerprint == full.fields.fingerprint, "\(line)", sourceLocation: sourceLocation)
            return true
        }
    }

    @Test("every table line: the same fields and fingerprint from both parsers, the same outcome from both readers")
    func tableLines() throws {
        let corpus = Self.corpus
        let taken = corpus.filter { Self.compareParsers($0) }.count
        // The corpus exercises both: lines the fast parser takes, and lines it leaves to Foundation.
        #expect(taken > 100)
        #expect(corpus.count - taken > 100)
        for line in corpus { _ = try Reading.read(line + "\n") }
        // All in one log, so that ids repeat across lines as they would in a file.
        let outcome = try Reading.read(corpus.map { $0 + "\n" }.joined())
        #expect(outcome.counts.lines == corpus.count)
    }

    @Test("seeded random events: both parsers agree, and a rewritten copy is an exact duplicate")
    func randomEvents() throws {
        let seed: UInt64 = 0x5EED_0002
        var random = RandomJSON(seed: seed)
        var log: [String] = []
        var expectedDuplicates = 0
        var taken = 0
        for round in 0..<400 {
            let members = random.event(id: "r\(round)")
            let line = random.render(members)
            let shuffled = members.shuffled(using: &random.generator)
            let copy = random.render(shuffled)
            taken += [line, copy].filter { Self.compareParsers($0) }.count
            let pair = try Reading.read(line + "\n" + copy + "\n")
            if pair.counts != EventCounts(lines: 2, duplicates: 1) || !pair.rejections.isEmpty {
                Issue.record("seed \(seed), round \(round): \(pair.counts) \(pair.reasons)\n\(line)\n\(copy)")
                return
            }
            log += [line, copy]
            expectedDuplicates += 1
        }
        let outcome = try Reading.read(log.map { $0 + "\n" }.joined())
        #expect(outcome.counts == EventCounts(lines: log.count, duplicates: expectedDuplicates))
        // Both parsers get their share.
        #expect(taken > log.count / 5)
        #expect(taken < log.count * 4 / 5)
    }
}

/// Seeded random JSON for events: valid fields in any order and spacing,
/// strings with random `\u` escapes, and unknown fields of every JSON type.
struct RandomJSON {
    var generator: SplitMix64
    /// Whether the line being rendered gets random escapes (lines without any go to the fast parser).
    private var escaping = false

    init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    mutating func pick<T>(_ choices: [T]) -> T { choices[Int(generator.next() % UInt64(choices.count))] }
    mutating func chance(_ oneIn: UInt64) -> Bool { generator.next() % oneIn == 0 }

    /// A valid event's members as (key, value), values as plain `Any` JSON.
    mutating func event(id: String) -> [(String, Any)] {
        let type = pick(EventType.allCases)
        var members: [(String, Any)] = [
            ("id", id), ("time", pick(ReadTimeFieldTests.accepted)), ("type", type.rawValue),
            ("account", pick(["acct_1", "a.b-c", "X"])),
        ]
        for field in type.requiredFields {
            switch field {
            case .app, .service: members.append((field.rawValue, pick(["shop", "www", "w-2.x_"])))
            case .serviceType: members.append((field.rawValue, pick(["python", "mysql", "redis"])))
            case .flavor: members.append((field.rawValue, pick(Flavor.allCases).rawValue))
            case .instances: members.append((field.rawValue, 1 + Int(generator.next() % 1000)))
            case .memoryMB: members.append((field.rawValue, 32 * (1 + Int(generator.next() % 2048))))
            case .domain: members.append((field.rawValue, pick(["www.example.org", "*.Example.ORG", "a-b.c"])))
            default: break
            }
        }
        if type == .serviceScaled {
            if !chance(3) { members.append(("instances", 1 + Int(generator.next() % 1000))) }
            if members.count == 6 || !chance(3) { members.append(("memory_mb", 32 * (1 + Int(generator.next() % 2048)))) }
        }
        for index in 0..<Int(generator.next() % 4) { members.append(("x\(index)", value(depth: 0))) }
        return members
    }

    /// A random JSON value for an unknown field.
    mutating func value(depth: Int) -> Any {
        switch generator.next() % (depth < 2 ? 9 : 7) {
        case 0: return Int(truncatingIfNeeded: generator.next()) >> Int(generator.next() % 60)
        case 1: return pick([1.5, -0.25, 1e-7, 3e20, 0.1])
        case 2: return pick(["", "plain", "é ü", "tab\tquote\"back\\slash", "😀", "\u{1}"])
        case 3: return chance(2)
        case 4: return NSNull()
        case 5: return pick([0, -1, 64])
        case 6: return "\(generator.next())"
        case 7: return (0..<Int(generator.next() % 3)).map { _ in value(depth: depth + 1) }
        default:
            return (0..<Int(generator.next() % 3)).map { ("k\($0)", value(depth: depth + 1)) }
        }
    }

    /// `members` as one JSON line, with random spacing and escapes.
    mutating func render(_ members: [(String, Any)]) -> String {
        escaping = chance(2)
        return renderObject(members)
    }

    private mutating func renderObject(_ members: [(String, Any)]) -> String {
        "{" + space() + members.map { string($0.0) + space() + ":" + space() + render($0.1) }
            .joined(separator: space() + "," + space()) + space() + "}"
    }

    private mutating func render(_ value: Any) -> String {
        switch value {
        case let text as String: return string(text)
        case let flag as Bool: return flag ? "true" : "false"
        case let number as Int: return String(number)
        case let number as Double: return "\(number)"
        case is NSNull: return "null"
        case let members as [(String, Any)]: return renderObject(members)
        case let elements as [Any]: return "[" + elements.map { render($0) }.joined(separator: space() + ",") + "]"
        default: return "null"
        }
    }

    private mutating func space() -> String { pick(["", "", "", " ", "\t", "  "]) }

    /// A JSON string of `text`, each character escaped as `\uXXXX` one time in eight.
    private mutating func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            let mustEscape = scalar == "\"" || scalar == "\\" || scalar.value < 0x20
            if mustEscape || (escaping && scalar.value < 0x10000 && chance(8)) {
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

@Suite("Read: the fast parser's key words")
struct KnownKeyWordTests {
    @Test("every known key is recognised from its bytes, and nothing else is")
    func keys() {
        for field in EventField.allCases {
            var name = field.rawValue
            let found = name.withUTF8 { FastLineParser.knownField($0.baseAddress!, count: $0.count) }
            #expect(found == field, "\(field)")
        }
        for other in ["ids", "apps", "Time", "domains", "acount", "servic3", "instance5", "memory_MB", "service-type", "x"] {
            var name = other
            #expect(name.withUTF8 { FastLineParser.knownField($0.baseAddress!, count: $0.count) } == nil, "\(other)")
        }
    }
}
