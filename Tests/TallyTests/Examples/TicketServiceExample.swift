// The README's example of the library, "For the ticket service": the code
// between the two markers is the README's Swift block, byte for byte
// (TicketServiceExampleTests checks it, and runs it on a copy of the sample log).

// README example: begin
import Foundation
import Tally

/// Answers the support ticket "SSL for www.example.org of application blog" of account acct_blog:
/// pre-checks the customer's certificate bundle, shows the account and quotes the edge, then records
/// a certificate update. Returns what to paste into the ticket. Every value here is `Codable`, so a
/// service can return it as JSON instead.
func answerSSLTicket(log: String, rates: String, bundle: String) throws -> [String] {
    let rateCards = try RateCardSet.load(directory: rates)
    let account = try AccountName("acct_blog")
    let blog = try ApplicationName("blog")
    let domain = try DomainName("www.example.org")
    // Fixed instants keep the example's answers fixed; a service passes the ticket's time.
    let quotedAt = Timestamp(rfc3339: "2026-10-04T00:00:00Z")!
    let updatedAt = Timestamp(rfc3339: "2026-10-20T00:00:00Z")!

    // Pre-check the customer's bundle: never returns or prints key material.
    let check = try CertificateBundleCheck.check(directory: bundle)
    guard check.isAcceptable else { return [check.text()] }

    // The platform and its bill at an instant (events up to and including that second).
    let ledger = try Ledger([.file(log)], at: quotedAt, rateCards: rateCards)
    let view = ledger.account(account)            // applications, services, domains, SSL edges
    let cost = try ledger.cost(of: account)       // month-to-date and expected month-end invoices
    var replies = ["\(view.applications.map(\.name.text)) \(cost.monthToDateTotal) \(cost.expectedMonthEndTotal)"]

    let quote: SSLQuote
    do throws(LedgerError) {
        quote = try ledger.sslQuote(application: blog, domain: domain, for: account)
    } catch {
        switch error {
        case .refused(let refusal):
            return ["refused: \(refusal)"]           // paste into the ticket
        case .applicationNotFound, .sslEdgeNotFound, .input, .configuration, .overflow:
            throw error
        }
    }
    replies.append("\(quote.hourly) \(quote.fullMonth) \(quote.restOfMonth)")   // 0.03 22.32 20.16 (October, default card)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    replies.append(String(decoding: try encoder.encode(quote), as: UTF8.self))

    // Record the change: validated, appended under a lock, flushed to disk. The ticket's id makes a
    // retry safe: the same id with the same content writes nothing.
    let appender = EventLogAppender(path: log)
    let id = try EventID("ticket-4711-update")
    do throws(RecordingError) {
        switch try appender.record(.updateCertificate(domain: domain, application: blog), for: account, at: updatedAt, id: id) {
        case .recorded(let event): replies.append("recorded \(event.id)")
        case .alreadyRecorded(let event): replies.append("a retry; already in the log: \(event.id)")
        }
    } catch {
        switch error {
        case .refused, .idInUse, .wouldInvalidateLaterEvents, .incompleteLastLine:
            replies.append("not recorded: \(error)")
        case .lockTimeout:
            replies.append("another writer holds the log; try again")
        case .input, .io:
            throw error
        }
    }
    return replies
}
// README example: end
