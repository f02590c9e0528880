import Foundation
import Testing
@testable import Tally

/// README, "Performance": the fast reader must decide every line as the
/// Foundation reader does, with the same values. `Reading.read` runs both and
/// compares records (every field), rejections (every reason) and counts.
@Suite("Read: 12,000 awkward lines, fast reader against Foundation")
struct ReadAwkwardLineTests {
    @Test("the same records, rejections and counts from both readers", arguments: [UInt64(1), 2, 3])
    func awkwardLines(seed: UInt64) throws {
        var generator = AwkwardLines(seed: seed)
        var lines: [[UInt8]] = []
        for index in 0..<4_000 { lines.append(generator.next(index: index)) }
        // Both paths must get real work: lines the fast parser takes, and lines it leaves to Foundation.
        var fast = FastLineParser()
        let taken = lines.filter { line in line.withUnsafeBytes { if case .object = fast.parse($0) { true } else { false } } }.count
        #expect(taken > 600, "seed \(seed)")
        #expect(lines.count - taken > 1_200, "seed \(seed)")

        var bytes: [UInt8] = []
        for line in lines { bytes += line + [0x0A] }
        let outcome = try Reading.read([Reading.input(bytes: bytes, name: "awkward.jsonl")])
        // A line cut to nothing is blank, and blank lines are not counted.
        #expect(outcome.counts.lines == lines.filter { !$0.isEmpty }.count, "seed \(seed)")
        // Every kind of outcome occurs.
        #expect(outcome.records.count > 300, "seed \(seed)")
        #expect(outcome.counts.duplicates > 40, "seed \(seed)")
        let codes = Set(outcome.rejections.map(\.reason.code))
        for code in ["invalid_utf8", "invalid_json", "duplicate_key", "invalid_value", "wrong_type", "unknown_type",
                     "unknown_flavor", "conflicting_duplicate", "missing_field", "not_an_object"] {
            #expect(codes.contains(code), "seed \(seed): no \(code) rejection")
        }
    }
}
