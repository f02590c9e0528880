import Foundation
import Testing
@testable import Tally

@Suite("the README's library example compiles, runs, and is the README's code")
struct TicketServiceExampleTests {
    static let exampleFile = Fixtures.root.appendingPathComponent("Tests/TallyTests/Examples/TicketServiceExample.swift")

    /// The lines between the example's markers.
    static func exampleRegion() throws -> String {
        let text = try String(contentsOf: exampleFile, encoding: .utf8)
        let start = try #require(text.range(of: "// README example: begin\n"))
        let end = try #require(text.range(of: "// README example: end\n"))
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// The Swift block of the README's "For the ticket service" section.
    static func readmeBlock() throws -> String {
        let readme = try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "\n## For the ticket service\n"))
        let rest = readme[section.upperBound...]
        let start = try #require(rest.range(of: "```swift\n"))
        let end = try #require(rest[start.upperBound...].range(of: "```\n"))
        return String(rest[start.upperBound..<end.lowerBound])
    }

    @Test("the README's Swift block is the example file's region, byte for byte")
    func readmeMatches() throws {
        let region = try Self.exampleRegion()
        #expect(region.hasPrefix("import Foundation\nimport Tally\n"))
        #expect(try Self.readmeBlock() == region)
    }

    /// A copy of the sample log, and a bundle folder, in a fresh folder.
    struct Scratch {
        let directory = Fixtures.temporaryDirectory()
        var log: String { directory.appendingPathComponent("events.jsonl").path }
        var bundle: String { directory.appendingPathComponent("bundle").path }

        init(key: String = BundleFiles.key) throws {
            try FileManager.default.copyItem(atPath: Fixtures.directory.appendingPathComponent("sample-events.jsonl").path, toPath: log)
            try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
            try key.write(toFile: bundle + "/ssl.key", atomically: true, encoding: .utf8)
            try BundleFiles.certificate.write(toFile: bundle + "/ssl.crt", atomically: true, encoding: .utf8)
            try BundleFiles.intermediate.write(toFile: bundle + "/ssl.chain", atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    @Test("run on a copy of the sample log: the account, the quote as text and JSON, the update recorded once")
    func run() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let before = try String(contentsOfFile: scratch.log, encoding: .utf8)
        let service = try await makeLedgerService(log: scratch.log, rates: Fixtures.ratesDirectory.path)
        let replies = try await answerSSLTicket(service: service, bundle: scratch.bundle)
        #expect(replies.count == 4)
        #expect(replies.first == "[\"blog\"] 1.73 17.86")
        #expect(replies.dropFirst().first == "0.03 22.32 20.16")
        let quote = try JSONDecoder().decode(SSLQuote.self, from: Data(replies[2].utf8))
        #expect(quote.hourly == Money(minorUnits: 3, currency: Currency(code: "USD")!))
        #expect(replies[2].contains(#""full_month":{"amount":"22.32","currency":"USD"}"#))
        #expect(replies.last == "recorded ticket-4711-update")
        let line = #"{"account":"acct_blog","domain":"www.example.org","id":"ticket-4711-update","time":"2026-10-20T00:00:00Z","type":"ssl.certificate_updated"}"#
        #expect(try String(contentsOfFile: scratch.log, encoding: .utf8) == before + line + "\n")
        // A retry of the ticket writes nothing, whether the same service answers it or a new one.
        let again = try await answerSSLTicket(service: service, bundle: scratch.bundle)
        #expect(again.last == "a retry; already in the log: ticket-4711-update")
        let fresh = try await makeLedgerService(log: scratch.log, rates: Fixtures.ratesDirectory.path)
        let retry = try await answerSSLTicket(service: fresh, bundle: scratch.bundle)
        #expect(retry.last == "a retry; already in the log: ticket-4711-update")
        #expect(try String(contentsOfFile: scratch.log, encoding: .utf8) == before + line + "\n")
    }

    @Test("a bundle with a problem is answered with the check, and nothing is recorded")
    func badBundle() async throws {
        let scratch = try Scratch(key: BundleFiles.pem("ENCRYPTED PRIVATE KEY"))
        defer { scratch.remove() }
        let before = try String(contentsOfFile: scratch.log, encoding: .utf8)
        let service = try await makeLedgerService(log: scratch.log, rates: Fixtures.ratesDirectory.path)
        let replies = try await answerSSLTicket(service: service, bundle: scratch.bundle)
        #expect(replies.count == 1)
        #expect(replies.first?.contains("Result: 1 problem") == true)
        #expect(try String(contentsOfFile: scratch.log, encoding: .utf8) == before)
    }

    @Test("events held in memory are read like a file: EventInput.events and .text")
    func eventsInMemory() throws {
        let text = try String(contentsOf: Fixtures.directory.appendingPathComponent("sample-events.jsonl"), encoding: .utf8)
        let instant = Timestamp(rfc3339: "2026-10-20T00:00:00Z")!
        let fromText = try Ledger([.text(text, name: "ticket")], at: instant, rateCards: Fixtures.defaultRates)
        let extra = Event(id: try EventID("ticket-1"), time: Timestamp(rfc3339: "2026-10-19T00:00:00Z")!,
                          account: try AccountName("acct_blog"),
                          action: .sslCertificateUpdated(domain: try DomainName("www.example.org")))
        let withEvents = try Ledger([.text(text, name: "log"), .events([extra], name: "ticket")], at: instant,
                                    rateCards: Fixtures.defaultRates)
        let account = try AccountName("acct_blog")
        #expect(withEvents.events.applied == fromText.events.applied + 1)
        #expect(try withEvents.cost(of: account) == (try fromText.cost(of: account)))
    }
}
