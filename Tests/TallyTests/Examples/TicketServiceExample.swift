// The README's example of the library, "For the ticket service": the code
// between the two markers is the README's Swift block, byte for byte
// (TicketServiceExampleTests checks it, and runs it on a copy of the sample log).

// README example: begin
import Foundation
import Tally

/// The ticket service keeps one warm ledger for its log: built once (from the books' last close when
/// there are books), it reads only what was appended since its last call, by this process or any
/// other writer, and answers from memory. Every value it returns is `Codable` and `Sendable`.
func makeLedgerService(log: String, rates: String) async throws -> LedgerService {
    try await LedgerService(log: log, books: nil, rateCards: try RateCardSet.load(directory: rates))
}

/// Answers the support ticket "SSL for www.example.org of application blog" of account acct_blog:
/// pre-checks the customer's certificate bundle, shows the account and quotes the edge, then records
/// a certificate update. Returns what to paste into the ticket.
func answerSSLTicket(service: LedgerService, bundle: String) async throws -> [String] {
    let account = try AccountName("acct_blog")
    let blog = try ApplicationName("blog")
    let domain = try DomainName("www.example.org")
    // Time is always given: fixed instants keep the example's answers fixed; a service passes the
    // ticket's time.
    let quotedAt = Timestamp(rfc3339: "2026-10-04T00:00:00Z")!
    let updatedAt = Timestamp(rfc3339: "2026-10-20T00:00:00Z")!

    // Pre-check the customer's bundle: never returns or prints key material.
    let check = try CertificateBundleCheck.check(directory: bundle)
    guard check.isAcceptable else { return [check.text()] }

    // The platform and its bill at an instant (events up to and including that second).
    let view = try await service.account(account, at: quotedAt)     // applications, services, SSL edges
    let cost = try await service.cost(of: account, at: quotedAt)    // month-to-date and month-end invoices
    var replies = ["\(view.applications.map(\.name.text)) \(cost.monthToDateTotal) \(cost.expectedMonthEndTotal)"]

    let quote: SSLQuote
    do throws(LedgerError) {
        quote = try await service.sslQuote(application: blog, domain: domain, for: account, at: quotedAt)
    } catch {
        guard case .refused(let refusal) = error else { throw error }
        return ["refused: \(refusal)"]                 // paste into the ticket
    }
    replies.append("\(quote.hourly) \(quote.fullMonth) \(quote.restOfMonth)")   // 0.03 22.32 20.16 (October)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    replies.append(String(decoding: try encoder.encode(quote), as: UTF8.self))

    // Record the change: validated, appended under the log's lock (held only for the append), flushed
    // to disk. The ticket's id makes a retry safe: the same id with the same content writes nothing.
    let id = try EventID("ticket-4711-update")
    do throws(RecordingError) {
        let action = SSLAction.updateCertificate(domain: domain, application: blog)
        switch try await service.record(action, for: account, at: updatedAt, id: id) {
        case .recorded(let event): replies.append("recorded \(event.id)")
        case .alreadyRecorded(let event): replies.append("a retry; already in the log: \(event.id)")
        }
    } catch {
        switch error {
        case .lockTimeout, .cancelled:
            replies.append("another writer holds the log; try again")
        case .input, .io:
            throw error
        default:                                        // refused, id in use, closed month, ...
            replies.append("not recorded: \(error)")
        }
    }
    return replies
}
// README example: end
