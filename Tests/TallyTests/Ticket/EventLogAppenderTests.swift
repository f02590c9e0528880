import Foundation
import Testing
@testable import Tally

@Suite("EventLogAppender: validated, durable appends")
struct EventLogAppenderTests {
    static let a = acct("acct_a")
    static let enableShop = SSLAction.enable(application: appName("shop"), domain: domainName("www.shop.example"))

    @Test("a valid event is appended as one line of the log, and the log bills it")
    func records() throws {
        let file = TemporaryLog()
        defer { file.remove() }
        let before = file.text
        let outcome = try file.appender.record(Self.enableShop, for: Self.a, at: utc("2026-10-11T00:00:00Z"),
                                               id: try EventID("ticket-1"))
        let event = Event(id: try EventID("ticket-1"), time: utc("2026-10-11T00:00:00Z"), account: Self.a,
                          action: .sslEnabled(app: appName("shop"), domain: domainName("www.shop.example")))
        #expect(outcome == .recorded(event))
        #expect(file.text == before + event.jsonLine + "\n")
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, [.file(file.path)])
        let edge = run.invoices.first { $0.account == Self.a }?.lines.first { $0.domain == domainName("www.shop.example") }
        let expected: Int64 = 160 * 21 * 86_400
        #expect(edge?.mbSeconds == expected)
        #expect(run.events.rejected == 0)
    }

    @Test("without an id the event gets a fresh tally-<uuid> one")
    func freshID() throws {
        let file = TemporaryLog()
        defer { file.remove() }
        let first = try file.appender.record(.updateCertificate(domain: domainName("api.shop.example")), for: Self.a,
                                             at: utc("2026-10-11T00:00:00Z"))
        let second = try file.appender.record(.updateCertificate(domain: domainName("api.shop.example")), for: Self.a,
                                              at: utc("2026-10-11T00:00:00Z"))
        #expect(first.event.id.text.hasPrefix("tally-"))
        #expect(first.event.id.text.count == 42)
        #expect(first.event.id != second.event.id)
        #expect(file.lines.count == 15)
    }

    @Test("a retry with the same id and content writes nothing and says so")
    func retry() throws {
        let file = TemporaryLog()
        defer { file.remove() }
        let id = try EventID("ticket-2")
        let first = try file.appender.record(Self.enableShop, for: Self.a, at: utc("2026-10-11T00:00:00Z"), id: id)
        let afterFirst = file.text
        let second = try file.appender.record(Self.enableShop, for: Self.a, at: utc("2026-10-11T00:00:00Z"), id: id)
        #expect(second == .alreadyRecorded(first.event))
        #expect(file.text == afterFirst)
    }

    @Test("the same id with other content is refused")
    func idInUse() throws {
        let file = TemporaryLog()
        defer { file.remove() }
        let id = try EventID("ticket-3")
        _ = try file.appender.record(Self.enableShop, for: Self.a, at: utc("2026-10-11T00:00:00Z"), id: id)
        let afterFirst = file.text
        let error = #expect(throws: RecordingError.self) {
            try file.appender.record(Self.enableShop, for: Self.a, at: utc("2026-10-12T00:00:00Z"), id: id)
        }
        #expect(error == .idInUse(id, by: SourceLocation(file: file.path, line: 14)))
        // An id the log already uses for another type of event, too.
        let taken = #expect(throws: RecordingError.self) {
            try file.appender.record(.disable(domain: domainName("api.shop.example")), for: Self.a,
                                     at: utc("2026-10-12T00:00:00Z"), id: try EventID("e1"))
        }
        #expect(taken == .idInUse(try EventID("e1"), by: SourceLocation(file: file.path, line: 1)))
        #expect(file.text == afterFirst)
    }

    @Test("an invalid event is refused with the rule it breaks and nothing is written",
          arguments: [
              (SSLAction.enable(application: appName("sand"), domain: domainName("www.shop.example")),
               SSLRefusal.rule(.customDomainsNeedLiveOrEnterprise(appName("sand"), .sandbox))),
              (.enable(application: appName("blog"), domain: domainName("www.blog.example")),
               .rule(.applicationNotFound(appName("blog")))),
              (.enable(application: appName("shop"), domain: domainName("www.blog.example")),
               .rule(.domainNotAttached(domainName("www.blog.example"), appName("shop")))),
              (.enable(application: appName("api"), domain: domainName("api.shop.example")),
               .rule(.sslEdgeAlreadyActive(domainName("api.shop.example")))),
              (.updateCertificate(domain: domainName("www.blog.example")),
               .rule(.noActiveSSLEdge(domainName("www.blog.example")))),
              (.disable(domain: domainName("www.shop.example")), .rule(.noActiveSSLEdge(domainName("www.shop.example")))),
              (.disable(domain: domainName("api.shop.example"), application: appName("shop")),
               .edgeOfAnotherApplication(domainName("api.shop.example"), enabledFor: appName("api"), given: appName("shop"))),
          ])
    func refused(action: SSLAction, expected: SSLRefusal) throws {
        let file = TemporaryLog()
        defer { file.remove() }
        let before = file.text
        let error = #expect(throws: RecordingError.self) {
            try file.appender.record(action, for: Self.a, at: utc("2026-10-11T00:00:00Z"), id: try EventID("ticket-4"))
        }
        #expect(error == .refused(expected))
        #expect(file.text == before)
    }

    @Test("an event dated before later events is checked at its own time")
    func backdated() throws {
        var log = LogBuilder.sslScenario()
        log.add("application.destroyed", at: "2026-10-20T00:00:00Z", account: "acct_a", ["app": "shop"])
        let file = TemporaryLog(log)
        defer { file.remove() }
        // On 10-11 the application and its domain still exist.
        let outcome = try file.appender.record(Self.enableShop, for: Self.a, at: utc("2026-10-11T00:00:00Z"))
        #expect(outcome.event.time == utc("2026-10-11T00:00:00Z"))
        // On 10-21 they don't.
        let late = #expect(throws: RecordingError.self) {
            try file.appender.record(.enable(application: appName("shop"), domain: domainName("www.shop.example")),
                                     for: Self.a, at: utc("2026-10-21T00:00:00Z"))
        }
        #expect(late == .refused(.rule(.applicationNotFound(appName("shop")))))
    }

    @Test("an event that would make later events of the log invalid is refused")
    func laterEventsStayValid() throws {
        var log = LogBuilder.sslScenario()
        log.updateCertificate("api.shop.example", at: "2026-10-20T00:00:00Z")
        log.disableSSL("api.shop.example", at: "2026-10-25T00:00:00Z")
        let file = TemporaryLog(log)
        defer { file.remove() }
        let before = file.text
        let error = #expect(throws: RecordingError.self) {
            try file.appender.record(.disable(domain: domainName("api.shop.example")), for: Self.a, at: utc("2026-10-15T00:00:00Z"))
        }
        #expect(error == .wouldInvalidateLaterEvents(
            count: 2, ownLines: [SourceLocation(file: file.path, line: 14), SourceLocation(file: file.path, line: 15)]))
        #expect(file.text == before)
        // A backdated certificate update breaks nothing and is recorded.
        _ = try file.appender.record(.updateCertificate(domain: domainName("api.shop.example")), for: Self.a,
                                     at: utc("2026-10-15T00:00:00Z"))
        #expect(file.lines.count == 16)
    }

    @Test("a log whose last line has no newline is not appended to")
    func incompleteLastLine() throws {
        let file = TemporaryLog()
        defer { file.remove() }
        let handle = try #require(FileHandle(forWritingAtPath: file.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"id\":\"half".utf8))
        try handle.close()
        let before = file.text
        let error = #expect(throws: RecordingError.self) {
            try file.appender.record(Self.enableShop, for: Self.a, at: utc("2026-10-11T00:00:00Z"))
        }
        #expect(error == .incompleteLastLine(path: file.path))
        #expect(file.text == before)
    }

    @Test("a missing log is an input error; standard input can't be appended to")
    func unusableLogs() throws {
        let missing = #expect(throws: RecordingError.self) {
            try EventLogAppender(path: "/nonexistent/events.jsonl").record(Self.enableShop, for: Self.a, at: utc("2026-10-11T00:00:00Z"))
        }
        #expect(missing == .input(InputError(name: "/nonexistent/events.jsonl", problem: "no such file; check the path")))
        let standardInput = #expect(throws: RecordingError.self) {
            try EventLogAppender(path: "-").record(Self.enableShop, for: Self.a, at: utc("2026-10-11T00:00:00Z"))
        }
        if case .io? = standardInput {} else { Issue.record("expected an io error, got \(String(describing: standardInput))") }
    }

    @Test("a certificate update recorded through the appender leaves every invoice as it was")
    func certificateUpdateKeepsBill() throws {
        let file = TemporaryLog()
        defer { file.remove() }
        let run = { try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, [.file(file.path)]) }
        let before = try run()
        _ = try file.appender.record(.updateCertificate(domain: domainName("www.blog.example"), application: appName("blog")),
                                     for: acct("acct_b"), at: utc("2026-10-12T14:45:00Z"))
        let after = try run()
        #expect(after.invoices == before.invoices)
        #expect(after.events.applied == before.events.applied + 1)
    }
}
