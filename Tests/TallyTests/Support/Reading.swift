import Foundation
import Testing
@testable import Tally

/// An ``EventRecord`` with its names resolved, so a test can compare whole
/// records (SPEC §2: what the reader makes of a line that passed the field rules).
struct ReadRecord: Hashable, CustomStringConvertible {
    var time: Timestamp
    var sequence: Int
    var type: EventType
    var account: String
    var app: String?
    var service: String?
    var serviceType: String?
    var domain: String?
    var flavor: Flavor?
    var instances: Int?
    var memoryMB: Int?
    /// The input's index, the line number, and the line's byte range in its input.
    var source: Int
    var line: Int
    var offset: Int64
    var length: Int

    init(_ record: EventRecord, symbols: SymbolTable) {
        func text<Kind>(_ symbol: Symbol<Kind>) -> String? { symbol.isNone ? nil : symbols.text(symbol) }
        time = Timestamp(secondsSinceEpoch: record.time)
        sequence = Int(record.sequence)
        type = record.type
        account = symbols.text(record.account)
        app = text(record.application)
        service = text(record.service)
        serviceType = text(record.serviceType)
        domain = text(record.domain)
        flavor = record.flavor
        instances = record.instanceCount
        memoryMB = record.memoryMB
        source = Int(record.location.source)
        line = Int(record.location.line)
        offset = record.location.offset
        length = Int(record.location.length)
    }

    var description: String { "\(type) at \(time), line \(line)" }
}

/// Everything the read stage (``EventReader``) made of some inputs.
struct ReadOutcome: Hashable {
    var records: [ReadRecord]
    var rejections: [Rejection]
    var counts: EventCounts

    /// The rejection reasons, in input order.
    var reasons: [RejectionReason] { rejections.map(\.reason) }
}

/// What one line became: a record or a rejection.
enum LineVerdict: Hashable, CustomStringConvertible {
    case record(ReadRecord)
    case rejected(RejectionReason)

    var description: String {
        switch self {
        case let .record(record): "record \(record)"
        case let .rejected(reason): "rejected: \(reason)"
        }
    }

    var record: ReadRecord? {
        if case let .record(record) = self { record } else { nil }
    }
}

/// Runs the read stage on test input. Every read goes through both parsers
/// (the default fast one with its Foundation fallback, and Foundation alone)
/// and expects the same outcome from both, and every line accounted for once
/// (SPEC §6: lines = applied + duplicates + rejected; the read stage applies
/// nothing, so its records stand in for "applied").
enum Reading {
    /// An input holding `bytes` exactly (for invalid UTF-8 and byte-order marks).
    static func input(bytes: [UInt8], name: String = "test.jsonl") -> EventInput {
        EventInput(origin: .bytes(bytes), name: name)
    }

    /// Reads `inputs` with one parser setting, no checks.
    static func readOnce(_ inputs: [EventInput], foundationOnly: Bool) throws -> ReadOutcome {
        var reader = EventReader(foundationOnly: foundationOnly)
        var records: [EventRecord] = []
        var rejections: [Rejection] = []
        _ = try reader.read(inputs, onRecord: { record, _ in records.append(record) }, onRejection: { rejections.append($0) })
        reader.finish()
        let symbols = reader.symbols
        return ReadOutcome(records: records.map { ReadRecord($0, symbols: symbols) }, rejections: rejections,
                           counts: reader.counts)
    }

    /// Reads `inputs` with both parsers and checks they agree and the counts balance.
    static func read(_ inputs: [EventInput], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ReadOutcome {
        let fast = try readOnce(inputs, foundationOnly: false)
        let foundation = try readOnce(inputs, foundationOnly: true)
        if fast != foundation {
            Issue.record(Comment(rawValue: "the fast parser and Foundation disagree: " + firstDifference(fast, foundation)),
                         sourceLocation: sourceLocation)
        }
        #expect(fast.counts.lines == fast.records.count + fast.counts.duplicates + fast.counts.rejected,
                "lines not accounted for: \(fast.counts)", sourceLocation: sourceLocation)
        #expect(fast.counts.applied == 0, sourceLocation: sourceLocation)
        return fast
    }

    /// The first record, rejection or count that differs, in words.
    static func firstDifference(_ fast: ReadOutcome, _ foundation: ReadOutcome) -> String {
        for (left, right) in zip(fast.records, foundation.records) where left != right {
            return "record \(left) (fast) against \(right) (Foundation)"
        }
        for (left, right) in zip(fast.rejections, foundation.rejections) where left != right {
            return "rejection \(left) (fast) against \(right) (Foundation)"
        }
        return "records \(fast.records.count) against \(foundation.records.count), rejections \(fast.rejections.count) "
            + "against \(foundation.rejections.count), counts \(fast.counts) against \(foundation.counts)"
    }

    /// Reads JSON Lines text as one input.
    static func read(_ text: String, name: String = "test.jsonl",
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ReadOutcome {
        try read([.text(text, name: name)], sourceLocation: sourceLocation)
    }

    /// Reads one line (with a newline) and checks it was counted once, as a
    /// record or as a rejection at line 1.
    static func verdict(_ line: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> LineVerdict {
        let outcome = try read(line + "\n", sourceLocation: sourceLocation)
        if let record = outcome.records.first {
            #expect(outcome.counts == EventCounts(lines: 1), sourceLocation: sourceLocation)
            #expect(outcome.rejections.isEmpty, sourceLocation: sourceLocation)
            return .record(record)
        }
        #expect(outcome.counts == EventCounts(lines: 1, rejected: 1), sourceLocation: sourceLocation)
        let rejection = try #require(outcome.rejections.first, sourceLocation: sourceLocation)
        #expect(rejection.location == LogLocation(file: "test.jsonl", line: 1), sourceLocation: sourceLocation)
        #expect(rejection.originalLine == Array(line.utf8), sourceLocation: sourceLocation)
        return .rejected(rejection.reason)
    }
}
