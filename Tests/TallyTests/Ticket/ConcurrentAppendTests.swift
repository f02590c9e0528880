import Foundation
import Testing
@testable import Tally

@Suite("EventLogAppender: concurrent appends never interleave or lose a line")
struct ConcurrentAppendTests {
    /// Failures seen by the writers, shared between threads.
    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [String] = []

        func add(_ message: String) {
            lock.lock()
            messages.append(message)
            lock.unlock()
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return messages
        }
    }

    /// Checks the log after the writers: every line is a JSON object, ids are
    /// distinct, and the month-end run applies every line.
    static func checkLog(_ path: String, expectedLines: Int) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == expectedLines)
        var ids = Set<String>()
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let id = try #require(object?["id"] as? String, "not an event: \(line)")
            ids.insert(id)
        }
        #expect(ids.count == expectedLines)
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, [.file(path)])
        #expect(run.events == EventCounts(lines: expectedLines, applied: expectedLines, duplicates: 0, rejected: 0))
    }

    @Test("two threads of one process, each opening the log for every event, append 200 events each")
    func twoThreads() throws {
        let setUp = LogBuilder.sslScenario()
        let file = TemporaryLog(setUp)
        defer { file.remove() }
        let path = file.path
        let failures = Failures()
        let perWriter = 200
        // Each record() opens the file anew: flock locks belong to the open
        // file description, so the two threads exclude each other as two
        // processes do (see twoProcesses).
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let appender = EventLogAppender(path: path)
            for index in 0..<perWriter {
                do {
                    let outcome = try appender.record(.updateCertificate(domain: domainName("api.shop.example")),
                                                      for: acct("acct_a"), at: utc("2026-10-20T00:00:00Z"),
                                                      id: try EventID("w\(writer)-\(index)"))
                    if case .alreadyRecorded = outcome { failures.add("w\(writer)-\(index): already recorded") }
                } catch {
                    failures.add("w\(writer)-\(index): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(5))")
        try Self.checkLog(path, expectedLines: setUp.lines.count + 2 * perWriter)
    }

    @Test("two processes append 1,000 events each with tally ssl update, at the same time")
    func twoProcesses() throws {
        let setUp = LogBuilder.sslScenario()
        let file = TemporaryLog(setUp)
        defer { file.remove() }
        let path = file.path
        let perProcess = 1_000
        // Each process runs tally 1,000 times in a row; the two run at once.
        let writers = try (1...2).map { writer in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", """
                i=0
                while [ $i -lt \(perProcess) ]; do
                  "$0" ssl update --account acct_a --domain api.shop.example --at 2026-10-20T00:00:00Z --id "p\(writer)-$i" "$1" \
                    > /dev/null || exit 1
                  i=$((i + 1))
                done
                """, TallyExecutable.url.path, path]
            try process.run()
            return process
        }
        for process in writers { process.waitUntilExit() }
        #expect(writers.map(\.terminationStatus) == [0, 0])
        try Self.checkLog(path, expectedLines: setUp.lines.count + 2 * perProcess)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for writer in 1...2 {
            #expect(text.components(separatedBy: "\"id\":\"p\(writer)-").count - 1 == perProcess)
        }
    }

    @Test("two writers racing to enable and disable the same domain never both pass validation")
    func racingValidation() throws {
        let setUp = LogBuilder.sslScenario()
        let file = TemporaryLog(setUp)
        defer { file.remove() }
        let path = file.path
        let failures = Failures()
        // Without the lock held from replay to write, both would often see
        // no edge and both append ssl.enabled; the second line would then be
        // rejected by every later replay.
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let appender = EventLogAppender(path: path)
            for index in 0..<100 {
                for action in [SSLAction.enable(application: appName("shop"), domain: domainName("www.shop.example")),
                               .disable(domain: domainName("www.shop.example"))] {
                    do throws(RecordingError) {
                        _ = try appender.record(action, for: acct("acct_a"), at: utc("2026-10-20T00:00:00Z"))
                    } catch .refused {
                        // The other writer got there first.
                    } catch {
                        failures.add("w\(writer)-\(index): \(error)")
                    }
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(5))")
        let run = try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, [.file(path)])
        #expect(run.events.rejected == 0)
        #expect(run.events.applied == run.events.lines)
        #expect(run.events.lines > setUp.lines.count + 100)
    }
}
