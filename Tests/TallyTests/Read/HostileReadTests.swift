import Foundation
import Testing
@testable import Tally

/// The read stage against hostile input (README, "Bad input"): unknown keys
/// by the ten thousand cost linear time, numbers beyond 2^53 compare by their
/// exact value, a line of white space is blank however long, and what is
/// copied aside of standard input is bounded and never named in `$TMPDIR`.
@Suite("Read: hostile input")
struct HostileReadTests {
    /// A valid `application.created` line with `count` distinct unknown keys,
    /// `"k0":0,"k1":0,…`, before its last field, and `tail` after them.
    static func manyKeysLine(_ count: Int, id: String = "e1", tail: String = "") -> String {
        var line = #"{"id":"\#(id)","time":"2026-10-01T00:00:00Z","type":"application.created","account":"acct_1","#
        line.reserveCapacity(count * 12 + 200)
        for index in 0..<count { line += "\"k\(index)\":0," }
        return line + tail + #""app":"shop","flavor":"live"}"#
    }

    /// Seconds `body` takes on the continuous clock.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    // MARK: Unknown keys (SPEC §2: ignored, so their cost is linear)

    @Test("a line of 80,000 distinct unknown keys is read in linear time, by either parser")
    func manyUnknownKeys() throws {
        // Quadratic, this took about 10 s in a release build (80,000² / 2 key comparisons); linear, a few ms.
        let plain = Self.manyKeysLine(80_000)
        // An escape after the keys sends the line to Foundation once the fast parser has scanned them all.
        let escaped = Self.manyKeysLine(80_000, id: "e2", tail: #""note":"\u0041","#)
        var outcome: ReadOutcome?
        let elapsed = try Self.seconds {
            outcome = try Reading.read(plain + "\n" + escaped + "\n")
        }
        #expect(outcome?.counts == EventCounts(lines: 2))
        #expect(outcome?.records.count == 2)
        #expect(elapsed < 5, "80,000 unknown keys took \(elapsed) s")
    }

    @Test("a repeated unknown key is still found among thousands, and named")
    func repeatedAmongMany() throws {
        let line = Self.manyKeysLine(5_000, tail: #""k4321":1,"#)
        let verdict = try Reading.verdict(line)
        #expect(verdict == .rejected(.duplicateKey("k4321")))
    }

    @Test("a line of many unknown keys fingerprints the same whichever parser reads it")
    func manyKeysDuplicate() throws {
        let line = Self.manyKeysLine(20_000)
        let reordered = line.replacingOccurrences(of: #""k0":0,"k1":0,"#, with: #""k1":0,"k0":0,"#)
        let outcome = try Reading.read(line + "\n" + reordered + "\n")
        #expect(outcome.counts == EventCounts(lines: 2, duplicates: 1))
        let changed = line.replacingOccurrences(of: #""k19999":0"#, with: #""k19999":1"#)
        let conflicting = try Reading.read(line + "\n" + changed + "\n")
        #expect(conflicting.reasons == [.conflictingDuplicate(first: LogLocation(file: "test.jsonl", line: 1))])
    }

    // MARK: Numbers compared by exact value (SPEC §2.1)

    @Test("two lines that differ only in a number beyond 2^53 are a conflicting duplicate", arguments: [
        ("12345678901234567890", "12345678901234567891"),
        ("-12345678901234567890", "-12345678901234567891"),
        ("123456789012345678901234567890", "123456789012345678901234567891"),
        ("9007199254740993", "9007199254740992"),
        ("1.00000000000000000001", "1.00000000000000000002"),
        ("0.1", "0.10000000000000001"),
        ("18446744073709551616", "18446744073709551617"),
    ])
    func bigNumbersDiffer(_ first: String, _ second: String) throws {
        let one = EventLine.make("ssl.disabled", ["big": first])
        let two = EventLine.make("ssl.disabled", ["big": second])
        let outcome = try Reading.read(one + "\n" + two + "\n")
        #expect(outcome.reasons == [.conflictingDuplicate(first: LogLocation(file: "test.jsonl", line: 1))])
        #expect(outcome.counts == EventCounts(lines: 2, rejected: 1))
    }

    @Test("numbers equal in value are one value, however written", arguments: [
        ("12345678901234567890", "1234567890123456789e1"),
        ("12345678901234567890", "12345678901234567890.000"),
        ("64", "64.0"),
        ("64", "6.4e1"),
        ("100", "1E+2"),
        ("0", "-0.0e10"),
        ("0.5", "5e-1"),
        ("-9223372036854775808", "-9223372036854775808.0"),
        ("1e300", "10e299"),
    ])
    func equalNumbersAgree(_ first: String, _ second: String) throws {
        let one = EventLine.make("ssl.disabled", ["big": first])
        let two = EventLine.make("ssl.disabled", ["big": second])
        let outcome = try Reading.read(one + "\n" + two + "\n")
        #expect(outcome.counts == EventCounts(lines: 2, duplicates: 1))
    }

    @Test("the fingerprint read from the text agrees with the fast parser's")
    func fingerprintsAgree() throws {
        let lines = [
            EventLine.make("service.deployed"),
            EventLine.make("ssl.disabled", ["n": "-922337203685477580", "s": #""plain""#, "t": "true", "u": "null"]),
        ]
        for line in lines {
            var fast = FastLineParser()
            let fingerprint = try line.utf8CString.withUnsafeBytes { bytes -> UInt64 in
                let text = UnsafeRawBufferPointer(rebasing: bytes.dropLast())
                guard case .object = fast.parse(text, fingerprinting: true) else {
                    Issue.record("the fast parser did not take \(line)")
                    return 0
                }
                return try #require(ValueFingerprint.ofJSONText(text))
            }
            #expect(fast.fields.fingerprint == fingerprint)
        }
        #expect(Array("[1,]".utf8).withUnsafeBytes { ValueFingerprint.ofJSONText($0) } == nil)
        #expect(Array("{\"a\":01}".utf8).withUnsafeBytes { ValueFingerprint.ofJSONText($0) } == nil)
    }

    // MARK: Blank lines (SPEC §2: lines of only white space are skipped)

    @Test("a line of only white space is blank however long, even past the 1 MiB line limit")
    func longBlankLines() throws {
        let blank = String(repeating: " \t", count: LineReader.maximumLineLength) + "\r"
        let event = EventLine.make("application.created")
        for text in [event + "\n" + blank + "\n", blank + "\n" + event + "\n", event + "\n" + blank] {
            let outcome = try Reading.read(text)
            #expect(outcome.counts == EventCounts(lines: 1))
            #expect(outcome.rejections.isEmpty)
        }
    }

    @Test("a long line of white space with anything after the first MiB is still too long")
    func longLineNotBlank() throws {
        for text in [String(repeating: " ", count: LineReader.maximumLineLength + 10) + "{}\n",
                     String(repeating: " ", count: 3 * LineReader.maximumLineLength) + "x"] {
            let outcome = try Reading.read(text)
            #expect(outcome.counts == EventCounts(lines: 1, rejected: 1))
            guard case .lineTooLong? = outcome.reasons.first else {
                Issue.record("expected lineTooLong, got \(outcome.reasons)")
                continue
            }
        }
    }

    // MARK: The spool of standard input and pipes

    @Test("the spool has no name: the folder it is made in stays empty while it is written and read")
    func spoolHasNoName() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try InputSpool(name: "-", limit: 1 << 20, directory: folder.path)
        try spool.append(Data("line one\nline two\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        #expect(spool.bytes(at: 9, count: 8) == Array("line two".utf8))
        spool.close()
        #expect(spool.bytes(at: 0, count: 4) == nil)
    }

    @Test("a spool that would pass its limit stops the read with a message naming the limit and how to raise it")
    func spoolLimit() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try InputSpool(name: "-", limit: 10, directory: folder.path)
        try spool.append(Data("0123456789".utf8))
        #expect(throws: InputError(name: "-", problem: InputSpool.limitProblem(10))) { try spool.append(Data("x".utf8)) }
        #expect(InputSpool.limitProblem(4 << 30) == "is larger than the spool limit of 4,294,967,296 bytes: standard input "
            + "and other inputs that are not regular files are copied aside as they are read, and at most that much; "
            + "nothing was billed: give the log as a regular file, or raise the limit (for tally, TALLY_SPOOL_LIMIT=BYTES)")
    }

    @Test("a folder where no spool can be made is an input error naming it")
    func spoolFolderMissing() {
        #expect(throws: InputError.self) { try InputSpool(name: "-", limit: 10, directory: "/nonexistent/tmp") }
    }

    @Test("a pipe larger than its spool limit stops the run; within the limit it is read whole, twice when unsorted")
    func pipeLimit() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("events.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Out of time order, so the run reads the spool again.
        var log = LogBuilder()
        log.createApp("shop", at: "2026-10-05T00:00:00Z")
        log.createApp("blog", at: "2026-10-01T00:00:00Z")
        let text = log.text
        for (limit, fits) in [(Int64(text.utf8.count), true), (Int64(text.utf8.count - 1), false)] {
            let writer = Thread {
                if let handle = FileHandle(forWritingAtPath: fifo) {
                    handle.write(Data(text.utf8))
                    try? handle.close()
                }
            }
            writer.start()
            let input = EventInput.file(fifo).limitingSpool(to: limit)
            if fits {
                let run = try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, [input])
                #expect(run.events == EventCounts(lines: 2, applied: 2))
            } else {
                #expect(throws: RunError.input(InputError(name: fifo, problem: InputSpool.limitProblem(limit)))) {
                    try BillingPipeline(rateCards: Fixtures.defaultRates).invoices(for: BillingPeriod("2026-10")!, [input])
                }
            }
            for _ in 0..<6000 where !writer.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        }
    }
}
