import Foundation
import Testing
@testable import Tally

@Suite("Ledger: whether an SSL request may be recorded (SPEC §2.2)")
struct SSLEligibilityTests {
    static let a = acct("acct_a")

    static func refusal(_ action: SSLAction, for account: AccountName = a, at text: String = "2026-10-10T00:00:00Z",
                        _ log: LogBuilder = .sslScenario()) throws -> SSLRefusal? {
        let ledger = try Ledger([log.input()], at: utc(text), rateCards: Fixtures.defaultRates)
        do {
            try ledger.check(action, for: account)
            return nil
        } catch {
            return error
        }
    }

    @Test("a live application's attached domain without an edge may be enabled")
    func eligible() throws {
        #expect(try Self.refusal(.enable(application: appName("shop"), domain: domainName("www.shop.example"))) == nil)
        #expect(try Self.refusal(.updateCertificate(domain: domainName("api.shop.example"))) == nil)
        #expect(try Self.refusal(.disable(domain: domainName("api.shop.example"), application: appName("api"))) == nil)
    }

    @Test("each refusal reason, with the message support pastes into the ticket",
          arguments: [
              (SSLAction.enable(application: appName("gone"), domain: domainName("www.shop.example")),
               SSLRefusal.rule(.applicationNotFound(appName("gone"))),
               "application gone does not exist in this account; check the application's name against the account's applications"),
              (.enable(application: appName("shop"), domain: domainName("nope.example")),
               .rule(.domainNotAttached(domainName("nope.example"), appName("shop"))),
               "domain nope.example is not attached to a service of application shop; the customer must add the domain to a service of that application before SSL can be enabled"),
              (.enable(application: appName("shop"), domain: domainName("api.shop.example")),
               .rule(.domainNotAttached(domainName("api.shop.example"), appName("shop"))),
               "domain api.shop.example is not attached to a service of application shop; the customer must add the domain to a service of that application before SSL can be enabled"),
              (.enable(application: appName("sand"), domain: domainName("www.shop.example")),
               .rule(.customDomainsNeedLiveOrEnterprise(appName("sand"), .sandbox)),
               "application sand is sandbox; custom domains and SSL need a live or enterprise application; the customer must move the application to live or enterprise first"),
              (.enable(application: appName("api"), domain: domainName("api.shop.example")),
               .rule(.sslEdgeAlreadyActive(domainName("api.shop.example"))),
               "domain api.shop.example already has an active SSL edge; a domain has one SSL edge at a time: if it is among the account's SSL edges (ssl list), change its certificate with ssl update; otherwise it must be disabled before SSL can be enabled again"),
              (.updateCertificate(domain: domainName("www.shop.example")),
               .rule(.noActiveSSLEdge(domainName("www.shop.example"))),
               "domain www.shop.example has no active SSL edge in this account; check the domain against the account's SSL edges"),
              (.disable(domain: domainName("www.shop.example")),
               .rule(.noActiveSSLEdge(domainName("www.shop.example"))),
               "domain www.shop.example has no active SSL edge in this account; check the domain against the account's SSL edges"),
              (.disable(domain: domainName("api.shop.example"), application: appName("shop")),
               .edgeOfAnotherApplication(domainName("api.shop.example"), enabledFor: appName("api"), given: appName("shop")),
               "the SSL edge of domain api.shop.example was enabled for application api, not shop; check the ticket's application and domain"),
          ])
    func refusals(action: SSLAction, expected: SSLRefusal, message: String) throws {
        let refusal = try Self.refusal(action)
        #expect(refusal == expected)
        #expect(refusal?.description == message)
    }

    @Test("a domain whose edge belongs to another account can't get a second edge")
    func edgeOfAnotherAccount() throws {
        var log = LogBuilder.sslScenario()
        // acct_b's application goes, its domain is freed, its edge lives on (SPEC §1).
        log.add("application.destroyed", at: "2026-10-06T00:00:00Z", account: "acct_b", ["app": "blog"])
        log.addDomain("www.blog.example", app: "shop", service: "www", at: "2026-10-07T00:00:00Z")
        let refusal = try Self.refusal(.enable(application: appName("shop"), domain: domainName("www.blog.example")), log)
        #expect(refusal == .rule(.sslEdgeAlreadyActive(domainName("www.blog.example"))))
        #expect(refusal?.description.contains("acct_b") == false)
    }

    @Test("another account's application, domain or edge is refused exactly like a missing one")
    func isolation() throws {
        // acct_b's application "blog" vs an application that exists nowhere.
        let otherApp = try Self.refusal(.enable(application: appName("blog"), domain: domainName("www.blog.example")))
        let noApp = try Self.refusal(.enable(application: appName("blog"), domain: domainName("www.blog.example")),
                                     for: Self.a, LogBuilder.sslScenarioWithoutAccountB())
        #expect(otherApp == .rule(.applicationNotFound(appName("blog"))))
        #expect(otherApp == noApp)
        // acct_b's domain, asked about for one of acct_a's applications.
        let otherDomain = try Self.refusal(.enable(application: appName("shop"), domain: domainName("www.blog.example")))
        let noDomain = try Self.refusal(.enable(application: appName("shop"), domain: domainName("www.blog.example")),
                                        for: Self.a, LogBuilder.sslScenarioWithoutAccountB())
        #expect(otherDomain == .rule(.domainNotAttached(domainName("www.blog.example"), appName("shop"))))
        #expect(otherDomain == noDomain)
        // acct_b's active edge, updated or disabled by acct_a.
        for action in [SSLAction.updateCertificate(domain: domainName("www.blog.example")),
                       .disable(domain: domainName("www.blog.example"))] {
            let otherEdge = try Self.refusal(action)
            let noEdge = try Self.refusal(action, for: Self.a, LogBuilder.sslScenarioWithoutAccountB())
            #expect(otherEdge == .rule(.noActiveSSLEdge(domainName("www.blog.example"))))
            #expect(otherEdge == noEdge)
        }
    }

    @Test("a request is refused exactly when the month-end replay would reject its event, for the same rule",
          arguments: [
              SSLAction.enable(application: appName("shop"), domain: domainName("www.shop.example")),
              .enable(application: appName("gone"), domain: domainName("www.shop.example")),
              .enable(application: appName("shop"), domain: domainName("nope.example")),
              .enable(application: appName("sand"), domain: domainName("www.shop.example")),
              .enable(application: appName("api"), domain: domainName("api.shop.example")),
              .enable(application: appName("blog"), domain: domainName("www.blog.example")),
              .updateCertificate(domain: domainName("api.shop.example")),
              .updateCertificate(domain: domainName("www.blog.example")),
              .disable(domain: domainName("api.shop.example")),
              .disable(domain: domainName("www.shop.example")),
          ])
    func agreesWithReplay(action: SSLAction) throws {
        let refusal = try Self.refusal(action)
        var log = LogBuilder.sslScenario()
        log.addRaw(action.event(id: try EventID("candidate"), account: Self.a, at: utc("2026-10-10T00:00:00Z")).jsonLine)
        let (_, rejections) = try Fixtures.runCollecting([log.input()])
        let rejection = rejections.first { $0.eventID == "candidate" }
        #expect((refusal == nil) == (rejection == nil))
        if case let .rule(violation) = refusal {
            // The one deliberate difference: a sandbox application is named as
            // the reason where the replay names the missing domain (SPEC §2.2
            // never lets a sandbox application have one).
            let expected: RuleViolation = if case let .customDomainsNeedLiveOrEnterprise(app, .sandbox) = violation {
                .domainNotAttached(action.domain, app)
            } else {
                violation
            }
            #expect(rejection?.reason == .rule(expected))
        }
    }
}

extension LogBuilder {
    /// ``sslScenario()`` without any event of `acct_b`.
    static func sslScenarioWithoutAccountB() -> LogBuilder {
        var log = LogBuilder(account: "acct_a")
        for line in sslScenario().lines where !line.contains("\"acct_b\"") { log.addRaw(line) }
        return log
    }
}
