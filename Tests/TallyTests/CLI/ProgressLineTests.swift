import Foundation
import Testing
@testable import Tally
@testable import TallyCommands

/// A clock that moves by `step` each time it is read.
final class SteppingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now = Duration.zero
    let step: Duration

    init(step: Duration) {
        self.step = step
    }

    func read() -> Duration {
        lock.withLock {
            defer { now += step }
            return now
        }
    }
}

/// The progress line on standard error (README, "Command reference"):
/// shown when standard error is a terminal and a run takes over 2 s, redrawn
/// in place, erased at the end; never with `--quiet` or without a terminal.
@Suite("progress of long runs on standard error")
struct ProgressLineTests {
    /// 140,000 lines of one account, written to `folder`: two that set up a
    /// service, then one scale a second.
    static func bigLog(in folder: URL) -> URL {
        var text = LogBuilder.json(["id": "s-000000", "time": "2026-10-01T00:00:00Z", "type": "application.created",
                                    "account": "acct_big", "app": "a", "flavor": "live"]) + "\n"
        text += LogBuilder.json(["id": "s-000001", "time": "2026-10-01T00:00:00Z", "type": "service.deployed", "account": "acct_big",
                                 "app": "a", "service": "s", "service_type": "python", "instances": 1, "memory_mb": 128]) + "\n"
        let start = Timestamp(rfc3339: "2026-10-01T00:00:01Z")!.secondsSinceEpoch
        var lines: [String] = []
        lines.reserveCapacity(140_000)
        for index in 2..<140_000 {
            let id = String(index)
            lines.append(#"{"account":"acct_big","app":"a","id":"s-"# + String(repeating: "0", count: 6 - id.count) + id
                + #"","instances":\#(1 + index % 2),"service":"s","time":""#
                + Timestamp(secondsSinceEpoch: start + Int64(index)).description + #"","type":"service.scaled"}"#)
        }
        text += lines.joined(separator: "\n") + "\n"
        let url = folder.appendingPathComponent("big.jsonl")
        try! text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The texts drawn on standard error, in order, and whether the last was erased.
    static func drawn(_ standardError: String) -> (texts: [String], erased: Bool) {
        var parts = standardError.components(separatedBy: "\r")
        guard parts.first == "" else { return ([], false) }
        parts.removeFirst()
        let erased = parts.count >= 2 && parts.last == "" && parts[parts.count - 2].allSatisfy { $0 == " " }
            && parts[parts.count - 2].count == parts.dropLast(2).last?.trimmingSpaces.count
        return (parts.dropLast(erased ? 2 : 0).map(\.trimmingSpaces), erased)
    }

    @Test("a long run at a terminal: drawn in place from 2 s on, erased at the end, the report unchanged")
    func longRun() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = Self.bigLog(in: folder)
        let clock = SteppingClock(step: .seconds(1))
        let arguments = ["invoice", "--month", "2026-10", log.path]
        let result = InProcess.run(arguments, errorIsTerminal: true, clock: { clock.read() })
        #expect(result.status == .success)
        let (texts, erased) = Self.drawn(result.standardError)
        // Read at 0 s (start), 1 s (65,536 lines: too early), 2 s (131,072 lines) and 3 s (the end).
        #expect(texts.count == 2 && erased, "\(result.standardError.debugDescription)")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int)
        let total = ProgressLine.mebibytes(Int64(size))
        #expect(texts.first?.wholeMatch(of: #/tally: 131,072 lines, [0-9.,]+ of [0-9.,]+ MiB \(9[0-9]%\), 65,536 lines/s, 0:02/#) != nil,
                "\(texts)")
        #expect(texts.last == "tally: 140,000 lines, \(total) of \(total) MiB (100%), 46,666 lines/s, 0:03")
        #expect(result.standardError.hasSuffix("\r" + String(repeating: " ", count: texts.last?.count ?? 0) + "\r"))
        // Nothing but the progress line reaches standard error, and the report is as without it.
        let plain = InProcess.run(arguments)
        #expect(plain.standardError == "")
        #expect(result.standardOutput == plain.standardOutput)
    }

    @Test("nothing without a terminal, with --quiet, or before 2 s", arguments: [
        ([String](), false, 10), (["--quiet"], true, 10), ([], true, 0),
    ])
    func none(options: [String], terminal: Bool, stepMilliseconds: Int) {
        let clock = SteppingClock(step: .milliseconds(stepMilliseconds))
        for command in [["invoice", "--month", "2026-10"], ["summary", "--month", "2026-10"],
                        ["usage", "--account", "acct_blog", "--month", "2026-10"],
                        ["explain", "--account", "acct_blog", "--month", "2026-10"],
                        ["account", "--account", "acct_blog", "--at", "2026-10-20T00:00:00Z"],
                        ["ssl", "list", "--account", "acct_blog", "--at", "2026-10-20T00:00:00Z"]] {
            let result = InProcess.run(command + options + [InProcess.sample], environment: InProcess.utf8.merging(
                ["TALLY_PROGRESS_DELAY": "1"]) { $1 }, errorIsTerminal: terminal, clock: { clock.read() })
            #expect(result.status == .success, "\(command)")
            #expect(result.standardError == "", "\(command) \(options)")
        }
    }

    @Test("every log-reading command shows it at a terminal, and --quiet is accepted by each", arguments: [
        ["invoice", "--month", "2026-10"], ["summary", "--month", "2026-10"], ["usage", "--account", "acct_blog", "--month", "2026-10"],
        ["explain", "--account", "acct_blog", "--month", "2026-10"], ["account", "--account", "acct_blog", "--at", "2026-10-20T00:00:00Z"],
        ["ssl", "list", "--account", "acct_blog", "--at", "2026-10-20T00:00:00Z"],
        ["ssl", "quote", "--account", "acct_blog", "--app", "blog", "--domain", "www.example.org", "--at", "2026-10-04T00:00:00Z"],
    ])
    func everyCommand(command: [String]) throws {
        let clock = SteppingClock(step: .seconds(3))
        let result = InProcess.run(command + [InProcess.sample], errorIsTerminal: true, clock: { clock.read() })
        let (texts, erased) = Self.drawn(result.standardError)
        #expect(erased && !texts.isEmpty, "\(result.standardError.debugDescription)")
        #expect(texts.last?.hasPrefix("tally: 23 lines, 0.0 of 0.0 MiB (100%), ") == true, "\(texts)")
        #expect(texts.allSatisfy { $0.wholeMatch(of: #/tally: [0-9]+ lines?, 0\.0 of 0\.0 MiB \([0-9]+%\), [0-9,]+ lines/s, [0-9]+:[0-9]{2}/#) != nil },
                "\(texts)")
        #expect(result.standardError.utf8.allSatisfy { $0 < 0x80 })
        let quiet = InProcess.run(command + ["--quiet", InProcess.sample], errorIsTerminal: true, clock: { clock.read() })
        #expect(quiet.standardError == "" && quiet.standardOutput == result.standardOutput)
    }

    @Test("the line is erased before rejected lines and the closing summary are written")
    func beforeRejections() {
        let log = #"{"id":"x1","time":"2026-10-01T00:00:00Z","type":"application.created","account":"a","app":"shop","flavor":"gold"}"#
        let clock = SteppingClock(step: .seconds(3))
        let result = InProcess.run(["invoice", "--month", "2026-10", "-"], input: log + "\n", errorIsTerminal: true,
                                   clock: { clock.read() })
        #expect(result.status == .dataError)
        let drawn = "tally: 1 line, 0.0 of 0.0 MiB (100%), 0 lines/s, 0:03"
        #expect(result.standardError.hasPrefix("\r\(drawn)\r" + String(repeating: " ", count: drawn.count) + "\r"
            + "-:1: x1: unknown flavor \"gold\"; expected sandbox, live or enterprise\n"), "\(result.standardError.debugDescription)")
        #expect(result.standardError.components(separatedBy: "\r").count == 4)
    }

    @Test("TALLY_PROGRESS_DELAY sets the delay in whole seconds; anything else is a usage error")
    func delay() {
        let clock = SteppingClock(step: .milliseconds(1))
        let now = InProcess.run(["invoice", "--month", "2026-10", InProcess.sample],
                                environment: InProcess.utf8.merging(["TALLY_PROGRESS_DELAY": "0"]) { $1 }, errorIsTerminal: true,
                                clock: { clock.read() })
        #expect(now.standardError.hasPrefix("\rtally: "), "\(now.standardError.debugDescription)")
        // Redrawn at most every 250 ms: the first draw stays until it is erased.
        #expect(Self.drawn(now.standardError).texts.count == 1 && Self.drawn(now.standardError).erased)
        let bad = InProcess.run(["invoice", "--month", "2026-10", InProcess.sample],
                                environment: InProcess.utf8.merging(["TALLY_PROGRESS_DELAY": "1.5"]) { $1 })
        #expect(bad.status == .usage)
        #expect(bad.standardError.hasPrefix("tally: TALLY_PROGRESS_DELAY=\"1.5\": expected a whole number of seconds"))
    }

    @Test("the text: sizes, the share when the size is known, the rate, the time", arguments: [
        (ReadProgress(lines: 1_234_567, bytes: 157_286_400, totalBytes: 325_058_560), 2_016, "tally: 1,234,567 lines, 150.0 of 310.0 MiB (48%), 612,384 lines/s, 0:02"),
        (ReadProgress(lines: 65_536, bytes: 10_485_760, totalBytes: nil), 61_000, "tally: 65,536 lines, 10.0 MiB, 1,074 lines/s, 1:01"),
        (ReadProgress(lines: 65_536, bytes: 1_572_864, totalBytes: 0), 3_723_000, "tally: 65,536 lines, 1.5 MiB, 17 lines/s, 1:02:03"),
        (ReadProgress(lines: 10, bytes: 2_000, totalBytes: 1_000), 2_000, "tally: 10 lines, 0.0 MiB, 5 lines/s, 0:02"),
        (ReadProgress(lines: 99_999_999, bytes: 10_485_655_143, totalBytes: 10_485_655_143), 35_999_000,
         "tally: 99,999,999 lines, 9,999.9 of 9,999.9 MiB (100%), 2,777 lines/s, 9:59:59"),
    ])
    func text(progress: ReadProgress, milliseconds: Int64, expected: String) {
        let text = ProgressLine.text(progress, elapsed: .milliseconds(milliseconds))
        #expect(text == expected)
        #expect(text.count < 80)
    }
}
