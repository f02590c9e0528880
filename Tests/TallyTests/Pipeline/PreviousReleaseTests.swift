import Foundation
import Testing
@testable import Tally
@testable import tally_bench

/// The month-end run's JSON against the previous release's (tally 0.1.0), on
/// seeded logs of every benchmark shape (README, "Performance").
///
/// Each log is made by the benchmark's own generator (`SyntheticLog`: 400 to
/// 2,000 events, with the shape's account count scaled down about in
/// proportion, so that an account sees about as many events as in the
/// benchmark's million; sizes chosen so that the expected documents stay
/// under 200 KB in all) and is not stored: its size and FNV-1a digest are, so
/// that a change of the generator (or of the standard library's shuffle,
/// which the `shuffled` shape uses) is told apart from a change of Tally.
/// What is stored is the previous release's output for it,
/// `Fixtures/previous-release/<shape>.json`, made by `tally-v0 invoice --month
/// 2026-10 --format json --rates Fixtures/previous-release/rates LOG`; the
/// two rate cards there (a second one from 2026-10-17T06:00:00Z, with other
/// prices, `half-even` rounding and 192 MB edges) split lines mid-month.
///
/// The comparison is byte for byte on the SPEC §6 document, once the three
/// keys this release adds to each line (`line_id`, `mb_hours`,
/// `service_type`; README, "The month-end run") are removed from the new
/// output, and nothing else: the JSON is pretty-printed with sorted keys, one
/// member a line, and none of the three is ever a line's last member
/// (`unit_price` is), so removing their lines leaves exactly the document the
/// previous release would write. On a difference the failure shows the first
/// differing lines.
///
/// Re-record on purpose, with the previous release's binary:
/// `TALLY_PREVIOUS_RELEASE=/work/ref/tally-v0 swift test --filter PreviousReleaseTests`
/// writes the expected files and prints each log's size and digest for the
/// table below.
@Suite("Byte-identical JSON against the previous release")
struct PreviousReleaseTests {
    /// One generated log: its shape, size, accounts, and what it must hash to.
    struct Case: Sendable, CustomTestStringConvertible {
        var shape: BenchmarkShape
        var events: Int
        var accounts: Int
        /// The generated log's size in bytes and FNV-1a 64-bit digest.
        var bytes: Int
        var digest: UInt64

        var log: SyntheticLog { SyntheticLog(shape: shape, events: events, seed: PreviousReleaseTests.seed, accounts: accounts) }
        var testDescription: String { "\(shape.rawValue), \(events) events, \(accounts) accounts" }
    }

    static let seed: UInt64 = 2026
    static let month = BillingPeriod("2026-10")!
    static let directory = Fixtures.directory.appendingPathComponent("previous-release")
    static let rates = directory.appendingPathComponent("rates")
    /// The keys this release adds to each line of SPEC §6's document.
    static let addedLineKeys = ["line_id", "mb_hours", "service_type"]

    static let cases: [Case] = [
        Case(shape: .baseline, events: 2_000, accounts: 2,
             bytes: 295_619, digest: 0x445D_1ABF_5729_0662),
        Case(shape: .sslEdges, events: 1_200, accounts: 14,
             bytes: 180_125, digest: 0x9D42_7CA9_63D2_B898),
        Case(shape: .manyAccounts, events: 400, accounts: 48,
             bytes: 61_309, digest: 0x9120_908D_E80C_69F4),
        Case(shape: .history, events: 2_000, accounts: 20,
             bytes: 297_509, digest: 0x41F8_463C_73B6_5EFE),
        Case(shape: .shuffled, events: 1_200, accounts: 14,
             bytes: 180_125, digest: 0xBFD4_0750_8D4B_C5DA),
        Case(shape: .duplicates, events: 1_200, accounts: 14,
             bytes: 182_058, digest: 0x9618_CED9_6552_CB0B),
    ]

    @Test("the month-end JSON is the previous release's, but for the keys added to lines", arguments: cases)
    func sameDocument(_ test: Case) throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(test.log.fileName).path
        try test.log.write(to: path)
        let log = try Data(contentsOf: URL(fileURLWithPath: path))
        let expectedFile = Self.directory.appendingPathComponent("\(test.shape.rawValue).json")

        if let previous = ProcessInfo.processInfo.environment["TALLY_PREVIOUS_RELEASE"], !previous.isEmpty {
            let result = try TallyExecutable.run(
                ["invoice", "--month", Self.month.description, "--format", "json", "--rates", Self.rates.path, path],
                executable: URL(fileURLWithPath: previous))
            try result.standardOutput.write(to: expectedFile, atomically: true, encoding: .utf8)
            print("recorded \(expectedFile.lastPathComponent): log of \(log.count) bytes, digest \(Self.hex(Self.fnv1a(log)))")
            return
        }

        #expect(log.count == test.bytes && Self.fnv1a(log) == test.digest,
                """
                the generator no longer makes the recorded log (\(log.count) bytes, digest \(Self.hex(Self.fnv1a(log)))): \
                the comparison below is then meaningless; re-record with the previous release (see the suite's comment)
                """)
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        let rateCards = try RateCardSet.load(directory: Self.rates.path)
        let current = try BillingPipeline(rateCards: rateCards).invoices(for: Self.month, [.file(path)]).json()
        let comparable = Self.removingAddedLineKeys(current)
        #expect(comparable == expected,
                "\(test.shape.rawValue): differs from the previous release:\n\(Self.diff(expected, comparable))")
        // The removal takes out the added keys only: one line per added key per line item.
        let lineItems = expected.components(separatedBy: "\n").filter { $0.hasSuffix("\"kind\" : \"service\",") }.count
        let removed = current.components(separatedBy: "\n").count - comparable.components(separatedBy: "\n").count
        let edges = expected.components(separatedBy: "\n").filter { $0.hasSuffix("\"kind\" : \"ssl_edge\",") }.count
        #expect(removed == 3 * lineItems + 2 * edges, "\(test.shape.rawValue): removed \(removed) lines")
    }

    /// `document` without the members `line_id`, `mb_hours` and `service_type`.
    static func removingAddedLineKeys(_ document: String) -> String {
        let prefixes = addedLineKeys.map { "\"\($0)\" : " }
        return document.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let trimmed = line.drop { $0 == " " }
            return !prefixes.contains { trimmed.hasPrefix($0) }
        }.joined(separator: "\n")
    }

    /// The first differing lines (up to 20), `-` expected and `+` actual, with
    /// their line numbers and the line before them.
    static func diff(_ expected: String, _ actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        let differs = { (index: Int) in index >= old.count || index >= new.count || old[index] != new[index] }
        guard let first = (0..<max(old.count, new.count)).first(where: differs) else { return "(no difference)" }
        var output = first > 0 ? "  \(first): \(old[first - 1])\n" : ""
        var shown = 0
        for index in first..<max(old.count, new.count) where shown < 20 {
            let left = index < old.count ? old[index] : nil
            let right = index < new.count ? new[index] : nil
            if left == right { continue }
            if let left { output += "-\(index + 1): \(left)\n" }
            if let right { output += "+\(index + 1): \(right)\n" }
            shown += 1
        }
        return output + "(\(old.count) lines expected, \(new.count) written)"
    }

    /// FNV-1a, 64 bits.
    static func fnv1a(_ data: Data) -> UInt64 {
        data.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    static func hex(_ value: UInt64) -> String {
        "0x" + String(value, radix: 16, uppercase: true)
    }
}
