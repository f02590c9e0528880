import Foundation
import Tally

/// The ticket service's figures (README, "For the ticket service"): on a log
/// of `ssl-edges` spanning four months (July to October 2026) with July,
/// August and September closed, one call as the CLI makes it (a fresh
/// process: quote, account view with cost, append) against the month-end
/// run of October over the same log, then a warm ``LedgerService`` in one
/// process: 1,000 quotes and 1,000 appends (each `fsync`ed), median and 90th
/// percentile.
enum LedgerBenchmark {
    static let closedMonths = ["2026-07", "2026-08", "2026-09"].map { BillingPeriod($0)! }
    /// The instant of the questions: an hour after the log's last event, as
    /// a ticket is answered now (appends are dated from it on).
    static let instant = Timestamp(rfc3339: "2026-11-01T01:00:00Z")!

    /// What the calls ask about: an account with an active SSL edge, and a
    /// domain without one that can be quoted.
    struct Subject {
        var account: AccountName
        var edgeDomain: DomainName
        var quoteApplication: ApplicationName
        var quoteDomain: DomainName
    }

    /// Generates the log (cached), closes the three months (cached), and
    /// prints the figures.
    static func run(events: Int, seed: UInt64, cache: String, runs: Int,
                    measure: (String, String, String?) -> (seconds: Double, figure: Int, peak: Int)) throws {
        let log = SyntheticLog(shape: .sslEdges, events: events, seed: seed, historyMonths: 3, invalidPercent: 0)
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        let path = (cache as NSString).appendingPathComponent(log.fileName)
        if !FileManager.default.fileExists(atPath: path) {
            FileHandle.standardError.write(Data("generating \(path)…\n".utf8))
            try log.write(to: path + ".partial")
            try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
        }
        let books = path + ".books"
        let pipeline = BillingPipeline(rateCards: try Measurement.rateCards())
        for month in closedMonths {
            let at = Timestamp(secondsSinceEpoch: month.end.secondsSinceEpoch + 86_400)
            switch try pipeline.close(month, [.file(path)], books: books, at: at) {
            case .closed, .alreadyClosed: break
            case .held: FileHandle.standardError.write(Data("tally-bench: \(month) held; figures are for the months closed\n".utf8))
            }
        }
        print("tally-bench: the ticket service on \(events) events of ssl-edges over July-October 2026, July-September closed (books)")
        print("one call as the CLI makes it, in a fresh process (best of \(runs)), against the month-end run of October:")
        var best: [String: (seconds: Double, figure: Int, peak: Int)] = [:]
        for _ in 0..<runs {
            for stage in ["whole", "ledger-quote", "ledger-account", "ledger-append"] {
                let result = measure(path, stage, stage == "whole" ? nil : books)
                if result.seconds < best[stage]?.seconds ?? .infinity { best[stage] = result }
            }
        }
        let whole = best["whole"]!.seconds
        for stage in ["whole", "ledger-quote", "ledger-account", "ledger-append"] {
            let figure = best[stage]!
            print("  \(stage.padding(toLength: 16, withPad: " ", startingAt: 0))\(String(format: "%8.3f", figure.seconds)) s"
                  + "  \(String(format: "%5.2f", figure.seconds / whole))x the run  peak \(figure.peak / 1_000_000) MB")
        }
        try warm(path, books: books)
    }

    /// 1,000 quotes and 1,000 appends with one warm service, on a copy of the log.
    static func warm(_ original: String, books: String) throws {
        let copy = original + ".warm"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: original, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let subject = try self.subject(original)
        let semaphore = DispatchSemaphore(value: 0)
        let box = Box()
        Task {
            do {
                box.lines = try await warmCalls(copy, books: books, subject: subject)
            } catch {
                box.lines = ["tally-bench: the warm ledger failed: \(error)"]
            }
            semaphore.signal()
        }
        semaphore.wait()
        box.lines.forEach { print($0) }
    }

    final class Box: @unchecked Sendable {
        var lines: [String] = []
    }

    static func warmCalls(_ path: String, books: String, subject: Subject) async throws -> [String] {
        let clock = ContinuousClock()
        let building = clock.now
        let service = try await LedgerService(log: path, books: books, rateCards: try Measurement.rateCards())
        let built = clock.now - building
        var lines = ["a warm LedgerService in one process (built in \(milliseconds([built], 0.5)) ms from the books):"]
        var quotes: [Duration] = []
        for _ in 0..<1_000 {
            let start = clock.now
            _ = try await service.sslQuote(application: subject.quoteApplication, domain: subject.quoteDomain,
                                           for: subject.account, at: instant)
            quotes.append(clock.now - start)
        }
        var appends: [Duration] = []
        for index in 0..<1_000 {
            let time = Timestamp(secondsSinceEpoch: instant.secondsSinceEpoch + Int64(index))
            let start = clock.now
            _ = try await service.record(.updateCertificate(domain: subject.edgeDomain), for: subject.account, at: time)
            appends.append(clock.now - start)
        }
        lines.append("  quote   median \(milliseconds(quotes, 0.5)) ms, p90 \(milliseconds(quotes, 0.9)) ms over 1,000 calls")
        lines.append("  append  median \(milliseconds(appends, 0.5)) ms, p90 \(milliseconds(appends, 0.9)) ms over 1,000 calls (fsync each)")
        lines.append("  peak resident memory of the process: \(Measurement.peakResidentBytes() / 1_000_000) MB")
        return lines
    }

    static func milliseconds(_ durations: [Duration], _ quantile: Double) -> String {
        let sorted = durations.sorted()
        let value = sorted[min(sorted.count - 1, Int(Double(sorted.count) * quantile))]
        let seconds = Double(value.components.seconds) + Double(value.components.attoseconds) / 1e18
        return String(format: "%.3f", seconds * 1000)
    }

    /// Finds in the log's last lines an account with an active SSL edge and,
    /// in the same account, a live application's domain without one.
    static func subject(_ path: String) throws -> Subject {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size > 8 << 20 ? size - (8 << 20) : 0)
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        var edges: [String: (account: String, app: String)] = [:]
        var domains: [String: (account: String, app: String)] = [:]
        for line in text.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let type = object["type"] as? String, let account = object["account"] as? String else { continue }
            let domain = object["domain"] as? String ?? ""
            let app = object["app"] as? String ?? ""
            switch type {
            case "ssl.enabled": edges[domain] = (account, app); domains[domain] = nil
            case "ssl.disabled": edges[domain] = nil
            case "domain.added": domains[domain] = (account, app)
            case "domain.removed": domains[domain] = nil
            default: break
            }
        }
        for (domain, owner) in edges.sorted(by: { $0.key < $1.key }) {
            guard let quotable = domains.first(where: { $0.value.account == owner.account && edges[$0.key] == nil }) else { continue }
            return Subject(account: try AccountName(owner.account), edgeDomain: try DomainName(domain),
                           quoteApplication: try ApplicationName(quotable.value.app), quoteDomain: try DomainName(quotable.key))
        }
        throw CocoaError(.featureUnsupported)
    }

    /// One CLI-like call in this (fresh) process: `ledger-quote`,
    /// `ledger-account` or `ledger-append` (on a copy of the log).
    static func measure(_ path: String, stage: String, books: String) throws -> (figure: Int, seconds: Double) {
        let rateCards = try Measurement.rateCards()
        let subject = try self.subject(path)
        switch stage {
        case "ledger-quote":
            return try Measurement.time {
                let ledger = try Ledger([.file(path)], at: instant, rateCards: rateCards, books: books, metering: false)
                return (try? ledger.sslQuote(application: subject.quoteApplication, domain: subject.quoteDomain,
                                             for: subject.account)) == nil ? 0 : 1
            }
        case "ledger-account":
            return try Measurement.time {
                let ledger = try Ledger([.file(path)], at: instant, rateCards: rateCards, books: books, metering: true)
                let cost = try ledger.cost(of: subject.account)
                return ledger.account(subject.account).applications.count + (cost.expectedMonthEnd == nil ? 0 : 1)
            }
        case "ledger-append":
            let copy = path + ".append"
            try? FileManager.default.removeItem(atPath: copy)
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            defer { try? FileManager.default.removeItem(atPath: copy) }
            // The books check the closed part by its content: the copy stands in for the log.
            return try Measurement.time {
                let outcome = try EventLogAppender(path: copy).record(
                    .updateCertificate(domain: subject.edgeDomain), for: subject.account,
                    at: Timestamp(secondsSinceEpoch: instant.secondsSinceEpoch + 3600), books: books)
                return outcome.event.id.text.count
            }
        default:
            throw CocoaError(.featureUnsupported)
        }
    }
}
