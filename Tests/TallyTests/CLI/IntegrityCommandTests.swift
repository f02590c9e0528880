import Foundation
import Testing
@testable import Tally

@Suite("tally invoice: rejects file, strict mode, determinism")
struct IntegrityCommandTests {
    static let sample = "Tests/TallyTests/Fixtures/sample-events.jsonl"

    /// The sample log followed by three bad lines (a §2.2 violation, invalid
    /// UTF-8, CRLF-ended garbage) as bytes.
    static var damagedLog: Data {
        var data = (try? Data(contentsOf: Fixtures.directory.appendingPathComponent("sample-events.jsonl"))) ?? Data()
        data += Data(#"{"id":"r1","time":"2026-10-09T00:00:00Z","type":"service.scaled","account":"acct_shop","app":"shop","service":"db","instances":2}"#.utf8)
        data += Data("\n".utf8)
        data += Data([0x7B, 0xFF, 0xFE, 0x7D, 0x0A])
        data += Data("oops, not json\r\n".utf8)
        return data
    }

    @Test("--rejects writes every rejected line as read, with file, line, reason; exit 65")
    func rejectsFile() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rejectsPath = directory.appendingPathComponent("rejects.jsonl").path
        try "old content\n".write(toFile: rejectsPath, atomically: true, encoding: .utf8)

        let result = try TallyExecutable.run(["invoice", "--month", "2026-10", "--rejects", rejectsPath, "-"], input: Self.damagedLog)
        #expect(result.status == 65)
        #expect(result.standardOutput.contains("Invoice INV-202610-acct_shop  ** HELD"))
        // Three rejected lines, then the closing summary naming the rejects file.
        #expect(result.standardError.split(separator: "\n").filter { !$0.hasPrefix("tally: ") && !$0.hasPrefix("  ") }.count == 3)
        #expect(result.standardError.hasSuffix("tally: next: the rejected lines are in \(rejectsPath) (JSON Lines); fix them "
            + "in the log itself (appending a corrected line does not clear a hold), then run again.\n"))

        let written = try String(contentsOfFile: rejectsPath, encoding: .utf8)
        let objects = try written.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.count == 3)
        // In input order, whichever stage rejected them.
        #expect(objects.map { $0["line_number"] as? Int } == [24, 25, 26])
        #expect(objects.map { $0["code"] as? String } == ["rule_violation", "invalid_utf8", "invalid_json"])
        #expect(objects.allSatisfy { $0["file"] as? String == "-" })
        #expect(objects[1]["line_base64"] as? String == Data([0x7B, 0xFF, 0xFE, 0x7D]).base64EncodedString())
        #expect(objects[1]["line"] is NSNull)
        #expect(objects[2]["line"] as? String == "oops, not json")
        #expect(objects[0]["line"] as? String == #"{"id":"r1","time":"2026-10-09T00:00:00Z","type":"service.scaled","account":"acct_shop","app":"shop","service":"db","instances":2}"#)
        #expect(objects[0]["id"] as? String == "r1")
        #expect(objects[0]["account"] as? String == "acct_shop")
        #expect(objects[0]["reason"] as? String == "service db does not exist in application shop")
        // Atomic: no temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["rejects.jsonl"])
    }

    @Test("a rejects file can be fixed and replayed")
    func replay() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rejectsPath = directory.appendingPathComponent("rejects.jsonl").path
        _ = try TallyExecutable.run(["invoice", "--month", "2026-10", "--rejects", rejectsPath, "-"], input: Self.damagedLog)
        let line = try #require(try String(contentsOfFile: rejectsPath, encoding: .utf8).split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let fixed = try #require(object["line"] as? String).replacingOccurrences(of: "\"db\"", with: "\"www\"")
        let log = try String(contentsOfFile: Fixtures.directory.appendingPathComponent("sample-events.jsonl").path, encoding: .utf8)
        let result = try TallyExecutable.run(["invoice", "--month", "2026-10", "-"], input: Data((log + fixed + "\n").utf8))
        #expect(result.status == 0)
        #expect(result.standardError == "")
    }

    @Test("--strict prints no invoices when a line is rejected, still reports it, exits 65")
    func strict() throws {
        let damaged = try TallyExecutable.run(["invoice", "--month", "2026-10", "--strict", "-"], input: Self.damagedLog)
        #expect(damaged.status == 65)
        #expect(damaged.standardOutput == "")
        #expect(damaged.standardError.hasSuffix("tally: --strict: 3 lines rejected; no invoices printed\n"))
        #expect(damaged.standardError.contains("-:24: r1: service db does not exist in application shop"))

        let clean = try TallyExecutable.run(["invoice", "--month", "2026-10", "--strict", Self.sample])
        #expect(clean.status == 0)
        try Golden.check(clean.standardOutput, named: "sample-2026-10.txt")
    }

    @Test("the same input gives the same bytes whatever TZ and locale say", arguments: ["text", "json"])
    func determinism(format: String) throws {
        let arguments = ["invoice", "--month", "2026-10", "--format", format, "-"]
        let reference = try TallyExecutable.run(arguments, input: Self.damagedLog,
                                                environment: ["TZ": "UTC", "LANG": "C", "LC_ALL": "C"])
        for environment in [
            ["TZ": "Asia/Kolkata", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"],
            ["TZ": "America/St_Johns", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"],
            ["TZ": "Pacific/Chatham", "LANG": "ar_EG.UTF-8", "LC_ALL": "ar_EG.UTF-8", "LC_NUMERIC": "fr_FR.UTF-8"],
        ] {
            let result = try TallyExecutable.run(arguments, input: Self.damagedLog, environment: environment)
            #expect(result.status == reference.status)
            #expect(result.standardOutput == reference.standardOutput, "output changed under \(environment)")
            #expect(result.standardError == reference.standardError, "messages changed under \(environment)")
        }
    }

    @Test("re-running a month never changes an invoice number")
    func stableNumbers() throws {
        let first = try TallyExecutable.run(["invoice", "--month", "2026-10", "--format", "json", Self.sample])
        let more = try Data(contentsOf: Fixtures.directory.appendingPathComponent("sample-events.jsonl"))
            + Data(#"{"id":"z1","time":"2026-10-30T00:00:00Z","type":"application.created","account":"acct_aaa","app":"x","flavor":"live"}"#.utf8)
            + Data("\n".utf8)
            + Data(#"{"id":"z2","time":"2026-10-30T00:00:00Z","type":"service.deployed","account":"acct_aaa","app":"x","service":"w","service_type":"static","instances":1,"memory_mb":32}"#.utf8)
            + Data("\n".utf8)
        let second = try TallyExecutable.run(["invoice", "--month", "2026-10", "--format", "json", "-"], input: more)
        func numbers(_ json: String) throws -> [String: String] {
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let invoices = try #require(document["invoices"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: invoices.map { ($0["account"] as! String, $0["number"] as! String) })
        }
        let before = try numbers(first.standardOutput)
        let after = try numbers(second.standardOutput)
        #expect(before == ["acct_blog": "INV-202610-acct_blog", "acct_labs": "INV-202610-acct_labs", "acct_shop": "INV-202610-acct_shop"])
        for (account, number) in before { #expect(after[account] == number) }
        #expect(after["acct_aaa"] == "INV-202610-acct_aaa")
    }

    @Test("no raw control bytes reach the terminal from hostile names or fields")
    func noRawBytes() throws {
        let hostile = [
            #"{"id":"h1","time":"2026-10-01T00:00:00Z","type":"application.created","account":"a\u001b]0;pwned\u0007","app":"x","flavor":"live"}"#,
            #"{"id":"h2\u001b[2J","time":"2026-10-01T00:00:00Z","type":"bogus","account":"a"}"#,
            #"{"id":"h3","time":"2026-10-01T00:00:00Z","type":"application.created","account":"a","app":"x","flavor":"\u009b31m","note":"\u001b[31m"}"#,
            "{\"id\":\"h4\",\"time\":\"\u{1B}[5m\"}",
        ].joined(separator: "\n") + "\n"
        let result = try TallyExecutable.run(["invoice", "--month", "2026-10", "-"], input: Data(hostile.utf8))
        #expect(result.status == 65)
        for output in [result.standardOutput, result.standardError] {
            #expect(!output.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        }
        #expect(result.standardError.split(separator: "\n").filter { !$0.hasPrefix("tally: ") && !$0.hasPrefix("  ") }.count == 4)
        #expect(result.standardError.contains("tally: 4 lines rejected (listed above, in input order).\n"))
    }
}
