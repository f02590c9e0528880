import Foundation
import Testing
@testable import Tally

/// Everything the replay stage made of a log: the counts,
/// the rejections in the order found, every allocation change, and the
/// platform's state at the end, in words so that tests compare whole values.
struct ReplayOutcome: Hashable {
    var counts: EventCounts
    var rejections: [Rejection]
    /// `resource time allocation-or-none (line N)`, in order of time.
    var changes: [String]
    /// Applications, services, domains and SSL edges at the end, sorted.
    var state: [String]

    var reasons: [RejectionReason] { rejections.map(\.reason) }
}

/// Runs read → sort → replay on test logs, with both parsers, and checks
/// they agree and that every line is accounted for once (SPEC §6).
enum Replaying {
    static func replayOnce(_ inputs: [EventInput], foundationOnly: Bool) throws -> ReplayOutcome {
        var rejections: [Rejection] = []
        var pipeline = BillingPipeline(rateCards: Fixtures.defaultRates)
        pipeline.foundationOnly = foundationOnly
        let reader = EventReader(streaming: true, keepingEveryID: false, foundationOnly: foundationOnly)
        guard case let .replayed(log, recorder) = try pipeline.replay(inputs, reader: reader, into: ChangeRecorder(), onRejection: {
            rejections.append($0)
        }) else { throw CocoaError(.featureUnsupported) }
        let symbols = log.names
        return ReplayOutcome(counts: log.counts, rejections: rejections,
                             changes: recorder.changes.map { describe($0, symbols) },
                             state: describe(log.state, symbols))
    }

    static func replay(_ inputs: [EventInput], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ReplayOutcome {
        let fast = try replayOnce(inputs, foundationOnly: false)
        let foundation = try replayOnce(inputs, foundationOnly: true)
        #expect(fast == foundation, "the fast parser and Foundation disagree", sourceLocation: sourceLocation)
        #expect(fast.counts.isBalanced, "lines not accounted for: \(fast.counts)", sourceLocation: sourceLocation)
        return fast
    }

    static func replay(_ steps: [Step], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ReplayOutcome {
        try replay([Step.log(steps).input()], sourceLocation: sourceLocation)
    }

    static func describe(_ change: AllocationChange, _ symbols: SymbolTable) -> String {
        let resource = switch change.resource {
        case let .service(account, app, service): "\(symbols.text(account))/\(symbols.text(app))/\(symbols.text(service))"
        case let .sslEdge(account, domain): "\(symbols.text(account)) ssl \(symbols.text(domain))"
        }
        let allocation = switch change.allocation {
        case nil: "none"
        case let .service(flavor, instances, memoryMB, type)?: "\(flavor) \(instances)x\(memoryMB) \(symbols.text(type))"
        case let .sslEdge(flavor, app, destroyedAt)?:
            "\(flavor) for \(symbols.text(app))" + (destroyedAt.map { ", app destroyed \(Timestamp(secondsSinceEpoch: $0))" } ?? "")
        }
        return "\(resource) \(Timestamp(secondsSinceEpoch: change.time)) \(allocation) (line \(change.cause.line))"
    }

    static func describe(_ state: PlatformState, _ symbols: SymbolTable) -> [String] {
        var lines: [String] = []
        for (key, app) in state.applications {
            let name = "\(symbols.text(key.account))/\(symbols.text(key.application))"
            lines.append("app \(name) \(app.flavor)")
            for service in app.services {
                guard let value = state.services[.init(account: key.account, application: key.application, service: service)]
                else { continue }
                lines.append("service \(name)/\(symbols.text(service)) \(symbols.text(value.type)) "
                    + "\(value.instances)x\(value.memoryMB) since \(Timestamp(secondsSinceEpoch: value.deployedAt))")
            }
            for domain in app.domains {
                guard let attachment = state.domains[domain] else { continue }
                lines.append("app domain \(symbols.text(domain)) → \(name)/\(symbols.text(attachment.service))")
            }
        }
        for (domain, attachment) in state.domains {
            lines.append("domain \(symbols.text(domain)) → \(symbols.text(attachment.account))/"
                + "\(symbols.text(attachment.application))/\(symbols.text(attachment.service))")
        }
        for (domain, edge) in state.sslEdges {
            lines.append("edge \(symbols.text(domain)) \(symbols.text(edge.account))/\(symbols.text(edge.application)) "
                + "\(edge.flavor) since \(Timestamp(secondsSinceEpoch: edge.enabledAt))"
                + (edge.applicationDestroyedAt.map { " app destroyed \(Timestamp(secondsSinceEpoch: $0))" } ?? ""))
        }
        return lines.sorted()
    }
}

/// Keeps every allocation change the replay gives, in order.
struct ChangeRecorder: AllocationSink {
    var changes: [AllocationChange] = []

    mutating func record(_ change: AllocationChange) {
        changes.append(change)
    }
}

/// A row of a SPEC §2.2 rule table: a log to set up, one more event, and
/// the rule it breaks (`nil`: it applies).
struct RuleCase: Sendable, CustomTestStringConvertible {
    var name: String
    var setup: [Step]
    var event: Step
    var expected: RuleViolation?

    init(_ name: String, _ setup: [Step], _ event: Step, _ expected: RuleViolation?) {
        self.name = name
        self.setup = setup
        self.event = event
        self.expected = expected
    }

    var testDescription: String { "\(name) → \(expected.map { "\($0)" } ?? "applied")" }

    /// Replays the setup alone and with the event: every setup event applies;
    /// the event applies, or is rejected with exactly `expected` at its own
    /// line and id and changes nothing.
    func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let before = try Replaying.replay(setup, sourceLocation: sourceLocation)
        #expect(before.rejections.isEmpty, "the setup must apply: \(before.reasons)", sourceLocation: sourceLocation)
        let after = try Replaying.replay(setup + [event], sourceLocation: sourceLocation)
        let lines = setup.count + 1
        guard let expected else {
            #expect(after.reasons == [], sourceLocation: sourceLocation)
            #expect(after.counts == EventCounts(lines: lines, applied: lines), sourceLocation: sourceLocation)
            return
        }
        #expect(after.reasons == [.rule(expected)], sourceLocation: sourceLocation)
        #expect(after.rejections.map(\.location) == [LogLocation(file: "test.jsonl", line: lines)], sourceLocation: sourceLocation)
        #expect(after.rejections.map(\.eventID) == ["e\(lines)"], sourceLocation: sourceLocation)
        #expect(after.rejections.map(\.account) == [named(event.account)], sourceLocation: sourceLocation)
        #expect(after.rejections.map(\.originalLine) == [Array(Step.log(setup + [event]).lines.last!.utf8)],
                sourceLocation: sourceLocation)
        #expect(after.rejections.map(\.time) == [Timestamp(rfc3339: event.time ?? Step.defaultTime(setup.count))],
                sourceLocation: sourceLocation)
        #expect(after.counts == EventCounts(lines: lines, applied: lines - 1, rejected: 1), sourceLocation: sourceLocation)
        #expect(after.changes == before.changes, "a rejected event changes nothing", sourceLocation: sourceLocation)
        #expect(after.state == before.state, "a rejected event changes nothing", sourceLocation: sourceLocation)
    }
}
